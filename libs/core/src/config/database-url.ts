export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The driver this process uses, known before any entity loads (column types depend on it).
 * Tests select PostgreSQL with TEST_DATABASE_URL.
 */
export function usesPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DATABASE_URL) return isPostgresUrl(env.DATABASE_URL);
  return isPostgresUrl(env.TEST_DATABASE_URL);
}
