import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { BaseRepository, Page, PageQuery, type OutboxStatus, Tx } from '@switchboard/core';
import { OutboxMessageEntity } from './outbox-message.entity.js';

@Injectable()
export class OutboxRepository extends BaseRepository<OutboxMessageEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, OutboxMessageEntity);
  }

  /** Newest first: ids are time-ordered, so the cursor is the last id seen. */
  async listNewestFirst(
    query: PageQuery & { ticketId?: string; status?: OutboxStatus },
    tx?: Tx,
  ): Promise<Page<OutboxMessageEntity>> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const items = await this.repo(tx).find({
      where: {
        ...(query.cursor ? { id: LessThan(query.cursor) } : {}),
        ...(query.ticketId ? { ticketId: query.ticketId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  /** Ticket ids of the mails with these Message-IDs (threading of replies to what we sent). */
  async ticketIdsByMessageIds(messageIds: string[]): Promise<Array<{ messageId: string; ticketId: string }>> {
    if (!messageIds.length) return [];
    const rows = await this.repo().find({
      where: { messageId: In(messageIds) },
      select: { messageId: true, ticketId: true },
    });
    return rows.filter((r) => r.ticketId).map((r) => ({ messageId: r.messageId, ticketId: r.ticketId! }));
  }

  async patch(id: string, patch: Partial<OutboxMessageEntity>): Promise<void> {
    await this.repo().update({ id }, patch as never);
  }
}
