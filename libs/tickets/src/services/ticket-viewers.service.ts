import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AccountPrincipal, AppConfig, RealtimeService, RedisConnection } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { MemoryPresenceStore, ViewerPresenceStore } from '../realtime/viewer-presence.store.js';
import { RedisPresenceStore } from '../realtime/redis-presence.store.js';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { ViewerView } from '../ticket.views.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketQueryService } from './ticket-query.service.js';

/** Presence is infrastructure liveness, measured in real time (not the domain Clock tests fake). */
export const VIEWER_HEARTBEAT_MS = 10_000;
export const VIEWER_EXPIRY_MS = 30_000;

/**
 * Who has a ticket open right now. Each socket's views are tracked locally (for disconnects and
 * heartbeats) and in the presence store (shared through Redis across instances). Every change
 * broadcasts the full list to the ticket's room.
 */
@Injectable()
export class TicketViewersService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('TicketViewers');
  private closing = false;
  private readonly store: ViewerPresenceStore;
  /** This instance's sockets → ticket numbers they view. */
  private readonly local = new Map<string, { socket: Socket; numbers: Set<number> }>();
  private heartbeat: NodeJS.Timeout | undefined;
  /** Presence work under way; shutdown waits for it so nothing touches Redis after it closes. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    redis: RedisConnection,
    private readonly config: AppConfig,
    private readonly realtime: RealtimeService,
    private readonly finder: TicketFinder,
    private readonly tickets: TicketQueryService,
  ) {
    this.store = redis.client
      ? new RedisPresenceStore(redis.client, Math.ceil((VIEWER_EXPIRY_MS * 4) / 1000))
      : new MemoryPresenceStore();
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => void this.refresh().catch(() => undefined), VIEWER_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Before Redis closes (its own shutdown hook runs in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    await Promise.allSettled([...this.inFlight]);
    // A graceful stop removes this instance's viewers at once; a crash lets them expire.
    for (const [socketId, { numbers }] of this.local)
      for (const n of numbers) await this.store.remove(n, socketId).catch(() => undefined);
    this.local.clear();
  }

  view(socket: Socket, me: AccountPrincipal, number: number): Promise<{ number: number; viewers: ViewerView[] }> {
    return this.track(this.doView(socket, me, number));
  }

  leave(socket: Socket, number: number): Promise<{ number: number }> {
    return this.track(this.doLeave(socket, number));
  }

  /** A closed tab or a lost connection: drop every view of that socket. */
  disconnected(socketId: string): Promise<void> {
    return this.track(this.doDisconnected(socketId));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  private async doView(
    socket: Socket,
    me: AccountPrincipal,
    number: number,
  ): Promise<{ number: number; viewers: ViewerView[] }> {
    const ticket = await this.finder.get(number, me);
    await socket.join(TicketRooms.ticket(number));
    const entry = this.local.get(socket.id) ?? { socket, numbers: new Set<number>() };
    entry.numbers.add(number);
    this.local.set(socket.id, entry);
    const now = Date.now();
    await this.store.add(number, {
      socketId: socket.id,
      instanceId: this.config.instanceId,
      accountId: me.id,
      name: me.name,
      since: new Date(now).toISOString(),
      expiresAt: now + VIEWER_EXPIRY_MS,
    });
    await this.tickets.markOpened(ticket);
    return { number, viewers: await this.broadcast(number) };
  }

  private async doLeave(socket: Socket, number: number): Promise<{ number: number }> {
    await socket.leave(TicketRooms.ticket(number));
    const entry = this.local.get(socket.id);
    entry?.numbers.delete(number);
    if (entry && entry.numbers.size === 0) this.local.delete(socket.id);
    await this.store.remove(number, socket.id);
    await this.broadcast(number);
    return { number };
  }

  private async doDisconnected(socketId: string): Promise<void> {
    const entry = this.local.get(socketId);
    if (!entry || this.closing) return;
    this.local.delete(socketId);
    try {
      for (const n of entry.numbers) {
        await this.store.remove(n, socketId);
        await this.broadcast(n);
      }
    } catch (error) {
      // Presence is best effort: an entry we could not remove expires on its own.
      this.logger.warn({ err: error }, 'Could not remove a viewer');
    }
  }

  async viewers(number: number): Promise<ViewerView[]> {
    const entries = await this.store.list(number, Date.now());
    // One entry per account (several tabs count once), earliest first.
    const byAccount = new Map<string, ViewerView>();
    for (const e of entries.sort((a, b) => a.since.localeCompare(b.since))) {
      if (!byAccount.has(e.accountId))
        byAccount.set(e.accountId, { accountId: e.accountId, name: e.name, since: e.since });
    }
    return [...byAccount.values()];
  }

  private async broadcast(number: number): Promise<ViewerView[]> {
    const viewers = await this.viewers(number);
    this.realtime.emit('agent', TicketRooms.ticket(number), 'ticket.viewers', { number, viewers });
    return viewers;
  }

  private async refresh(): Promise<void> {
    const entries = [...this.local.entries()].flatMap(([socketId, { numbers }]) =>
      [...numbers].map((number) => ({ number, socketId })),
    );
    if (entries.length) await this.store.refresh(entries, Date.now() + VIEWER_EXPIRY_MS);
  }
}
