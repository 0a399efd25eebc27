// Imported first (before bench-env reads it): this benchmark defaults to PostgreSQL, as two instances
// behind a load balancer run in production; BENCH_DB=sqlite runs both on one SQLite file.
process.env.BENCH_DB ??= 'postgres';
