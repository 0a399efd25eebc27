// Imported first: column types are fixed from the environment when entities load.
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
process.env.LOG_LEVEL ??= 'silent';
