import { Injectable, Logger } from '@nestjs/common';
import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import type { QueueEntity } from '../entities/queue.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentPicker } from '../services/agent-picker.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { QueuePositionService } from './queue-position.service.js';
import { ROUTING_OFFER_TIMER } from './routing-timers.js';

/**
 * Offers waiting contacts to agents. One offer = the agent's slot claimed (AgentPicker), the
 * contact moved waiting → offered and its expiry deadline armed, all in ONE transaction: a lost
 * race on the contact (another instance offered it) rolls the slot claim back. Nothing is kept
 * in memory, so any instance may dispatch any contact.
 */
@Injectable()
export class OfferDispatcher {
  private readonly logger = new Logger('Routing');

  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly picker: AgentPicker,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly announcer: OfferAnnouncer,
    private readonly positions: QueuePositionService,
    private readonly clock: Clock,
  ) {}

  /** Offers one waiting contact to the next agent; false when nobody could take it (it keeps waiting). */
  async dispatch(conversationId: string): Promise<boolean> {
    const contact = await this.contacts.findById(conversationId);
    if (contact?.state !== 'waiting') return false;
    const queue = await this.queues.findById(contact.queueId);
    if (!queue) return false; // a deleted queue reaches nobody; max wait overflows it
    const expiresAt = new Date(this.clock.now().getTime() + queue.offerTimeoutSeconds * 1000);
    const agentId = await this.decide(contact, queue, expiresAt);
    if (!agentId) return false;
    await this.announcer.offered(contact, queue.name, agentId, expiresAt);
    await this.positions.publish(queue.id);
    return true;
  }

  /**
   * The decision's transaction. Retried a few times on a failure (SQLite's single connection refuses
   * a transaction opened while another runs; PostgreSQL may abort one under contention): a lost
   * decision would leave the contact waiting while an agent is free.
   */
  private async decide(contact: RoutingContactEntity, queue: QueueEntity, expiresAt: Date): Promise<string | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(async (tx) => {
          // Agents already tried are skipped while someone else is Available; then they get it again.
          const picked =
            (await this.picker.pick(queue, contact.companyId, contact.triedIds, tx)) ??
            (contact.triedIds.length ? await this.picker.pick(queue, contact.companyId, [], tx) : null);
          if (!picked) return null;
          if (!(await this.contacts.offer(contact.id, picked, expiresAt, tx))) throw new LostRace();
          await this.timers.schedule(ROUTING_OFFER_TIMER, contact.id, expiresAt, { agentId: picked }, tx);
          return picked;
        });
      } catch (e) {
        if (e instanceof LostRace) return null;
        if (attempt >= DECISION_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  /** An agent became Available or freed a slot: the oldest waiting contacts of their queues, until they are full. */
  async dispatchForAgent(agentId: string): Promise<void> {
    const queueIds = (await this.queues.list()).filter((q) => q.memberIds.includes(agentId)).map((q) => q.id);
    for (const c of await this.contacts.waiting(queueIds)) {
      // Whoever gets it (this agent or another), keep going while offers succeed.
      if (!(await this.dispatch(c.id).catch((e) => this.failed(e)))) break;
    }
  }

  /** Every queue the agent does not belong to is left alone; this re-tries one queue (e.g. after a contact left it). */
  async dispatchQueue(queueId: string): Promise<void> {
    for (const c of await this.contacts.waiting([queueId]))
      if (!(await this.dispatch(c.id).catch((e) => this.failed(e)))) break;
  }

  /** A contact put back into a queue (a transfer): offer it; if nobody can take it, its visitor still learns the place. */
  async requeued(conversationId: string, queueId: string): Promise<boolean> {
    const offered = await this.dispatch(conversationId).catch((e) => this.failed(e));
    if (!offered) await this.positions.publish(queueId);
    return offered;
  }

  private failed(e: unknown): false {
    this.logger.warn(`dispatch failed: ${(e as Error).message}`);
    return false;
  }
}

const DECISION_ATTEMPTS = 5;

/** The contact was offered by another instance meanwhile: roll the slot claim back. */
class LostRace extends Error {}
