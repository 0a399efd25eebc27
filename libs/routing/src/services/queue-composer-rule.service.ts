import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AgentMessageRules } from '@switchboard/chat';
import { DomainError } from '@switchboard/core';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/** The contact centre's composer: at most this many characters per agent message. */
export const QUEUE_MESSAGE_MAX_LENGTH = 1000;
const RESERVED = /[<>]/;

/**
 * The contact-centre composer rules (#14) on a queue-routed conversation: an agent's message holds
 * at most 1,000 characters and no `<` or `>` (reserved for templates' replaceable parameters).
 * Visitors may type them. Other conversations (pool cases, agent chat) keep their channel's rules.
 */
@Injectable()
export class QueueComposerRule implements OnModuleInit {
  /** conversation → queue-routed: fixed when the chat starts, so safe to keep per instance. */
  private readonly routed = new Map<string, boolean>();

  constructor(
    private readonly rules: AgentMessageRules,
    private readonly contacts: RoutingContactRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register((conversationId, body) => this.check(conversationId, body));
  }

  async check(conversationId: string, body: string): Promise<void> {
    const tooLong = body.length > QUEUE_MESSAGE_MAX_LENGTH;
    const reserved = RESERVED.test(body);
    // Most messages pass both rules: no lookup for them.
    if (!tooLong && !reserved) return;
    if (!(await this.isRouted(conversationId))) return;
    if (tooLong)
      throw new DomainError(
        'AGENT_MESSAGE_TOO_LONG',
        `Contact-centre messages are limited to ${QUEUE_MESSAGE_MAX_LENGTH} characters`,
        400,
        { fieldErrors: { body: [`must be at most ${QUEUE_MESSAGE_MAX_LENGTH} characters`] } },
      );
    throw new DomainError(
      'AGENT_MESSAGE_RESERVED_CHARACTERS',
      'The characters < and > are reserved for template parameters and cannot be sent',
      400,
      { fieldErrors: { body: ['must not contain < or >'] } },
    );
  }

  private async isRouted(conversationId: string): Promise<boolean> {
    const known = this.routed.get(conversationId);
    if (known !== undefined) return known;
    const routed = (await this.contacts.findById(conversationId)) !== null;
    if (this.routed.size >= 10_000) this.routed.clear();
    this.routed.set(conversationId, routed);
    return routed;
  }
}
