import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import type { ContactOfferCloseReason } from '@switchboard/contracts';
import { AgentStatePush } from '../services/agent-state-push.service.js';
import { TransferNotices } from '../transfer/transfer-notices.service.js';
import { QueuePositionService } from './queue-position.service.js';

/** Messages shown in the offer pop-up: the end of the thread so far (a long chat's latest lines). */
const OFFER_MESSAGES = 50;

/** `contact.offered` to the agent's sockets, and their new state (the offer took a slot; Busy at capacity). */
@Injectable()
export class OfferAnnouncer {
  constructor(
    private readonly conversations: ConversationService,
    private readonly realtime: RealtimeService,
    private readonly push: AgentStatePush,
    private readonly positions: QueuePositionService,
    private readonly transfers: TransferNotices,
  ) {}

  /** `contact.offer_closed` to the agent; with `queueId`, the queue moved: its visitors get their new positions. */
  async closed(agentId: string, conversationId: string, reason: ContactOfferCloseReason, queueId?: string) {
    this.realtime.toAccount(agentId, 'contact.offer_closed', { conversationId, reason });
    // A direct transfer to this agent ends with their decline / ring-out: its sender is told.
    await this.transfers.offerClosed(agentId, conversationId, reason);
    if (queueId) await this.positions.publish(queueId);
  }

  /**
   * The contact ringing at the agent left its queue (the customer left, or it overflowed): the offer is
   * closed `withdrawn`, and the agent who transferred it there (if it was a direct transfer) is told why.
   */
  async left(agentId: string, conversationId: string, why: 'withdrawn' | 'overflowed'): Promise<void> {
    this.realtime.toAccount(agentId, 'contact.offer_closed', { conversationId, reason: 'withdrawn' });
    await this.transfers.contactLeft(agentId, conversationId, why);
  }

  /** The queue's places changed without an offer closing (a contact put back into it): its visitors' positions. */
  async queueMoved(queueId: string): Promise<void> {
    await this.positions.publish(queueId);
  }

  /** `conference`: the agent who has the chat asks this one into it (ConferenceRequestService). */
  async offered(
    contact: RoutingContactEntity,
    queueName: string,
    agentId: string,
    expiresAt: Date,
    conference?: { requestedById: string; requestedByName: string },
  ): Promise<void> {
    const [participants, messages, transfer] = await Promise.all([
      this.conversations.listParticipants(contact.id),
      this.conversations.lastMessages(contact.id, OFFER_MESSAGES),
      // A conference is not a transfer, whatever the contact's history.
      conference ? null : this.transfers.origin(contact),
    ]);
    const customer = participants.find((p) => p.kind === 'contact');
    // RealtimeService masks every /agent payload in the company's scope (a phone-number name included).
    this.realtime.toAccount(agentId, 'contact.offered', {
      conversationId: contact.id,
      companyId: contact.companyId,
      queueId: contact.queueId,
      queueName,
      customerName: customer?.name ?? 'Customer',
      messages,
      proactive: contact.proactive,
      arrivedAt: new Date(contact.arrivedAt).toISOString(),
      expiresAt: expiresAt.toISOString(),
      ...(conference ? { conference } : {}),
      ...(transfer ? { transfer } : {}),
    });
    await this.push.push(agentId);
  }
}
