import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@switchboard/core';
import { ConversationTimers, type ConversationDeadline, type ConversationView } from '@switchboard/chat';
import { AGENT_CHANNEL, IDLE_TIMEOUT_MS } from '../agent-chat.types.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { metaOf } from './agent-chat-views.js';

export const AGENT_CHAT_IDLE = 'agent-chat.idle';

/** Armed with the acceptance (same transaction): 5 minutes without a message ends the chat. */
export function agentChatIdleDeadline(now: Date): ConversationDeadline {
  return { kind: AGENT_CHAT_IDLE, dueAt: new Date(now.getTime() + IDLE_TIMEOUT_MS) };
}

/** The idle timeout: declared here with its handler. */
@Injectable()
export class AgentChatIdleTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly flow: AgentChatFlow,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timers.define(AGENT_CHAT_IDLE, (chat) => this.fire(chat));
  }

  async fire(chat: ConversationView | null): Promise<void> {
    if (chat?.channel !== AGENT_CHANNEL || chat.status !== 'active') return;
    // The deadline is not moved on every message (no write per message): it checks the last one.
    const last = new Date(chat.lastMessageAt ?? metaOf(chat).acceptedAt ?? chat.createdAt).getTime();
    const due = last + IDLE_TIMEOUT_MS;
    if (due > this.clock.now().getTime()) return this.timers.schedule(AGENT_CHAT_IDLE, chat.id, new Date(due));
    await this.flow.end(chat.id, 'idle');
  }
}
