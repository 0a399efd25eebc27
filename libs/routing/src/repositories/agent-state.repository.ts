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

  states(ids: string[]): Promise<AgentStateEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo().createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
  }

  /** For tests and the board: the state of one agent, null before first use. */
  stateOf(id: string): Promise<AgentState | null> {
    return this.findById(id).then((r) => r?.state ?? null);
  }
}
