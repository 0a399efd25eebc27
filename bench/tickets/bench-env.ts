// Imported first: column types are fixed from the environment when entities load.
// BENCH_DB=sqlite runs on a fresh SQLite file; otherwise PostgreSQL (TEST_DATABASE_URL or the local default).
if (process.env.BENCH_DB === 'sqlite') delete process.env.TEST_DATABASE_URL;
else process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
process.env.LOG_LEVEL ??= 'silent';
