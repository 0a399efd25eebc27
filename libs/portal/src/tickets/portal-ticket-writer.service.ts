import { Injectable } from '@nestjs/common';
import { ConflictError, SettingsService } from '@switchboard/core';
import {
  AddContactCommentService,
  ContactAuthorService,
  CreateTicketService,
  EndUserTicketsService,
  truncateBody,
} from '@switchboard/tickets';
import type { PortalCommentDto, PortalCommentViewDto, PortalNewTicketDto } from '../dto/portal-ticket.dto.js';
import type { PortalContact } from '../sign-in/portal-contact.decorator.js';
import { replyRule } from './portal-reply.rules.js';
import { portalComment } from './portal-ticket.views.js';

/**
 * The contact writes: a reply goes through the same entry point as an emailed reply
 * (AddContactCommentService: truncation, automation, notifications, mail to the others, activity),
 * with source `portal`; a new request opens a ticket like a first mail does (source `portal`).
 */
@Injectable()
export class PortalTicketWriter {
  constructor(
    private readonly tickets: EndUserTicketsService,
    private readonly authors: ContactAuthorService,
    private readonly comments: AddContactCommentService,
    private readonly create: CreateTicketService,
    private readonly settings: SettingsService,
  ) {}

  async reply(who: PortalContact, number: number, dto: PortalCommentDto): Promise<PortalCommentViewDto> {
    const ticket = await this.tickets.find(number, who);
    const rule = replyRule(
      { ...ticket, mergedInto: ticket.mergedIntoNumber },
      await this.settings.get('email.closedTicketReply'),
    );
    if (!rule.allowed)
      throw new ConflictError('This ticket is closed; open a new request instead', { code: 'TICKET_CLOSED' });
    const author = await this.authors.resolve(who.contactId);
    const comment = await this.comments.add({
      ticketNumber: ticket.number,
      author,
      body: dto.body,
      source: 'portal',
      attachmentIds: dto.attachmentIds ?? [],
      ...(rule.reopenStatus ? { reopenStatus: rule.reopenStatus } : {}),
    });
    return portalComment(comment, who.contactId);
  }

  async open(who: PortalContact, dto: PortalNewTicketDto): Promise<{ number: number }> {
    const author = await this.authors.resolve(who.contactId);
    const contact = author.contact;
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    const ticket = await this.create.createAs(
      {
        title: dto.title.trim(),
        description: truncateBody(dto.description).body,
        requesterId: contact.id,
        requester: contact,
      },
      { kind: 'contact', id: contact.id, name },
      'portal',
    );
    return { number: ticket.number };
  }
}
