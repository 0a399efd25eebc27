import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  type AccountPrincipal,
  type Tx,
} from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import type { QueueEntity } from '../entities/queue.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';

/**
 * A conference starts from the running queue-routed chat the caller accepted: pool chats and other
 * companies' chats are 404, a chat not (or no longer) accepted or already ended 409, someone else's 403,
 * a deleted queue 409 (its chats can only be ended).
 */
@Injectable()
export class ConferenceChatGuard {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly conversations: ConversationService,
    private readonly access: AccessPolicy,
    private readonly wrapUps: WrapUpRepository,
  ) {}

  /**
   * A colleague still wrapping up an earlier part in this conversation cannot be asked again: one
   * wrap-up is open per agent and conversation, so a second part would never free its slot.
   */
  async assertNoOpenWrapUp(conversationId: string, agent: { id: string; name: string }): Promise<void> {
    if (await this.wrapUps.findOpen(conversationId, agent.id))
      throw new DomainError(
        'CONFERENCE_AGENT_WRAPPING_UP',
        `${agent.name} is still wrapping up their part of this conversation`,
        409,
      );
  }

  /** The contact, whoever holds it (404 for pool chats and companies the caller does not serve). */
  async contact(conversationId: string, me: AccountPrincipal): Promise<RoutingContactEntity> {
    const c = await this.contacts.findById(conversationId);
    if (!c || !this.access.canAccessCompany(me, c.companyId))
      throw new NotFoundError('Queue-routed conversation', conversationId);
    return c;
  }

  /**
   * In the conference's transaction: the chat is still accepted by me, and its row stays locked until
   * the commit, so a transfer (whose move out of `accepted` takes the same lock) cannot slip between.
   */
  async holdInTx(conversationId: string, me: AccountPrincipal, tx: Tx): Promise<void> {
    if (!(await this.contacts.holdAccepted(conversationId, me.id, tx)))
      throw new ConflictError('This conversation changed meanwhile (ended or transferred): reload it');
  }

  async heldChat(
    conversationId: string,
    me: AccountPrincipal,
  ): Promise<{ contact: RoutingContactEntity; queue: QueueEntity }> {
    const contact = await this.contact(conversationId, me);
    if (contact.state !== 'accepted')
      throw new ConflictError(`Only an accepted conversation can have a conference (this one is ${contact.state})`);
    if (contact.offeredTo !== me.id)
      throw new ForbiddenError('Only the agent who accepted this conversation can start a conference');
    if ((await this.conversations.get(conversationId)).status === 'ended')
      throw new ConflictError('This conversation has ended');
    const queue = await this.queues.findById(contact.queueId);
    if (!queue)
      throw new DomainError(
        'ROUTING_QUEUE_DELETED',
        'The queue of this conversation was deleted: you can only end it',
        409,
      );
    return { contact, queue };
  }
}
