import { Injectable } from '@nestjs/common';
import { AccountPrincipal, RealtimeService, TransactionRunner } from '@switchboard/core';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketFinder } from './ticket-finder.service.js';

/**
 * Deletes a ticket for good (admins, Actions → Delete): the row, and with it (foreign keys, ON
 * DELETE CASCADE) its comments and activity. Whoever has the ticket or a list showing it open is
 * told over the ticket and list rooms.
 */
@Injectable()
export class DeleteTicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly finder: TicketFinder,
    private readonly tx: TransactionRunner,
    private readonly realtime: RealtimeService,
  ) {}

  async remove(number: number, me: AccountPrincipal): Promise<void> {
    const ticket = await this.tx.run(async (tx) => {
      // The lock waits for a reply or a merge being written on the ticket to commit first.
      const locked = await this.finder.lock(number, tx, me);
      await this.tickets.deleteById(locked.id, tx);
      return locked;
    });
    const rooms = [TicketRooms.ticket(number), ...TicketRooms.list(ticket.companyId)];
    this.realtime.emit('agent', rooms, 'ticket.deleted', { number, companyId: ticket.companyId });
  }
}
