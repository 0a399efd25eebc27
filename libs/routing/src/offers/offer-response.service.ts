import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TransactionRunner,
  type AccountPrincipal,
} from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { ContactAcceptanceRegistry } from './contact-acceptance.registry.js';
import { OfferDispatcher } from './offer-dispatcher.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { ROUTING_MAX_WAIT_TIMER, ROUTING_OFFER_TIMER } from './routing-timers.js';

/**
 * The agent's answer to an offer, and the offer ringing out. Each is one guarded move of the
 * contact (offered to THIS agent → accepted / waiting) with its timers, so accept racing the
 * expiry on two instances has one winner.
 */
@Injectable()
export class OfferResponseService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly states: AgentStateService,
    private readonly dispatcher: OfferDispatcher,
    private readonly acceptance: ContactAcceptanceRegistry,
    private readonly announcer: OfferAnnouncer,
    private readonly clock: Clock,
  ) {}

  async accept(conversationId: string, me: AccountPrincipal): Promise<{ conversationId: string }> {
    const c = await this.offeredToMe(conversationId, me);
    const won = await this.tx.run(async (tx) => {
      if (!(await this.contacts.move(c, { state: 'accepted', leftAt: this.clock.now() }, tx))) return false;
      await this.timers.cancelMany([ROUTING_OFFER_TIMER, ROUTING_MAX_WAIT_TIMER], c.id, tx);
      return true;
    });
    if (!won) throw new ConflictError('This offer is no longer open');
    // The slot claimed by the offer is the chat's slot now: it frees after wrap-up.
    await this.acceptance.accepted(c.id, me);
    await this.announcer.closed(me.id, c.id, 'accepted', c.queueId);
    return { conversationId: c.id };
  }

  async decline(conversationId: string, me: AccountPrincipal): Promise<{ conversationId: string }> {
    const c = await this.offeredToMe(conversationId, me);
    if (!(await this.backToQueue(c))) throw new ConflictError('This offer is no longer open');
    await this.states.releaseSlot(me.id);
    await this.announcer.closed(me.id, c.id, 'declined');
    await this.dispatcher.dispatch(c.id);
    return { conversationId: c.id };
  }

  /** The offer timer fired: RONA for the agent (slot freed, Available again only by hand), next agent. */
  async expire(conversationId: string, agentId: string): Promise<void> {
    const c = await this.contacts.findById(conversationId);
    if (c?.state !== 'offered' || c.offeredTo !== agentId) return;
    if (!(await this.backToQueue({ ...c, state: 'offered', offeredTo: agentId }))) return;
    await this.states.rona(agentId);
    await this.announcer.closed(agentId, c.id, 'expired');
    await this.dispatcher.dispatch(c.id);
  }

  private async backToQueue(c: { id: string; state: 'offered'; offeredTo: string; triedIds: string[] }) {
    return this.tx.run(async (tx) => {
      const tried = [...new Set([...c.triedIds, c.offeredTo])];
      if (
        !(await this.contacts.move(c, { state: 'waiting', offeredTo: null, offerExpiresAt: null, triedIds: tried }, tx))
      )
        return false;
      await this.timers.cancel(ROUTING_OFFER_TIMER, c.id, tx);
      return true;
    });
  }

  private async offeredToMe(conversationId: string, me: AccountPrincipal) {
    const c = await this.contacts.findById(conversationId);
    if (!c) throw new NotFoundError('Contact', conversationId);
    if (c.state !== 'offered') throw new ConflictError('This offer is no longer open');
    if (c.offeredTo !== me.id) throw new ForbiddenError('This contact is offered to another agent');
    return { ...c, state: 'offered' as const, offeredTo: c.offeredTo };
  }
}
