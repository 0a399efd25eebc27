import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TechnicianDirectory,
  ValidationFailedError,
  type AccountPrincipal,
  type TechnicianEntry,
  type Tx,
} from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import type { QueueEntity } from '../entities/queue.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/** The contact as its accepting agent holds it, ready to be handed on. */
export interface HeldContact {
  contact: RoutingContactEntity & { state: 'accepted'; offeredTo: string };
  queue: QueueEntity;
}

/**
 * Who may transfer a contact and where to. Read-only checks, answered before the transfer's
 * conditional moves (which still decide a race: these only give the clear message).
 */
@Injectable()
export class ContactTransferCheck {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly conversations: ConversationService,
    private readonly access: AccessPolicy,
    private readonly directory: TechnicianDirectory,
    private readonly states: AgentStateRepository,
    private readonly conferences: ConferenceRepository,
  ) {}

  /** Only the agent who accepted the contact, while its chat runs and its queue exists. */
  async held(conversationId: string, me: AccountPrincipal): Promise<HeldContact> {
    const c = await this.contacts.findById(conversationId);
    if (!c || !this.access.canAccessCompany(me, c.companyId))
      throw new NotFoundError('Queue-routed conversation', conversationId);
    if (c.state !== 'accepted')
      throw new ConflictError(`Only an accepted conversation can be transferred (this one is ${c.state})`);
    if (c.offeredTo !== me.id)
      throw new ForbiddenError('Only the agent who accepted this conversation can transfer it');
    if ((await this.conversations.get(conversationId)).status === 'ended')
      throw new ConflictError('This conversation has ended: it cannot be transferred');
    const queue = await this.queues.findById(c.queueId);
    if (!queue)
      throw new DomainError(
        'ROUTING_QUEUE_DELETED',
        'The queue of this conversation was deleted: you can only end the conversation',
        409,
      );
    return { contact: { ...c, state: 'accepted', offeredTo: me.id }, queue };
  }

  /**
   * In the transfer's transaction, after its move out of `accepted` (which holds the contact's row
   * lock a conference request takes too): a ringing or joined conference is ended first, whichever
   * instance asked for it; the transaction rolls back.
   */
  async assertNoConference(conversationId: string, tx: Tx): Promise<void> {
    if (await this.conferences.findOpen(conversationId, tx))
      throw new DomainError(
        'CONFERENCE_ALREADY_OPEN',
        'A conference of this conversation is ringing or running: end it before transferring',
        409,
      );
  }

  /** A queue that takes the contact's company. */
  async targetQueue(held: HeldContact, queueId: string): Promise<QueueEntity> {
    const q = await this.queues.findById(queueId);
    if (!q || !q.companyIds.includes(held.contact.companyId))
      throw new ValidationFailedError('This queue cannot take the conversation', {
        queueId: [`queue ${queueId} does not exist or does not take this conversation's company`],
      });
    return q;
  }

  /** Another agent who serves the company and is Available with a free slot (the slot claim decides a race). */
  async targetAgent(held: HeldContact, accountId: string): Promise<TechnicianEntry> {
    if (accountId === held.contact.offeredTo)
      throw unavailable('You already have this conversation: pick another agent');
    const check = await this.directory.serving(held.contact.companyId, [accountId]);
    const agent = check.serving[0];
    if (!agent)
      throw unavailable(`${check.refused[0]?.message ?? `account ${accountId} does not exist`}: pick another agent`);
    const row = await this.states.findById(accountId);
    if (row?.state !== 'available') throw unavailable(`${agent.name} is not available (${stateName(row?.state)})`);
    if (row.activeChats >= row.maxChats) throw unavailable(`${agent.name} has no free chat slot`);
    return agent;
  }
}

const unavailable = (message: string) => new DomainError('ROUTING_AGENT_UNAVAILABLE', message, 409);
const stateName = (state: string | undefined) => (state ?? 'not_ready').replace('_', ' ');
