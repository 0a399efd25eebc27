import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AgentMessageRules } from '@switchboard/chat';
import { DomainError } from '@switchboard/core';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/** The contact centre's composer: at most this many characters per agent message. */
export const QUEUE_MESSAGE_MAX_LENGTH = 1000;
const RESERVED = /[<>]/;

/**
 * The contact-centre composer rules (#14) on a queue-routed conversation: an agent's message holds
 * at most 1,000 characters and no `<` or `>` (reserved for templates' replaceable parameters).
 * Visitors may type them. Other conversations (pool cases, agent chat) keep their channel's rules.
 * Once an admin deleted the conversation's queue, the agent can only end it: messages are refused.
 */
@Injectable()
export class QueueComposerRule implements OnModuleInit {
  /** conversation → its queue id (null: not queue-routed): fixed when the chat starts, so safe to keep per instance. */
  private readonly routed = new Map<string, string | null>();

  constructor(
    private readonly rules: AgentMessageRules,
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register((conversationId, body) => this.check(conversationId, body));
  }

  async check(conversationId: string, body: string): Promise<void> {
    const queueId = await this.queueOf(conversationId);
    if (!queueId) return;
    if (!(await this.queues.findById(queueId)))
      throw new DomainError(
        'ROUTING_QUEUE_DELETED',
        'The queue of this conversation was deleted: you can only end the conversation',
        409,
      );
    const tooLong = body.length > QUEUE_MESSAGE_MAX_LENGTH;
    const reserved = RESERVED.test(body);
    if (!tooLong && !reserved) return;
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

  private async queueOf(conversationId: string): Promise<string | null> {
    const known = this.routed.get(conversationId);
    if (known !== undefined) return known;
    const queueId = (await this.contacts.findById(conversationId))?.queueId ?? null;
    if (this.routed.size >= 10_000) this.routed.clear();
    this.routed.set(conversationId, queueId);
    return queueId;
  }
}
