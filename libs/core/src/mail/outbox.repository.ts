import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';

@Injectable()
export class OutboxRepository extends BaseRepository<OutboxMessageEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, OutboxMessageEntity);
  }

  /** Newest first: ids are time-ordered, so the cursor is the last id seen. */
  async listNewestFirst(query: PageQuery & { ticketId?: string }, tx?: EntityManager): Promise<Page<OutboxMessageEntity>> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const items = await this.repo(tx).find({
      where: { ...(query.cursor ? { id: LessThan(query.cursor) } : {}), ...(query.ticketId ? { ticketId: query.ticketId } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}
