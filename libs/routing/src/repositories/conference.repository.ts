import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { ConferenceEntity } from '../entities/conference.entity.js';
import type { ConferenceState } from '../routing.types.js';

/** Conferences of queue-routed chats. One open (ringing or joined) per conversation; moves are guarded by state. */
@Injectable()
export class ConferenceRepository extends BaseRepository<ConferenceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ConferenceEntity);
  }

  /** The ringing or joined conference of the conversation, if any. */
  findOpen(conversationId: string, tx?: Tx): Promise<ConferenceEntity | null> {
    return this.repo(tx).findOneBy({ openKey: conversationId });
  }

  /** The latest conference of the conversation (open or not), for the case pane. */
  latest(conversationId: string): Promise<ConferenceEntity | null> {
    return this.repo().findOne({ where: { conversationId }, order: { requestedAt: 'DESC', id: 'DESC' } });
  }

  /** Inserts a ringing conference; false when the conversation already has an open one (unique openKey). */
  async insertOpen(row: ConferenceEntity, tx?: Tx): Promise<boolean> {
    // ON CONFLICT DO NOTHING, not a caught unique violation: PostgreSQL would abort the transaction.
    await this.repo(tx).createQueryBuilder().insert().values(row).orIgnore().updateEntity(false).execute();
    // What was ignored is not reported the same on both databases: read the row back.
    return (await this.repo(tx).findOneBy({ id: row.id })) !== null;
  }

  /** `from` → `set.state`; a state leaving ringing/joined for a final one clears the open key. False: moved meanwhile. */
  async move(
    id: string,
    from: ConferenceState,
    set: Partial<Pick<ConferenceEntity, 'state' | 'joinedAt' | 'endedAt'>>,
    tx?: Tx,
  ): Promise<boolean> {
    const open = set.state === 'ringing' || set.state === 'joined';
    const r = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ ...set, ...(open ? {} : { openKey: null }) } as never)
      .where('id = :id AND state = :from', { id, from })
      .execute();
    return (r.affected ?? 0) > 0;
  }
}
