import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ServerEventMap } from '@switchboard/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { AccountPrincipal } from '../access/principal.js';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import {
  AccessRevocations,
  type AccessRevocation,
  type SessionEndReason,
} from '../identity/access-revocations.service.js';
import { sameAccess } from '../identity/account-principal.js';
import { SessionPrincipals, type SessionRef } from '../identity/session-principals.service.js';
import { InstanceBus } from '../redis/instance-bus.service.js';
import { RealtimeService, type Audience } from './realtime.service.js';

/** How often each instance re-checks its technician sockets against the database (defence in depth). */
export const REVALIDATE_INTERVAL_MS = 30_000;
const REVALIDATE_BATCH = 500;

/**
 * Open sockets follow their principal's access: when it changes (role, companies, permissions)
 * they are told `access.changed` and dropped, so the client reconnects and the handshake gives the
 * new scope (every room, ticket list and conversation, is re-joined from scratch); when the
 * session ends (logout, password, deactivation, device token rotated or removed, expiry) they get
 * `session.revoked` and are dropped. Targets are rooms (`account:<id>`, `session:<sid>`,
 * `device:<id>`), so with the Redis adapter one call reaches the sockets on every instance.
 * Expiry is judged on the injectable clock: on every incoming event, and by a sweep of this
 * instance's own sockets (no shared state: each instance checks the sockets it holds).
 * Defence in depth: every REVALIDATE_INTERVAL_MS, and whenever the Redis subscription comes back
 * (notes may have been lost), each instance re-reads the sessions of its technician sockets in a
 * few batched queries and drops those that no longer stand or whose scope changed. Not per event:
 * a read per chat message or typing ping would cost more than the push-based revocation it backs up.
 */
@Injectable()
export class SocketRevocation implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SocketRevocation');
  private readonly namespaces = new Map<Audience, Namespace>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private revalidateTimer: ReturnType<typeof setInterval> | undefined;
  private revalidating: Promise<number> | null = null;
  private readonly unlisten: (() => void)[] = [];

  constructor(
    private readonly revocations: AccessRevocations,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly sessions: SessionPrincipals,
    private readonly bus: InstanceBus,
  ) {}

  static sessionRoom(sessionId: string): string {
    return `session:${sessionId}`;
  }

  static deviceRoom(deviceId: string): string {
    return RealtimeService.deviceRoom(deviceId);
  }

  static companyDevicesRoom(companyId: string): string {
    return `company-devices:${companyId}`;
  }

  onModuleInit(): void {
    this.unlisten.push(this.revocations.listen((r) => this.apply(r)));
    this.unlisten.push(this.bus.onResync(() => void this.revalidateQuietly()));
    // A real timer reading the (possibly fake) clock: cheap, a pass over this instance's sockets.
    this.timer = setInterval(() => this.sweepExpired(), Math.max(250, this.config.sweepIntervalMs));
    this.timer.unref();
    this.revalidateTimer = setInterval(() => void this.revalidateQuietly(), REVALIDATE_INTERVAL_MS);
    this.revalidateTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    clearInterval(this.revalidateTimer);
    for (const off of this.unlisten.splice(0)) off();
  }

  /**
   * Re-reads the sessions of this instance's technician sockets; drops those whose session no longer
   * stands (session.revoked) or whose scope changed (access.changed). Returns how many were dropped.
   */
  revalidate(): Promise<number> {
    this.revalidating ??= this.revalidateOnce().finally(() => (this.revalidating = null));
    return this.revalidating;
  }

  private revalidateQuietly(): Promise<number> {
    return this.revalidate().catch((err: Error) => {
      this.logger.warn(`socket re-check failed: ${err.message}`);
      return 0;
    });
  }

  private async revalidateOnce(): Promise<number> {
    const namespace = this.namespaces.get('agent');
    if (!namespace) return 0;
    const sockets = [...namespace.sockets.values()].filter((s) => s.data?.sessionRef);
    let dropped = 0;
    for (let i = 0; i < sockets.length; i += REVALIDATE_BATCH) {
      const batch = sockets.slice(i, i + REVALIDATE_BATCH);
      const fresh = await this.sessions.forSessions(batch.map((s) => s.data.sessionRef as SessionRef));
      batch.forEach((socket, j) => {
        if (!socket.connected) return;
        const now = fresh[j];
        if (!now) this.end(socket, 'revoked');
        else if (!sameAccess(socket.data.principal as AccountPrincipal, now)) {
          socket.emit('access.changed', { reconnect: true } satisfies ServerEventMap['access.changed']);
          socket.disconnect(true);
        } else return;
        dropped++;
      });
    }
    return dropped;
  }

  /** Called by each gateway once its namespace exists. */
  watch(audience: Audience, namespace: Namespace): void {
    this.namespaces.set(audience, namespace);
    namespace.on('connection', (socket: Socket) => {
      // Every incoming event first checks the token's expiry: a lapsed socket gets nothing more.
      socket.use((_packet, next) => {
        if (this.expired(socket)) this.end(socket, 'expired');
        else next();
      });
    });
  }

  /** Drops this instance's sockets whose token has expired; returns how many. */
  sweepExpired(): number {
    let ended = 0;
    for (const namespace of this.namespaces.values())
      for (const socket of namespace.sockets.values())
        if (this.expired(socket)) {
          this.end(socket, 'expired');
          ended++;
        }
    return ended;
  }

  private expired(socket: Socket): boolean {
    const exp = socket.data?.expiresAtMs as number | null | undefined;
    return typeof exp === 'number' && this.clock.nowMs() >= exp;
  }

  private end(socket: Socket, reason: SessionEndReason): void {
    socket.emit('session.revoked', { reason } satisfies ServerEventMap['session.revoked']);
    socket.disconnect(true);
  }

  private apply(r: AccessRevocation): void {
    switch (r.kind) {
      case 'account-changed':
        return this.drop('agent', RealtimeService.accountRoom(r.accountId), 'access.changed', { reconnect: true });
      case 'account-ended':
        return this.drop('agent', RealtimeService.accountRoom(r.accountId), 'session.revoked', { reason: r.reason });
      case 'session-ended':
        return this.drop('agent', SocketRevocation.sessionRoom(r.sessionId), 'session.revoked', { reason: r.reason });
      case 'device-ended':
        return this.drop('device', SocketRevocation.deviceRoom(r.deviceId), 'session.revoked', { reason: r.reason });
      case 'company-devices-ended':
        return this.drop('device', SocketRevocation.companyDevicesRoom(r.companyId), 'session.revoked', {
          reason: r.reason,
        });
    }
  }

  /** Tell, then disconnect, every socket of the room on every instance (the adapter carries both, in order). */
  private drop<E extends 'access.changed' | 'session.revoked'>(
    audience: Audience,
    room: string,
    event: E,
    payload: ServerEventMap[E],
  ): void {
    const namespace = this.namespaces.get(audience);
    if (!namespace) return;
    namespace.to(room).emit(event, payload);
    namespace.in(room).disconnectSockets(true);
  }
}
