import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { ROUTING_OVERFLOW_LINE } from '@switchboard/contracts';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { ROUTING_OFFER_TIMER } from './routing-timers.js';

/**
 * A contact leaves its queue without an agent: it waited past the queue's maximum (overflow: it
 * becomes a support request, the visitor is told, the chat ends) or the visitor left (withdrawn).
 * A ringing offer is closed (`withdrawn`) and its slot freed; a ringing direct transfer's sender is told.
 */
@Injectable()
export class ContactExitService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly conversations: ConversationService,
    private readonly states: AgentStateService,
    private readonly announcer: OfferAnnouncer,
    private readonly clock: Clock,
  ) {}

  async overflow(conversationId: string): Promise<void> {
    if (!(await this.leave(conversationId, 'overflowed'))) return;
    // The existing chat → support request path (as the portal's abandon timer): case type, then the end.
    await this.conversations.patchMeta(conversationId, {
      caseType: 'support_request',
      submittedAt: this.clock.now().toISOString(),
    });
    await this.conversations.end(conversationId, { reason: 'overflowed', text: ROUTING_OVERFLOW_LINE });
  }

  async withdrawn(conversationId: string): Promise<void> {
    await this.leave(conversationId, 'withdrawn');
  }

  /** One guarded move out of waiting/offered; false when something else moved it first (or it is not queued). */
  private async leave(conversationId: string, to: 'overflowed' | 'withdrawn'): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const c = await this.contacts.findById(conversationId);
      if (!c || (c.state !== 'waiting' && c.state !== 'offered')) return false;
      const moved = await this.tx.run(async (tx) => {
        if (
          !(await this.contacts.move(
            c,
            { state: to, offeredTo: null, offerExpiresAt: null, leftAt: this.clock.now() },
            tx,
          ))
        )
          return false;
        await this.timers.cancel(ROUTING_OFFER_TIMER, c.id, tx);
        return true;
      });
      if (!moved) continue; // offered/declined meanwhile: read again
      if (c.state === 'offered' && c.offeredTo) {
        await this.announcer.left(c.offeredTo, c.id, to);
        await this.states.releaseSlot(c.offeredTo);
      }
      await this.announcer.queueMoved(c.queueId);
      return true;
    }
    return false;
  }
}
