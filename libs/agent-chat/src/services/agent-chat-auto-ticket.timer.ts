import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationTimers, type ConversationDeadline, type ConversationView } from '@switchboard/chat';
import { AGENT_CHANNEL, AUTO_TICKET_AFTER_MS } from '../agent-chat.types.js';
import { AgentChatTicketLinkService } from './agent-chat-ticket-link.service.js';

export const AGENT_CHAT_AUTO_TICKET = 'agent-chat.ticket';

/** Armed with the acceptance (same transaction): 2 minutes into the conversation a ticket opens. */
export function agentChatAutoTicketDeadline(now: Date): ConversationDeadline {
  return { kind: AGENT_CHAT_AUTO_TICKET, dueAt: new Date(now.getTime() + AUTO_TICKET_AFTER_MS) };
}

/** The automatic ticket: declared here with its handler; the ticket itself is the linkage's job. */
@Injectable()
export class AgentChatAutoTicketTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly tickets: AgentChatTicketLinkService,
  ) {}

  onModuleInit(): void {
    this.timers.define(AGENT_CHAT_AUTO_TICKET, (chat) => this.fire(chat));
  }

  async fire(chat: ConversationView | null): Promise<void> {
    if (chat?.channel !== AGENT_CHANNEL) return;
    await this.tickets.autoTicket(chat);
  }
}
