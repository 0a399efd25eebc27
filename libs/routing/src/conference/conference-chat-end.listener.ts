import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import { ConferenceCloser } from './conference-closer.service.js';

/**
 * The chat ended during a conference (the customer's End chat, its agent's End, a resolve): a ringing
 * request is withdrawn, a joined agent owes a wrap-up like the chat's agent (WrapUpDueListener).
 */
@Injectable()
export class ConferenceChatEndListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly conferences: ConferenceRepository,
    private readonly closer: ConferenceCloser,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.ended', (e) => this.ended(e.conversationId, e.reason));
  }

  async ended(conversationId: string, reason: string): Promise<void> {
    const c = await this.conferences.findOpen(conversationId);
    if (!c) return;
    if (c.state === 'ringing') await this.closer.cancel(c);
    else await this.closer.finish(c, reason === 'customer_ended' ? 'customer_ended' : 'ended', false);
  }
}
