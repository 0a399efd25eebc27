import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

type Owner = symbol | 'anonymous' | null;

const ADMIT_PATIENCE_MS = 2000;

const gates = new WeakMap<DataSource, SqliteConnectionGate>();

/**
 * SQLite through TypeORM is one shared connection (better-sqlite3 hands every caller the same
 * query runner), so two transactions opened at once interleave on it: the second `BEGIN` fails
 * ("cannot start a transaction within a transaction") or turns into a savepoint of the first, and a
 * rollback of one undoes the other's work. The gate gives the connection to one transaction at a
 * time: statements from other async contexts wait until it commits or rolls back. A transaction
 * opened inside one (a nested `run`) becomes a savepoint, as on PostgreSQL.
 *
 * Transactions TypeORM opens by itself (`save()` outside a transaction) have no owner context; they
 * hold the connection as "anonymous" against explicit transactions, as before this gate.
 */
export class SqliteConnectionGate {
  private readonly context = new AsyncLocalStorage<symbol>();
  private owner: Owner = null;
  private waiters: (() => void)[] = [];
  private warned = false;

  private constructor(private readonly dataSource: DataSource) {}

  /** The gate of a SQLite data source (installed on its shared query runner once); null on PostgreSQL. */
  static of(dataSource: DataSource): SqliteConnectionGate | null {
    if (dataSource.options.type !== 'better-sqlite3') return null;
    let gate = gates.get(dataSource);
    if (!gate) {
      gate = new SqliteConnectionGate(dataSource);
      gate.install(dataSource.createQueryRunner());
      gates.set(dataSource, gate);
    }
    return gate;
  }

  /** One transaction with the connection to itself; nested calls (same context) become savepoints. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const mine = this.context.getStore();
    if (mine && mine === this.owner) return this.dataSource.transaction(work);
    const token = Symbol('sqlite-transaction');
    return this.context.run(token, async () => {
      await this.acquire(token);
      try {
        return await this.dataSource.transaction(work);
      } finally {
        this.release();
      }
    });
  }

  private install(runner: QueryRunner): void {
    // The class's methods, looked up at each call (not captured): whoever wraps the prototype later
    // (the SQL-counting tests) still sees the shared runner's statements.
    const proto = Object.getPrototypeOf(runner) as QueryRunner;
    const query = (...args: unknown[]) => (proto.query as (...a: unknown[]) => Promise<unknown>).apply(runner, args);
    const start = (...args: Parameters<QueryRunner['startTransaction']>) => proto.startTransaction.apply(runner, args);
    const commit = () => proto.commitTransaction.apply(runner);
    const rollback = () => proto.rollbackTransaction.apply(runner);
    const r = runner as unknown as Record<string, unknown>;
    r.query = async (...args: unknown[]) => {
      await this.admit();
      return query(...args);
    };
    r.startTransaction = async (...args: Parameters<QueryRunner['startTransaction']>) => {
      if (!this.context.getStore() || this.context.getStore() !== this.owner) {
        // TypeORM's own transaction (save/remove): wait for an explicit one to finish first.
        while (this.owner !== null && this.owner !== 'anonymous') await this.freed();
        if (this.owner === null) this.owner = 'anonymous';
      }
      return start(...args);
    };
    const settle = async (done: () => Promise<void>) => {
      try {
        await done();
      } finally {
        if (this.owner === 'anonymous' && !runner.isTransactionActive) this.release();
      }
    };
    r.commitTransaction = () => settle(commit);
    r.rollbackTransaction = () => settle(rollback);
  }

  /**
   * A statement runs when nobody holds the connection, its context holds it, or TypeORM's own
   * transaction does (as before). One that waited ADMIT_PATIENCE_MS runs anyway (joining the open
   * transaction, the behaviour before the gate): a transaction awaiting a promise that itself waits
   * here (a cache filled by another request) must not deadlock the connection.
   */
  private async admit(): Promise<void> {
    const until = Date.now() + ADMIT_PATIENCE_MS;
    for (;;) {
      if (this.owner === null || this.owner === 'anonymous' || this.owner === this.context.getStore()) return;
      const left = until - Date.now();
      if (left <= 0) {
        if (!this.warned)
          new Logger('SqliteConnectionGate').warn('A statement waited 2 s for a transaction; let through');
        this.warned = true;
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.freed(), new Promise<void>((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
  }

  private async acquire(token: symbol): Promise<void> {
    while (this.owner !== null) await this.freed();
    this.owner = token;
  }

  private release(): void {
    this.owner = null;
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((wake) => wake());
  }

  private freed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
