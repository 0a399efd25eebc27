// Imported first: column types are fixed from the environment when entities load.
// BENCH_DB=postgres uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); else SQLite.
if (process.env.BENCH_DB === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
else delete process.env.TEST_DATABASE_URL;
process.env.LOG_LEVEL ??= 'silent';
