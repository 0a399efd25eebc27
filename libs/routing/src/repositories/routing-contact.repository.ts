import { Injectable } from '@nestjs/common';
import { BaseRepository, forgetReads, memoRead, type Tx } from '@switchboard/core';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import type { ContactRoutingState } from '../routing.types.js';

/** Read-scope keys of `findById` (see findById). */
const READ_KEY = 'routing-contact:';

/** Queued contacts. Every state move is guarded by the state it leaves (conditional UPDATE). */
@Injectable()
export class RoutingContactRepository extends BaseRepository<RoutingContactEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, RoutingContactEntity);
  }

  /**
   * Inside a read scope (an agent's End: the end and its listeners, the wrap-up opening, the queue
   * leaving, each look the contact up), one read per contact until this repository writes any contact
   * (every write below forgets the memo, whether it won or not). Copies are handed out. In a
   * transaction, always a read of that transaction.
   */
  override async findById(id: string, tx?: Tx): Promise<RoutingContactEntity | null> {
    if (tx) return super.findById(id, tx);
    const row = await memoRead(READ_KEY + id, () => super.findById(id));
    return row && Object.assign(new RoutingContactEntity(), row, { triedIds: [...row.triedIds] });
  }

  override insert(entity: RoutingContactEntity, tx?: Tx): Promise<RoutingContactEntity> {
    forgetReads(READ_KEY);
    return super.insert(entity, tx);
  }

  override insertWithoutReload(entities: RoutingContactEntity | RoutingContactEntity[], tx?: Tx): Promise<void> {
    forgetReads(READ_KEY);
    return super.insertWithoutReload(entities, tx);
  }

  override save(entity: RoutingContactEntity, tx?: Tx): Promise<RoutingContactEntity> {
    forgetReads(READ_KEY);
    return super.save(entity, tx);
  }

  override deleteById(id: string, tx?: Tx): Promise<boolean> {
    forgetReads(READ_KEY);
    return super.deleteById(id, tx);
  }

  /** waiting → offered to one agent; false when another instance got there first. */
  async offer(id: string, agentId: string, expiresAt: Date, tx?: Tx): Promise<boolean> {
    forgetReads(READ_KEY);
    const r = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ state: 'offered', offeredTo: agentId, offerExpiresAt: expiresAt })
      .where('id = :id AND state = :waiting', { id, waiting: 'waiting' })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /**
   * Moves a contact out of `from` (as read: same state, same agent), so exactly one of two racing
   * moves (accept against expiry, decline against overflow) wins.
   */
  async move(
    from: Pick<RoutingContactEntity, 'id' | 'state' | 'offeredTo'>,
    set: Partial<Pick<RoutingContactEntity, 'state' | 'offeredTo' | 'offerExpiresAt' | 'triedIds' | 'leftAt'>>,
    tx?: Tx,
  ): Promise<boolean> {
    forgetReads(READ_KEY);
    const q = this.repo(tx)
      .createQueryBuilder()
      .update()
      .set(set as never)
      .where('id = :id AND state = :state', { id: from.id, state: from.state });
    if (from.offeredTo) q.andWhere('"offeredTo" = :agent', { agent: from.offeredTo });
    else q.andWhere('"offeredTo" IS NULL');
    const r = await q.execute();
    return (r.affected ?? 0) > 0;
  }

  /**
   * The oldest waiting contact of these queues, locked for the caller's decision. On PostgreSQL a
   * contact another decision holds is skipped (FOR UPDATE SKIP LOCKED): concurrent dispatchers take
   * different contacts instead of queueing behind the same one. SQLite has one writer: a plain read.
   */
  nextWaiting(queueIds: string[], tx: Tx): Promise<RoutingContactEntity | null> {
    if (!queueIds.length) return Promise.resolve(null);
    const q = this.repo(tx)
      .createQueryBuilder('c')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.state = :waiting', { waiting: 'waiting' })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(1);
    return this.skipLocked(q).getOne();
  }

  /** This contact if it is waiting and no other decision holds it (see `nextWaiting`). */
  lockWaiting(id: string, tx: Tx): Promise<RoutingContactEntity | null> {
    const q = this.repo(tx)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.state = :waiting', { id, waiting: 'waiting' });
    return this.skipLocked(q).getOne();
  }

  private skipLocked<Q extends SelectQueryBuilder<RoutingContactEntity>>(q: Q): Q {
    if (this.dataSource.options.type === 'postgres') q.setLock('pessimistic_write').setOnLocked('skip_locked');
    return q;
  }

  /**
   * An accepted contact handed on by its agent (transfer): out of `accepted` by exactly that agent,
   * so a transfer racing the End or a second transfer (two tabs, two instances) has one winner.
   */
  async handOver(
    id: string,
    agentId: string,
    set: Pick<
      RoutingContactEntity,
      'state' | 'queueId' | 'offeredTo' | 'offerExpiresAt' | 'triedIds' | 'transferFromId' | 'transferToId' | 'leftAt'
    >,
    tx?: Tx,
  ): Promise<boolean> {
    forgetReads(READ_KEY);
    const r = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set(set as never)
      .where('id = :id AND state = :accepted AND "offeredTo" = :agentId', { id, accepted: 'accepted', agentId })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /**
   * Still accepted by this agent, and locked until the transaction ends (a no-op UPDATE takes the row
   * lock `handOver` takes): a conference request and a transfer of the same contact are serialized.
   */
  async holdAccepted(id: string, agentId: string, tx: Tx): Promise<boolean> {
    forgetReads(READ_KEY);
    const r = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ offeredTo: agentId })
      .where('id = :id AND state = :accepted AND "offeredTo" = :agentId', { id, accepted: 'accepted', agentId })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /** The direct transfer to this agent is over (declined / rang out): true for the one caller that ended it. */
  async dropTransferTarget(id: string, agentId: string): Promise<boolean> {
    forgetReads(READ_KEY);
    const r = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ transferToId: null })
      .where('id = :id AND "transferToId" = :agentId', { id, agentId })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /** Per queue: contacts waiting or ringing. */
  async queuedCounts(queueIds: string[]): Promise<Map<string, number>> {
    if (!queueIds.length) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select('c.queueId', 'queueId')
      .addSelect('COUNT(*)', 'n')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.state IN (:...states)', { states: ['waiting', 'offered'] satisfies ContactRoutingState[] })
      .groupBy('c.queueId')
      .getRawMany<{ queueId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.queueId, Number(r.n)]));
  }

  /** Waiting contacts of these queues, first come first served. */
  waiting(queueIds: string[], limit = 50): Promise<RoutingContactEntity[]> {
    if (!queueIds.length) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('c')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.state = :waiting', { waiting: 'waiting' })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** The queue's contacts in these states, oldest first. */
  ofQueue(queueId: string, states: readonly ContactRoutingState[]): Promise<RoutingContactEntity[]> {
    return this.repo()
      .createQueryBuilder('c')
      .where('c.queueId = :queueId', { queueId })
      .andWhere('c.state IN (:...states)', { states })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /** Still in the queue (waiting or ringing an agent), oldest first. */
  queued(queueId: string): Promise<RoutingContactEntity[]> {
    return this.repo()
      .createQueryBuilder('c')
      .where('c.queueId = :queueId', { queueId })
      .andWhere('c.state IN (:...states)', { states: ['waiting', 'offered'] satisfies ContactRoutingState[] })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /** The ids of `queued` only (queue positions: no entity built per waiting contact). */
  async queuedIds(queueId: string): Promise<string[]> {
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.queueId = :queueId', { queueId })
      .andWhere('c.state IN (:...states)', { states: ['waiting', 'offered'] satisfies ContactRoutingState[] })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Average seconds from arrival to accept of the queue's last `sample` accepted contacts (null: none yet). */
  async averageWaitSeconds(queueId: string, sample = 20): Promise<number | null> {
    const rows = await this.repo()
      .createQueryBuilder('c')
      .where('c.queueId = :queueId AND c.state = :accepted', { queueId, accepted: 'accepted' })
      .andWhere(new Brackets((w) => w.where('c.leftAt IS NOT NULL')))
      .orderBy('c.leftAt', 'DESC')
      .limit(sample)
      .getMany();
    if (!rows.length) return null;
    const total = rows.reduce((sum, r) => sum + (new Date(r.leftAt!).getTime() - new Date(r.arrivedAt).getTime()), 0);
    return total / rows.length / 1000;
  }

  /** Contacts still in any of these queues (waiting or ringing), oldest first; at most `limit` per call. */
  queuedIn(queueIds: string[], limit = 500): Promise<RoutingContactEntity[]> {
    if (!queueIds.length) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('c')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.state IN (:...states)', { states: ['waiting', 'offered'] satisfies ContactRoutingState[] })
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Per queue: contacts that arrived since `since`. */
  async arrivedSince(queueIds: string[], since: Date): Promise<Map<string, number>> {
    if (!queueIds.length) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select('c.queueId', 'queueId')
      .addSelect('COUNT(*)', 'n')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.arrivedAt >= :since', { since })
      .groupBy('c.queueId')
      .getRawMany<{ queueId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.queueId, Number(r.n)]));
  }

  /** Per queue and final state (accepted, overflowed, withdrawn): contacts that left since `since`. */
  async leftSince(
    queueIds: string[],
    since: Date,
  ): Promise<{ queueId: string; state: ContactRoutingState; n: number }[]> {
    if (!queueIds.length) return [];
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select('c.queueId', 'queueId')
      .addSelect('c.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.leftAt >= :since', { since })
      .groupBy('c.queueId')
      .addGroupBy('c.state')
      .getRawMany<{ queueId: string; state: ContactRoutingState; n: string | number }>();
    return rows.map((r) => ({ queueId: r.queueId, state: r.state, n: Number(r.n) }));
  }

  /**
   * Per queue: average seconds from arrival to accept of the contacts accepted since `since`. The
   * difference is taken here, not in SQL: date arithmetic differs between SQLite and PostgreSQL, and a
   * day's accepted contacts are few enough to read (two dates each).
   */
  async averageWaitSince(queueIds: string[], since: Date): Promise<Map<string, number>> {
    if (!queueIds.length) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select(['c.queueId', 'c.arrivedAt', 'c.leftAt'])
      .where('c.queueId IN (:...queueIds)', { queueIds })
      .andWhere('c.state = :accepted', { accepted: 'accepted' })
      .andWhere('c.leftAt >= :since', { since })
      .getMany();
    const sums = new Map<string, { total: number; n: number }>();
    for (const r of rows) {
      const s = sums.get(r.queueId) ?? { total: 0, n: 0 };
      s.total += new Date(r.leftAt!).getTime() - new Date(r.arrivedAt).getTime();
      s.n += 1;
      sums.set(r.queueId, s);
    }
    return new Map([...sums].map(([q, s]) => [q, s.total / s.n / 1000]));
  }
}
