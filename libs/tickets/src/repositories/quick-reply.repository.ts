import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, IsNull } from 'typeorm';
import { QuickReplyEntity } from '../entities/quick-reply.entity.js';

@Injectable()
export class QuickReplyRepository extends BaseRepository<QuickReplyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, QuickReplyEntity);
  }

  /** Shared templates and the account's own. */
  visibleTo(accountId: string): Promise<QuickReplyEntity[]> {
    return this.repo().find({
      where: [{ ownerId: IsNull() }, { ownerId: accountId }],
      order: { name: 'ASC', id: 'ASC' },
    });
  }
}
