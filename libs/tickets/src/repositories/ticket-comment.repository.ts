import { Injectable } from '@nestjs/common';
import { BaseRepository, Page, PageQuery } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class TicketCommentRepository extends BaseRepository<TicketCommentEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketCommentEntity);
  }

  /** Oldest first (ids are time-ordered). */
  listForTicket(ticketId: string, query: PageQuery, publicOnly = false): Promise<Page<TicketCommentEntity>> {
    return this.page(publicOnly ? { ticketId, visibility: 'public' } : { ticketId }, query);
  }

  /** The end user's latest public messages (contact-authored, never notes or technician replies), newest first. */
  latestFromEndUser(ticketId: string, limit: number): Promise<TicketCommentEntity[]> {
    return this.repo().find({
      where: { ticketId, visibility: 'public', authorKind: 'contact' },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** The latest public comments (end users and technicians, never internal notes), newest first. */
  latestPublic(ticketId: string, limit: number): Promise<TicketCommentEntity[]> {
    return this.repo().find({ where: { ticketId, visibility: 'public' }, order: { id: 'DESC' }, take: limit });
  }

  latest(ticketId: string): Promise<TicketCommentEntity | null> {
    return this.repo().findOne({ where: { ticketId }, order: { id: 'DESC' } });
  }

  /**
   * Email threading: the tickets of comments received or sent with these Message-IDs, read with
   * the comments in one statement (the caller needs the ticket, not only its id).
   */
  async ticketsByMessageIds(messageIds: string[]): Promise<Array<{ messageId: string; ticket: TicketEntity }>> {
    if (!messageIds.length) return [];
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select(['c.id', 'c.messageId', 'c.ticketId'])
      .innerJoinAndSelect('c.ticket', 't')
      .where('c.messageId IN (:...messageIds)', { messageIds })
      .getMany();
    return rows.map((r) => ({ messageId: r.messageId!, ticket: r.ticket! }));
  }

  /** The ids of a ticket's comments (their files are owned by the comment ids). */
  async idsOfTicket(ticketId: string, tx?: Tx): Promise<string[]> {
    const rows = await this.repo(tx).find({ where: { ticketId }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Merge: the comments follow the ticket; the merged ticket's Request becomes an ordinary message there. */
  async moveAll(fromTicketId: string, toTicketId: string, tx: Tx): Promise<void> {
    await this.repo(tx).update({ ticketId: fromTicketId }, { ticketId: toTicketId, opening: false });
  }
}
