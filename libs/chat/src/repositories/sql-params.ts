import type { DataSource } from 'typeorm';

/** Positional placeholders for hand-written SQL: `$1, $2` on PostgreSQL, `?` on SQLite. */
export function placeholders(dataSource: DataSource): (index: number) => string {
  return dataSource.options.type === 'postgres' ? (i) => `$${i}` : () => '?';
}

/** `query()` answers UPDATE ... RETURNING with rows on SQLite and [rows, count] on pg. */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}
