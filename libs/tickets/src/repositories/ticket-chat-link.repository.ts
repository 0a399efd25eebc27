import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { Tx } from '@switchboard/core';

/** The queries chat linkage needs beyond the ticket and comment repositories. */
@Injectable()
export class TicketChatLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these chat message keys are already comments of the ticket (re-runs add nothing twice). */
  async existingMessageIds(ticketId: string, messageIds: string[], tx?: Tx): Promise<Set<string>> {
    if (!messageIds.length) return new Set();
    const rows = await (tx?.manager ?? this.dataSource.manager).getRepository(TicketCommentEntity).find({
      select: { messageId: true },
      where: { ticketId, messageId: In(messageIds) },
    });
    return new Set(rows.map((r) => r.messageId!));
  }
}
