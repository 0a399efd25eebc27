import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Tx } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { OfferDispatcher } from './offer-dispatcher.service.js';
import { ROUTING_MAX_WAIT_TIMER } from './routing-timers.js';

export interface EnqueueInput {
  conversationId: string;
  queueId: string;
  companyId: string;
  proactive?: boolean;
}

/** A conversation enters its queue: the routing row and its max-wait deadline, in the caller's transaction. */
@Injectable()
export class ContactQueueService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly timers: ConversationTimers,
    private readonly clock: Clock,
    private readonly dispatcher: OfferDispatcher,
  ) {}

  /** After the start committed (the question is in the thread): offer it now; false when nobody could take it. */
  offerNow(conversationId: string): Promise<boolean> {
    return this.dispatcher.dispatch(conversationId);
  }

  async enqueue(input: EnqueueInput, tx: Tx): Promise<void> {
    const queue = await this.queues.findById(input.queueId, tx);
    if (!queue) throw new NotFoundError('Queue', input.queueId);
    const now = this.clock.now();
    const row = Object.assign(new RoutingContactEntity(), {
      id: input.conversationId,
      queueId: queue.id,
      companyId: input.companyId,
      arrivedAt: now,
      proactive: !!input.proactive,
      state: 'waiting',
      offeredTo: null,
      offerExpiresAt: null,
      triedIds: [],
      transferFromId: null,
      transferToId: null,
      leftAt: null,
    });
    await this.contacts.insert(row, tx);
    await this.timers.schedule(
      ROUTING_MAX_WAIT_TIMER,
      input.conversationId,
      new Date(now.getTime() + queue.maxWaitSeconds * 1000),
      {},
      tx,
    );
  }
}
