import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationTimers, type ConversationDeadline, type ConversationView } from '@switchboard/chat';
import { ACCEPT_TIMEOUT_MS, AGENT_CHANNEL } from '../agent-chat.types.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { metaOf } from './agent-chat-views.js';

export const AGENT_CHAT_ACCEPT = 'agent-chat.accept';

/** Armed when a chat request starts (in the start's transaction): nobody accepted in 2 minutes. */
export function agentChatAcceptDeadline(now: Date): ConversationDeadline {
  return { kind: AGENT_CHAT_ACCEPT, dueAt: new Date(now.getTime() + ACCEPT_TIMEOUT_MS) };
}

/** The accept timeout: declared here with its handler. A user's request becomes "busy", a technician's "not accepted". */
@Injectable()
export class AgentChatAcceptTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly flow: AgentChatFlow,
  ) {}

  onModuleInit(): void {
    this.timers.define(AGENT_CHAT_ACCEPT, (chat) => this.fire(chat));
  }

  async fire(chat: ConversationView | null): Promise<void> {
    if (chat?.channel !== AGENT_CHANNEL || chat.status !== 'waiting') return;
    await this.flow.end(chat.id, metaOf(chat).initiatedBy === 'contact' ? 'busy' : 'not_accepted');
  }
}
