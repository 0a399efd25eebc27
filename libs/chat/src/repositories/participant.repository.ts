import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In, IsNull } from 'typeorm';
import type { ParticipantKind } from '../chat.types.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class ParticipantRepository extends BaseRepository<ParticipantEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ParticipantEntity);
  }

  find(conversationId: string, kind: ParticipantKind, refId: string, tx?: Tx): Promise<ParticipantEntity | null> {
    return this.repo(tx).findOneBy({ conversationId, kind, refId });
  }

  /** `conversationId|kind|refId` of every participant still in one of these conversations. */
  async activeKeys(conversationIds: string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    // Chunks keep the IN list far below SQLite's bound parameter limit.
    for (let i = 0; i < conversationIds.length; i += 500) {
      const rows = await this.repo().find({
        select: { conversationId: true, kind: true, refId: true },
        where: { conversationId: In(conversationIds.slice(i, i + 500)), leftAt: IsNull() },
      });
      for (const r of rows) keys.add(`${r.conversationId}|${r.kind}|${r.refId}`);
    }
    return keys;
  }

  list(conversationId: string): Promise<ParticipantEntity[]> {
    return this.repo().find({ where: { conversationId }, order: { joinedAt: 'ASC', id: 'ASC' } });
  }

  async insertMany(rows: ParticipantEntity[], tx?: Tx): Promise<void> {
    if (rows.length) await this.repo(tx).insert(rows as never);
  }

  /** Marks every still-present participant as gone (the conversation ended). */
  async leaveAll(conversationId: string, at: Date, tx?: Tx): Promise<void> {
    await this.repo(tx).update({ conversationId, leftAt: IsNull() }, { leftAt: at });
  }
}
