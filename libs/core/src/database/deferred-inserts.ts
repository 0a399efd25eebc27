import type { QueryRunner } from 'typeorm';

interface PendingInsert {
  sql: string;
  params: unknown[];
  /** The table's name as a word: a SELECT that names it must see the row. */
  table: RegExp;
}

/** PostgreSQL accepts 65,535 bound values per statement; batches stay well under it. */
const MAX_PARAMS_PER_FLUSH = 30_000;

const ROLLBACK = /^\s*ROLLBACK\b/i;
const SELECT = /^\s*SELECT\b/i;

/**
 * PostgreSQL transactions: whole-row INSERTs (BaseRepository.insertRows) wait on the transaction's
 * connection until a statement that could depend on them, then go as one statement of
 * data-modifying CTEs (`WITH s0 AS (INSERT …), s1 AS (INSERT …) INSERT …`). Every statement is a
 * round trip that costs the process ~100 µs of socket writes and wake-ups on this machine, and a
 * new ticket's mail wrote four INSERTs in a row (#20.5).
 *
 * What flushes them first: any statement but a SELECT (UPDATE, DELETE, another INSERT that is not
 * deferred, SAVEPOINT, COMMIT), and a SELECT that names a table with pending rows. ROLLBACK (also
 * to a savepoint, whose SAVEPOINT statement flushed what came before it) drops them. A constraint
 * error then surfaces at the flushing statement, in the same transaction, which rolls back as before.
 * Foreign keys are checked at the end of the combined statement, so a parent and its child can be
 * in one batch. SQLite is in-process (no round trip): nothing is deferred there.
 */
export class DeferredInserts {
  private static readonly states = new WeakMap<QueryRunner, DeferredInserts>();
  private pending: PendingInsert[] = [];
  private flushing: Promise<unknown> | null = null;

  private constructor(private readonly send: QueryRunner['query']) {}

  /** Once per transaction's query runner (runners are not reused across transactions). */
  static install(runner: QueryRunner): void {
    if (DeferredInserts.states.has(runner)) return;
    const state = new DeferredInserts(runner.query.bind(runner));
    DeferredInserts.states.set(runner, state);
    runner.query = ((sql: string, params?: unknown[], structured?: boolean) =>
      state.before(sql).then(() => state.send(sql, params, structured as never))) as QueryRunner['query'];
  }

  /** The runner's deferral, when it is a PostgreSQL transaction's. */
  static of(runner: QueryRunner | undefined): DeferredInserts | undefined {
    return runner ? DeferredInserts.states.get(runner) : undefined;
  }

  add(sql: string, params: unknown[], tableName: string): void {
    this.pending.push({ sql, params, table: new RegExp(`\\b${tableName.replace(/\W/g, '\\$&')}\\b`) });
  }

  /** Statements issued right after the flush queue behind it on the connection (one pg client). */
  private async before(sql: string): Promise<void> {
    const rollback = ROLLBACK.test(sql);
    if (this.pending.length) {
      if (rollback) this.pending = [];
      else if (!SELECT.test(sql) || this.pending.some((p) => p.table.test(sql))) this.flushing = this.flush();
    }
    const flushing = this.flushing;
    if (!flushing) return;
    if (rollback) {
      // A failed batch is why we roll back: let the ROLLBACK through.
      await flushing.catch(() => undefined);
      this.flushing = null;
      return;
    }
    await flushing;
    if (this.flushing === flushing) this.flushing = null;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    let i = 0;
    while (i < batch.length) {
      const parts: string[] = [];
      const params: unknown[] = [];
      do {
        const offset = params.length;
        parts.push(
          offset ? batch[i].sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : batch[i].sql,
        );
        params.push(...batch[i].params);
        i++;
      } while (i < batch.length && params.length + batch[i].params.length <= MAX_PARAMS_PER_FLUSH);
      const last = parts.pop()!;
      const sql = parts.length ? `WITH ${parts.map((s, n) => `s${n} AS (${s})`).join(', ')} ${last}` : last;
      await this.send(sql, params);
    }
  }
}
