import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@switchboard/core';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { EndUserTicketRepository, endUserMayRead } from '../repositories/end-user-ticket.repository.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import type { CommentView, TicketStatusView, TicketView } from '../ticket.views.js';
import { TicketStatusService } from './ticket-status.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** Who may read one ticket from the portal: the requester and the contacts in Cc. */
export interface EndUser {
  contactId: string;
  companyId: string;
}

/**
 * Tickets as an end user sees them (the portal): only theirs (requester or Cc, in their company),
 * only the public conversation. Anything else is the same 404 (no existence oracle).
 */
@Injectable()
export class EndUserTicketsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly mine: EndUserTicketRepository,
    private readonly comments: TicketCommentRepository,
    private readonly statuses: TicketStatusService,
    private readonly views: TicketViewBuilder,
  ) {}

  async list(who: EndUser): Promise<TicketView[]> {
    return this.views.tickets(await this.mine.candidates(who.contactId, who.companyId));
  }

  /** The ticket entity, or 404 when this end user may not read it. */
  async find(number: number, who: EndUser): Promise<TicketEntity> {
    const ticket = Number.isSafeInteger(number) ? await this.tickets.findByNumber(number) : null;
    if (!ticket || !endUserMayRead(ticket, who.contactId, who.companyId)) throw new NotFoundError('Ticket', number);
    return ticket;
  }

  /** The ticket and its public conversation, oldest first (never internal notes). */
  async get(number: number, who: EndUser): Promise<{ ticket: TicketView; comments: CommentView[] }> {
    const ticket = await this.find(number, who);
    return {
      ticket: await this.views.ticket(ticket),
      comments: await this.views.comments(await this.publicComments(ticket.id), ticket.number),
    };
  }

  /** The file, if it is attached to a public comment of a ticket this end user may read; else 404. */
  async attachment(number: number, fileId: string, who: EndUser): Promise<void> {
    const ticket = await this.find(number, who);
    const comments = await this.publicComments(ticket.id);
    if (!comments.some((c) => c.attachments.some((a) => a.id === fileId))) throw new NotFoundError('File', fileId);
  }

  /** Every public comment, page by page (a page holds at most 200). */
  private async publicComments(ticketId: string): Promise<TicketCommentEntity[]> {
    const all: TicketCommentEntity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.comments.listForTicket(ticketId, { limit: 200, cursor }, true);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  statusList(): Promise<TicketStatusView[]> {
    return this.statuses.list();
  }
}
