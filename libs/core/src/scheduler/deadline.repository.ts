import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import type { Tx } from '../database/tx.js';
import { DeadlineEntity } from './deadline.entity.js';

@Injectable()
export class DeadlineRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(DeadlineEntity);
  }

  /** Inside the caller's transaction when given: a deadline is armed with the state change that needs it. */
  private repoIn(tx?: Tx) {
    return tx ? tx.manager.getRepository(DeadlineEntity) : this.repo;
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Driver-native representation of a date, as TypeORM would write it for this column. */
  private dateParam(date: Date): unknown {
    const column = this.repo.metadata.findColumnWithPropertyName('dueAt')!;
    return this.dataSource.driver.preparePersistentValue(date, column);
  }

  async upsert(deadline: DeadlineEntity, tx?: Tx): Promise<void> {
    const repo = this.repoIn(tx);
    if (!deadline.key) {
      await repo.insert(deadline as never);
      return;
    }
    // Rescheduling an existing key moves the timer and re-arms it (also while it is running:
    // complete() then finds no running row to delete, and the timer fires again later). One
    // statement on the unique key (was UPDATE, then INSERT when nothing matched, then SQLite's
    // reload): a concurrent insert of the same key cannot fail it, inside a transaction or not.
    await repo
      .createQueryBuilder()
      .insert()
      .values(deadline as never)
      .orUpdate(
        [
          'kind',
          'payload',
          'dueAt',
          'state',
          'attempts',
          'maxAttempts',
          'lastError',
          'claimedBy',
          'claimedAt',
          'updatedAt',
        ],
        ['key'],
      )
      .updateEntity(false)
      .execute();
  }

  /**
   * Claims due timers in one statement. PostgreSQL: SKIP LOCKED lets instances claim disjoint
   * rows, and the outer `state = 'pending'` is re-checked on the latest row version, so a row
   * is never claimed twice. SQLite has a single writer, so the UPDATE is atomic by itself.
   */
  async claimDue(now: Date, owner: string, limit: number): Promise<DeadlineEntity[]> {
    const at = this.dateParam(now);
    const sql = this.postgres
      ? `UPDATE "deadlines" SET "state" = 'running', "claimedBy" = $1, "claimedAt" = $2, "attempts" = "attempts" + 1
         WHERE "id" IN (SELECT "id" FROM "deadlines" WHERE "state" = 'pending' AND "dueAt" <= $2 ORDER BY "dueAt" LIMIT $3 FOR UPDATE SKIP LOCKED)
         AND "state" = 'pending' RETURNING "id"`
      : `UPDATE "deadlines" SET "state" = 'running', "claimedBy" = ?, "claimedAt" = ?, "attempts" = "attempts" + 1
         WHERE "id" IN (SELECT "id" FROM "deadlines" WHERE "state" = 'pending' AND "dueAt" <= ? ORDER BY "dueAt" LIMIT ?)
         AND "state" = 'pending' RETURNING "id"`;
    const params = this.postgres ? [owner, at, limit] : [owner, at, at, limit];
    const rows = (await this.dataSource.query(sql, params)) as { id: string }[] | [{ id: string }[], number];
    // The pg driver answers an UPDATE ... RETURNING with [rows, count].
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    if (!list.length) return [];
    return this.repo.find({ where: { id: In(list.map((r) => r.id)) }, order: { dueAt: 'ASC' } });
  }

  /** Done: the row goes, unless it was re-armed (rescheduled) while running. */
  async complete(id: string, owner: string): Promise<void> {
    await this.repo.delete({ id, state: 'running', claimedBy: owner });
  }

  async retryLater(id: string, owner: string, error: string, dueAt: Date): Promise<void> {
    await this.repo.update(
      { id, state: 'running', claimedBy: owner },
      { state: 'pending', lastError: error.slice(0, 2000), dueAt, claimedBy: null, claimedAt: null },
    );
  }

  async markFailed(id: string, owner: string, error: string): Promise<void> {
    await this.repo.update(
      { id, state: 'running', claimedBy: owner },
      { state: 'failed', lastError: error.slice(0, 2000) },
    );
  }

  /** Timers claimed by an instance that died mid-run go back to the pool. */
  async releaseStale(claimedBefore: Date): Promise<number> {
    const result = await this.repo.update(
      { state: 'running', claimedAt: LessThan(claimedBefore) },
      { state: 'pending', claimedBy: null, claimedAt: null },
    );
    return result.affected ?? 0;
  }

  async cancelByKey(key: string, tx?: Tx): Promise<boolean> {
    return ((await this.repoIn(tx).delete({ key, state: In(['pending', 'failed']) })).affected ?? 0) > 0;
  }

  /** Several keys in one statement (all timers of a conversation when it ends). */
  async cancelByKeys(keys: string[], tx?: Tx): Promise<number> {
    if (!keys.length) return 0;
    return (await this.repoIn(tx).delete({ key: In(keys), state: In(['pending', 'failed']) })).affected ?? 0;
  }

  findByKey(key: string): Promise<DeadlineEntity | null> {
    return this.repo.findOneBy({ key });
  }

  countPending(): Promise<number> {
    return this.repo.countBy({ state: 'pending' });
  }
}
