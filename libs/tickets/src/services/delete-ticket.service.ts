import { Injectable, Logger } from '@nestjs/common';
import { AccountPrincipal, FileService, RealtimeService, TransactionRunner } from '@switchboard/core';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketFinder } from './ticket-finder.service.js';

/**
 * Deletes a ticket for good (admins, Actions → Delete): the row, and with it (foreign keys, ON
 * DELETE CASCADE) its comments and activity, then the comments' files (rows and contents, after
 * the commit: a storage failure must not bring the ticket back). Whoever has the ticket or a list showing it open is
 * told over the ticket and list rooms.
 */
@Injectable()
export class DeleteTicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly finder: TicketFinder,
    private readonly tx: TransactionRunner,
    private readonly realtime: RealtimeService,
    private readonly comments: TicketCommentRepository,
    private readonly files: FileService,
  ) {}
  private readonly logger = new Logger('DeleteTicket');

  async remove(number: number, me: AccountPrincipal): Promise<void> {
    const ticket = await this.tx.run(async (tx) => {
      // The lock waits for a reply or a merge being written on the ticket to commit first.
      const locked = await this.finder.lock(number, tx, me);
      const commentIds = await this.comments.idsOfTicket(locked.id, tx);
      await this.tickets.deleteById(locked.id, tx);
      return { ...locked, commentIds };
    });
    await this.removeFiles(ticket.commentIds);
    const rooms = [TicketRooms.ticket(number), ...TicketRooms.list(ticket.companyId)];
    this.realtime.emit('agent', rooms, 'ticket.deleted', { number, companyId: ticket.companyId });
  }

  private async removeFiles(commentIds: string[]): Promise<void> {
    try {
      for (const kind of ['ticket-comment', 'ticket-comment-original'])
        await this.files.removeOwnedBy(kind, commentIds);
    } catch (err) {
      // The ticket is gone either way; leftover contents are logged for the operator.
      this.logger.warn(`Could not remove the files of a deleted ticket: ${(err as Error).message}`);
    }
  }
}
