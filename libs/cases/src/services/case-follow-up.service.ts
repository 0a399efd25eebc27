import { Injectable } from '@nestjs/common';
import { ConflictError, type AccountPrincipal } from '@switchboard/core';
import { AddTechnicianCommentService, CreateTicketService } from '@switchboard/tickets';
import { CaseService } from './case.service.js';

/**
 * "Follow up by email" on a support request: opens a ticket with the customer as requester (or
 * reuses the case's ticket) and adds the technician's text as a public reply, which the tickets
 * lib mails to the requester; the customer's answers thread back into that ticket.
 */
@Injectable()
export class CaseFollowUpService {
  constructor(
    private readonly cases: CaseService,
    private readonly tickets: CreateTicketService,
    private readonly comments: AddTechnicianCommentService,
  ) {}

  async followUp(id: string, me: AccountPrincipal, body: string): Promise<{ ticketNumber: number }> {
    const c = await this.cases.load(id, me);
    if (c.type !== 'support_request')
      throw new ConflictError('Email follow-up is for support requests; answer a live chat in the chat');
    if (!c.contactId) throw new ConflictError('This case has no customer contact');
    let number = c.ticketNumber;
    if (!number) {
      const title = `Support request: ${c.question.replace(/\s+/g, ' ').slice(0, 120)}`;
      const ticket = await this.tickets.createAs(
        { title, description: c.question, requesterId: c.contactId, assigneeId: me.id },
        { kind: 'account', id: me.id, name: me.name },
        'portal',
        me,
      );
      number = ticket.number;
      await this.cases.linkTicket(id, { id: ticket.id, number });
    }
    await this.comments.add(number, { body, visibility: 'public' }, me);
    return { ticketNumber: number };
  }
}
