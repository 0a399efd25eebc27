import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { ParticipantKind } from '../chat.types.js';
import { ParticipantEntity } from '../entities/participant.entity.js';

@Injectable()
export class ParticipantRepository extends BaseRepository<ParticipantEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ParticipantEntity);
  }

  find(conversationId: string, kind: ParticipantKind, refId: string, tx?: EntityManager): Promise<ParticipantEntity | null> {
    return this.repo(tx).findOneBy({ conversationId, kind, refId });
  }

  findActive(conversationId: string, kind: ParticipantKind, refId: string): Promise<ParticipantEntity | null> {
    return this.repo().findOneBy({ conversationId, kind, refId, leftAt: IsNull() });
  }

  list(conversationId: string): Promise<ParticipantEntity[]> {
    return this.repo().find({ where: { conversationId }, order: { joinedAt: 'ASC', id: 'ASC' } });
  }

  async insertMany(rows: ParticipantEntity[], tx?: EntityManager): Promise<void> {
    if (rows.length) await this.repo(tx).insert(rows as never);
  }

  /** Marks every still-present participant as gone (the conversation ended). */
  async leaveAll(conversationId: string, at: Date): Promise<void> {
    await this.repo().update({ conversationId, leftAt: IsNull() }, { leftAt: at });
  }
}
