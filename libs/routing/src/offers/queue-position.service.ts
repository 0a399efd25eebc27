import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/** With no history yet, a place in the queue is guessed at this many seconds. */
const DEFAULT_WAIT_PER_PLACE_SECONDS = 60;

/**
 * `queue.position { position, estimatedWaitSeconds }` to every visitor still in a queue, sent when
 * the queue moves (a contact is accepted or leaves; an offer moves nobody: waiting and ringing both
 * count). Position counts waiting and ringing contacts, oldest first (1 = next). Estimate: position ×
 * the average arrival→accept wait of the queue's last 20 accepted contacts (60 s per place before
 * there is any), rounded.
 *
 * Cost with a long queue (the #14 benchmark: 1,000 waiting): one publish reads the whole queue, so
 * publishes of one queue are coalesced in this process (a call joins the next run that has not
 * started yet; every caller's run reads the database after the caller's move, so the result is the
 * same whichever instance runs it), and only visitors with a socket in their room, anywhere (one
 * adapter request), get a packet — a room nobody listens to would still cost a Redis publish each.
 */
@Injectable()
export class QueuePositionService {
  /** Per queue: the run not started yet (callers join it), and the one running (the next waits for it). */
  private readonly next = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();

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

  publish(queueId: string): Promise<void> {
    const pending = this.next.get(queueId);
    if (pending) return pending;
    const before = this.running.get(queueId) ?? Promise.resolve();
    const run: Promise<void> = before
      .catch(() => undefined)
      .then(() => {
        // From here on the run reads the database: later callers need a run of their own.
        this.next.delete(queueId);
        this.running.set(queueId, run);
        return this.send(queueId);
      })
      .finally(() => {
        if (this.running.get(queueId) === run) this.running.delete(queueId);
      });
    this.next.set(queueId, run);
    return run;
  }

  private async send(queueId: string): Promise<void> {
    if (!(await this.queues.findById(queueId))) return;
    const [queued, average] = await Promise.all([
      this.contacts.queuedIds(queueId),
      this.contacts.averageWaitSeconds(queueId),
    ]);
    if (!queued.length) return;
    const listening = await this.realtime.occupiedRooms(
      'portal',
      queued.map((id) => `conversation:${id}`),
    );
    const perPlace = average ?? DEFAULT_WAIT_PER_PLACE_SECONDS;
    queued.forEach((id, i) => {
      if (listening.has(`conversation:${id}`))
        this.realtime.emit('portal', `conversation:${id}`, 'queue.position', {
          conversationId: id,
          position: i + 1,
          estimatedWaitSeconds: estimateWait(i + 1, perPlace),
        });
    });
  }
}

export const estimateWait = (position: number, perPlaceSeconds: number): number =>
  Math.max(0, Math.round(position * perPlaceSeconds));
