import { Injectable, Logger } from '@nestjs/common';
import { Clock, TransactionRunner, type Tx } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import type { QueueEntity } from '../entities/queue.entity.js';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentPicker, type ServingMemo } from '../services/agent-picker.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { ROUTING_OFFER_TIMER } from './routing-timers.js';

/** The most contacts one sweep (an agent turning Available, a queue re-tried) offers. */
const SWEEP_LIMIT = 50;

interface Offer {
  contact: RoutingContactEntity;
  queue: QueueEntity;
  agentId: string;
  expiresAt: Date;
}

/**
 * Offers waiting contacts to agents. One offer = the contact locked, the agent's slot claimed
 * (AgentPicker), the contact moved waiting → offered and its expiry deadline armed, all in ONE
 * transaction: a lost race on the contact (another instance offered it) rolls the slot claim back.
 * Nothing is kept in memory, so any instance may dispatch any contact.
 *
 * Throughput (#14 benchmark: 200 agents turning Available at once over a 1,000-contact backlog):
 * on PostgreSQL the contact and the agent row are taken with SKIP LOCKED, so concurrent decisions
 * spread over different contacts and agents instead of all queueing behind the oldest contact and
 * the longest-idle agent (the conditional UPDATEs still decide every race).
 */
@Injectable()
export class OfferDispatcher {
  private readonly logger = new Logger('Routing');
  /** Decisions running in this process, and those waiting their turn (see DECISION_CONCURRENCY). */
  private running = 0;
  private readonly turns: (() => void)[] = [];

  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly picker: AgentPicker,
    private readonly timers: ConversationTimers,
    private readonly tx: TransactionRunner,
    private readonly announcer: OfferAnnouncer,
    private readonly clock: Clock,
  ) {}

  /** Offers one waiting contact to the next agent; false when nobody could take it (it keeps waiting). */
  async dispatch(conversationId: string): Promise<boolean> {
    // Not waiting, or a deleted queue (it reaches nobody; max wait overflows it): nothing to offer.
    const found = await this.queues.ofWaitingContact(conversationId);
    if (!found) return false;
    const { queue, companyId } = found;
    const memo: ServingMemo = new Map();
    // Nobody free: no decision's transaction (4 statements per queued chat when everyone is busy).
    // Safe without the lock: the contact is committed waiting before this read, and an agent whose slot
    // frees later sweeps their queues after that (AgentStateService: every release and Available).
    if (!(await this.picker.prefetch(queue, companyId, memo))) return false;
    // Held by another decision (PostgreSQL) or offered meanwhile: that decision answers for it.
    const offer = await this.decide(
      (tx) => this.contacts.lockWaiting(conversationId, tx),
      new Map([[queue.id, queue]]),
      memo,
    );
    if (!offer) return false;
    await this.announce(offer);
    return true;
  }

  /** An agent became Available or freed a slot: the oldest waiting contacts of their queues, until they are full. */
  async dispatchForAgent(agentId: string): Promise<void> {
    await this.sweep((await this.queues.list()).filter((q) => q.memberIds.includes(agentId)));
  }

  /** Every queue the agent does not belong to is left alone; this re-tries one queue (e.g. after a contact left it). */
  async dispatchQueue(queueId: string): Promise<void> {
    const queue = await this.queues.findById(queueId);
    if (queue) await this.sweep([queue]);
  }

  /**
   * Oldest waiting contact first, one decision each, while offers succeed (whoever gets them, this
   * agent or another). The queues are read once per sweep, the directory answers kept for the sweep.
   */
  private async sweep(queues: QueueEntity[]): Promise<void> {
    if (!queues.length) return;
    const byId = new Map(queues.map((q) => [q.id, q]));
    const ids = [...byId.keys()];
    const memo: ServingMemo = new Map();
    // The oldest contact's company is most likely every contact's: its directory answers up front.
    const [oldest] = await this.contacts.waiting(ids, 1);
    if (!oldest) return;
    await this.picker.prefetch(byId.get(oldest.queueId)!, oldest.companyId, memo);
    // The announcements (payload reads, sockets) run alongside the next decisions: the decision is
    // committed already, and a sweep's offers go to different contacts.
    const announced: Promise<unknown>[] = [];
    for (let n = 0; n < SWEEP_LIMIT; n++) {
      const offer = await this.decide((tx) => this.contacts.nextWaiting(ids, tx), byId, memo).catch((e) =>
        this.failed(e),
      );
      if (!offer) break;
      announced.push(this.announce(offer).catch((e) => this.failed(e)));
    }
    await Promise.all(announced);
  }

  /**
   * The decision's transaction. Retried a few times on a failure (SQLite's single connection refuses
   * a transaction opened while another runs; PostgreSQL may abort one under contention): a lost
   * decision would leave the contact waiting while an agent is free.
   */
  private async decide(
    take: (tx: Tx) => Promise<RoutingContactEntity | null>,
    queues: Map<string, QueueEntity>,
    memo: ServingMemo = new Map(),
  ): Promise<Offer | null> {
    await this.turn();
    try {
      return await this.decideNow(take, queues, memo);
    } finally {
      this.running--;
      this.turns.shift()?.();
    }
  }

  /** Waits until fewer than DECISION_CONCURRENCY decisions run here. */
  private async turn(): Promise<void> {
    while (this.running >= DECISION_CONCURRENCY) await new Promise<void>((r) => this.turns.push(r));
    this.running++;
  }

  private async decideNow(
    take: (tx: Tx) => Promise<RoutingContactEntity | null>,
    queues: Map<string, QueueEntity>,
    memo: ServingMemo,
  ): Promise<Offer | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(async (tx) => {
          const contact = await take(tx);
          const queue = contact && queues.get(contact.queueId);
          if (!contact || !queue) return null;
          const expiresAt = new Date(this.clock.now().getTime() + queue.offerTimeoutSeconds * 1000);
          // Agents already tried are skipped while someone else is Available; then they get it again.
          const picked =
            (await this.picker.pick(queue, contact.companyId, contact.triedIds, tx, memo)) ??
            (contact.triedIds.length ? await this.picker.pick(queue, contact.companyId, [], tx, memo) : null);
          if (!picked) return null;
          if (!(await this.contacts.offer(contact.id, picked, expiresAt, tx))) throw new LostRace();
          await this.timers.schedule(ROUTING_OFFER_TIMER, contact.id, expiresAt, { agentId: picked }, tx);
          return { contact, queue, agentId: picked, expiresAt };
        });
      } catch (e) {
        if (e instanceof LostRace) return null;
        if (attempt >= DECISION_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  /**
   * The offer to the agent's sockets. No queue.position push: waiting and ringing contacts both
   * count, so an offer moves nobody's place (accept and leave push them).
   */
  private announce({ contact, queue, agentId, expiresAt }: Offer): Promise<void> {
    return this.announcer.offered(contact, queue.name, agentId, expiresAt);
  }

  /** A contact put back into a queue (a transfer): offer it; if nobody can take it, its visitor still learns the place. */
  async requeued(conversationId: string, queueId: string): Promise<boolean> {
    const offered = !!(await this.dispatch(conversationId).catch((e) => this.failed(e)));
    if (!offered) await this.announcer.queueMoved(queueId);
    return offered;
  }

  private failed(e: unknown): null {
    this.logger.warn(`dispatch failed: ${(e as Error).message}`);
    return null;
  }
}

const DECISION_ATTEMPTS = 5;

/**
 * Decisions at once per process. Each holds a pooled connection for its transaction, and a directory
 * check the prefetch missed takes two more meanwhile: 200 agents turning Available at once exhausted
 * the pool (20) with transactions all waiting for a second connection. With SKIP LOCKED a few concurrent
 * decisions already keep up (each is a handful of short statements); the rest wait their turn here.
 */
const DECISION_CONCURRENCY = 6;

/** The contact was offered by another instance meanwhile: roll the slot claim back. */
class LostRace extends Error {}
