import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { AgentStateEntity } from '../entities/agent-state.entity.js';
import type { AgentState } from '../routing.types.js';

@Injectable()
export class AgentStateRepository extends BaseRepository<AgentStateEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AgentStateEntity);
  }

  /** Creates the row on first use; a concurrent creator wins the primary key and we read theirs. */
  async ensure(row: AgentStateEntity, tx?: Tx): Promise<AgentStateEntity> {
    await this.repo(tx).createQueryBuilder().insert().values(row).orIgnore().updateEntity(false).execute();
    return (await this.findById(row.id, tx)) ?? row;
  }

  /** The agent's own choice; Busy when they come back at capacity (single statements, no read-modify-write). */
  async choose(id: string, state: 'available' | 'not_ready', now: Date, tx?: Tx): Promise<void> {
    // Becoming Available restarts the idle clock, unless it already was Available (a no-op re-select).
    if (state === 'available')
      await this.repo(tx)
        .createQueryBuilder()
        .update()
        .set({ idleSince: now })
        .where('id = :id AND state <> :available', { id, available: 'available' })
        .execute();
    const next =
      state === 'available' ? `CASE WHEN "activeChats" >= "maxChats" THEN 'busy' ELSE 'available' END` : `'not_ready'`;
    await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ state: () => next, stateSince: now })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Available agents among `ids` with a free slot in routing order: fewest chats first (load is
   * spread), then longest idle (for agents with no chat this is plain longest-idle).
   */
  async freeAgents(ids: string[], tx?: Tx): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.repo(tx)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where('s.id IN (:...ids)', { ids })
      .andWhere('s.state = :available', { available: 'available' })
      .andWhere('s.activeChats < s.maxChats')
      .orderBy('s.activeChats', 'ASC')
      .addOrderBy('s.idleSince', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * Claims one slot of an Available agent in a single conditional UPDATE: of two instances racing
   * for the last slot only one sees a row affected. Reaching capacity makes the agent Busy.
   */
  async claimSlot(id: string, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({
        activeChats: () => '"activeChats" + 1',
        state: () => `CASE WHEN "activeChats" + 1 >= "maxChats" THEN 'busy' ELSE "state" END`,
      })
      .where('id = :id AND state = :available AND "activeChats" < "maxChats"', { id, available: 'available' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * `claimSlot` that does not wait: on PostgreSQL a row another decision holds (it is claiming that
   * agent right now) is skipped and false returned at once, so concurrent decisions spread over the
   * free agents instead of queueing behind the longest-idle one. The caller falls back to `claimSlot`
   * (which waits) before concluding nobody is free. SQLite has one writer: plain `claimSlot`.
   */
  async claimSlotUnlessLocked(id: string, tx?: Tx): Promise<boolean> {
    if (this.dataSource.options.type !== 'postgres') return this.claimSlot(id, tx);
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({
        activeChats: () => '"activeChats" + 1',
        state: () => `CASE WHEN "activeChats" + 1 >= "maxChats" THEN 'busy' ELSE "state" END`,
      })
      .where(
        `id = (SELECT l.id FROM routing_agent_states l WHERE l.id = :id AND l.state = :available ` +
          `AND l."activeChats" < l."maxChats" FOR UPDATE SKIP LOCKED)`,
        { id, available: 'available' },
      )
      .andWhere('state = :available AND "activeChats" < "maxChats"', { available: 'available' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The decision's common case in ONE statement (was `freeAgents` then `claimSlotUnlessLocked`): the
   * routing order's first free agent among `ids` gets a slot, provided it is one of `eligible` (known
   * to serve the company). `claimed` null when that first agent's serving is not known yet or
   * (PostgreSQL) every free row is held by another decision (SKIP LOCKED): the caller then takes the
   * long way, which asks the directory and waits for held rows. `anyFree` false: nobody among `ids`
   * is free at all, no long way needed (PostgreSQL answers it in the same statement; SQLite, which
   * cannot put an UPDATE in a WITH, always says true). The UPDATE re-checks the conditions on the
   * row's latest version, so two instances never claim the last slot twice.
   */
  async claimFirstFree(
    ids: string[],
    eligible: string[],
    tx?: Tx,
  ): Promise<{ claimed: string | null; anyFree: boolean }> {
    if (!ids.length) return { claimed: null, anyFree: false };
    const free = `s."state" = 'available' AND s."activeChats" < s."maxChats"`;
    const order = `ORDER BY s."activeChats" ASC, s."idleSince" ASC, s."id" ASC LIMIT 1`;
    const claim =
      `UPDATE "routing_agent_states" SET "activeChats" = "activeChats" + 1, ` +
      `"state" = CASE WHEN "activeChats" + 1 >= "maxChats" THEN 'busy' ELSE "state" END WHERE "id" = `;
    const recheck = ` AND "state" = 'available' AND "activeChats" < "maxChats" RETURNING "id"`;
    if (this.dataSource.options.type === 'postgres') {
      const sql =
        `WITH f AS (SELECT s."id" FROM "routing_agent_states" s WHERE s."id" = ANY($1) AND ${free} ${order} ` +
        `FOR UPDATE SKIP LOCKED), u AS (${claim}(SELECT f."id" FROM f WHERE f."id" = ANY($2))${recheck}) ` +
        `SELECT (SELECT "id" FROM u) AS "claimed", EXISTS (SELECT 1 FROM "routing_agent_states" s ` +
        `WHERE s."id" = ANY($1) AND ${free}) AS "anyFree"`;
      const [row] = (await this.manager(tx).query(sql, [ids, eligible])) as {
        claimed: string | null;
        anyFree: boolean;
      }[];
      return { claimed: row?.claimed ?? null, anyFree: !!row?.anyFree };
    }
    if (!eligible.length) return { claimed: null, anyFree: true };
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const sql =
      `${claim}(SELECT f."id" FROM (SELECT s."id" FROM "routing_agent_states" s WHERE s."id" IN (${marks(ids.length)}) ` +
      `AND ${free} ${order}) f WHERE f."id" IN (${marks(eligible.length)}))${recheck}`;
    const rows = (await this.manager(tx).query(sql, [...ids, ...eligible])) as { id: string }[];
    return { claimed: rows[0]?.id ?? null, anyFree: true };
  }

  /** Frees a slot (after wrap-up, a declined or expired offer): a Busy agent becomes Available again. */
  async releaseSlot(id: string, now: Date, tx?: Tx): Promise<void> {
    await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({
        activeChats: () => 'CASE WHEN "activeChats" > 0 THEN "activeChats" - 1 ELSE 0 END',
        state: () => `CASE WHEN "state" = 'busy' THEN 'available' ELSE "state" END`,
        idleSince: now,
      })
      .where('id = :id', { id })
      .execute();
  }

  /** An offer rang out: RONA, and the slot the offer held is freed. */
  async rona(id: string, now: Date, tx?: Tx): Promise<void> {
    await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({
        activeChats: () => 'CASE WHEN "activeChats" > 0 THEN "activeChats" - 1 ELSE 0 END',
        state: 'rona',
        stateSince: now,
      })
      .where('id = :id', { id })
      .execute();
  }

  states(ids: string[]): Promise<AgentStateEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo().createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
  }

  /** For tests and the board: the state of one agent, null before first use. */
  stateOf(id: string): Promise<AgentState | null> {
    return this.findById(id).then((r) => r?.state ?? null);
  }
}
