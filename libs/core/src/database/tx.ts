import type { EntityManager } from 'typeorm';
import { DeferredInserts } from './deferred-inserts.js';

/**
 * A unit of work in progress, carried from services to repositories (Vendure's `ctx` carrying
 * its transaction is the model). Services pass it on without knowing what is inside, so they
 * never import TypeORM; repositories, the only ORM users, read the manager.
 */
export class Tx {
  constructor(
    /** Repositories only. */
    readonly manager: EntityManager,
  ) {
    // PostgreSQL: consecutive whole-row INSERTs of the unit go as one statement (see DeferredInserts).
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive && manager.connection.options.type === 'postgres') DeferredInserts.install(runner);
  }
}
