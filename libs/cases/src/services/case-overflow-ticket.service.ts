import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { ConversationService, renderTranscript } from '@switchboard/chat';
import { fillLine, ROUTING_OVERFLOW_TICKET_TITLE } from '@switchboard/contracts';
import { CreateTicketService } from '@switchboard/tickets';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseService } from './case.service.js';

/** Longest question kept in the ticket's title (the whole chat is in its description). */
const TITLE_QUESTION_CHARS = 100;

/**
 * A queued chat nobody took before the queue's maximum wait (#14: `overflowed`): besides the case
 * becoming a support request, a ticket opens with the customer as requester and the chat so far as
 * its description, unassigned, so the promise of the overflow line ("we will answer you by email")
 * is kept by the ticket flow (replies mail the requester and thread back). Runs on the instance
 * that ended the chat (the end is one guarded move), and a ticket already linked is never doubled.
 */
@Injectable()
export class CaseOverflowTicketService implements OnModuleInit {
  private readonly logger = new Logger('CaseOverflowTicket');

  constructor(
    private readonly events: DomainEventBus,
    private readonly conversations: ConversationService,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly tickets: CreateTicketService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.ended', async (e) => {
      if (e.channel !== 'portal' || e.reason !== 'overflowed') return;
      await this.open(e.conversationId).catch((err) =>
        this.logger.error({ err, conversationId: e.conversationId }, 'opening the overflow ticket failed'),
      );
    });
  }

  async open(conversationId: string): Promise<{ number: number } | null> {
    const c = await this.cases.findById(conversationId);
    if (!c || c.ticketId) return null;
    const chat = await this.conversations.get(conversationId);
    const messages = await this.conversations.listMessages(conversationId, 0, 5000);
    const language = await this.conversations.languageOf(conversationId);
    const question = c.question.replace(/\s+/g, ' ').trim().slice(0, TITLE_QUESTION_CHARS);
    const title = fillLine(ROUTING_OVERFLOW_TICKET_TITLE, { question })[language];
    const description = renderTranscript({ title, lines: [['Portal', c.portal?.name ?? '-']] }, messages, 'text');
    const ticket = await this.tickets.createAs(
      { title, description, requesterId: chat.contactId, companyId: c.companyId, assigneeId: null },
      { kind: 'system', id: null, name: 'Contact centre' },
      'portal',
    );
    await this.caseService.linkTicket(conversationId, { id: ticket.id, number: ticket.number });
    return { number: ticket.number };
  }
}
