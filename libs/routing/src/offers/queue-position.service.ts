import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/** With no history yet, a place in the queue is guessed at this many seconds. */
const DEFAULT_WAIT_PER_PLACE_SECONDS = 60;

/**
 * `queue.position { position, estimatedWaitSeconds }` to every visitor still in a queue, sent when
 * the queue moves (a contact arrives, is offered, accepted, leaves). Position counts waiting and
 * ringing contacts, oldest first (1 = next). Estimate: position × the average arrival→accept wait
 * of the queue's last 20 accepted contacts (60 s per place before there is any), rounded.
 */
@Injectable()
export class QueuePositionService {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly realtime: RealtimeService,
  ) {}

  /** The visitor (re)joined: their queue's positions, if they are still queued. */
  async publishFor(conversationId: string): Promise<void> {
    const c = await this.contacts.findById(conversationId);
    if (c && (c.state === 'waiting' || c.state === 'offered')) await this.publish(c.queueId);
  }

  async publish(queueId: string): Promise<void> {
    if (!(await this.queues.findById(queueId))) return;
    const [queued, average] = await Promise.all([
      this.contacts.queued(queueId),
      this.contacts.averageWaitSeconds(queueId),
    ]);
    const perPlace = average ?? DEFAULT_WAIT_PER_PLACE_SECONDS;
    queued.forEach((c, i) =>
      this.realtime.emit('portal', `conversation:${c.id}`, 'queue.position', {
        conversationId: c.id,
        position: i + 1,
        estimatedWaitSeconds: estimateWait(i + 1, perPlace),
      }),
    );
  }
}

export const estimateWait = (position: number, perPlaceSeconds: number): number =>
  Math.max(0, Math.round(position * perPlaceSeconds));
