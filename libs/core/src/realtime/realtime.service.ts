import { Injectable } from '@nestjs/common';
import type { ServerEvent, ServerEventMap } from '@switchboard/contracts';
import type { Namespace } from 'socket.io';
import { PiiMasker } from '../privacy/pii-masker.service.js';
import { RedisConnection } from '../redis/redis-connection.service.js';

export type Audience = 'agent' | 'portal' | 'device';

/**
 * The one way the core pushes to sockets. Rooms, not socket ids, so the Redis adapter can deliver
 * from any instance. Outbound PII masking happens here, for every event at once: whatever goes
 * to the `agent` audience (technicians) is masked synchronously (emit order is kept); portal
 * visitors and devices receive their own conversation as written.
 */
@Injectable()
export class RealtimeService {
  private readonly namespaces = new Map<Audience, Namespace>();

  constructor(
    private readonly masker: PiiMasker,
    private readonly redis: RedisConnection,
  ) {}

  attach(audience: Audience, namespace: Namespace): void {
    this.namespaces.set(audience, namespace);
    // Acks are the other way data reaches a technician's socket (Nest's global interceptors do not
    // run for gateways): every ack callback on /agent is wrapped so its answer is masked too.
    if (audience === 'agent') {
      namespace.on('connection', (socket) => {
        socket.use((packet, next) => {
          const last = packet.length - 1;
          const ack = packet[last] as unknown;
          if (typeof ack === 'function')
            packet[last] = (...answer: unknown[]) => ack(...answer.map((a) => this.masker.maskPayload(a)));
          next();
        });
      });
    }
  }

  // Typed by the contracts' event map: a wrong event name or payload is a compile error.
  emit<E extends ServerEvent>(
    audience: Audience,
    room: string | string[],
    event: E,
    payload: ServerEventMap[E],
    exceptSocketId?: string,
  ): void {
    const ns = this.namespaces.get(audience);
    if (!ns || this.nobodyElse(ns, room, exceptSocketId)) return;
    (exceptSocketId ? ns.to(room).except(exceptSocketId) : ns.to(room)).emit(
      event,
      audience === 'agent' ? this.masker.maskPayload(payload) : payload,
    );
  }

  /**
   * A chat message goes to its room on every namespace with a party of the channel, and the
   * sender's side usually holds nobody but the sender: without Redis (one instance, every socket
   * here) that broadcast is skipped before socket.io encodes it and the agent side masks it
   * (bench/portal: one encode and one masking pass per message). With Redis other instances may
   * hold members, so it always goes out.
   */
  private nobodyElse(ns: Namespace, room: string | string[], exceptSocketId?: string): boolean {
    if (this.redis.enabled || typeof room !== 'string') return false;
    const members = ns.adapter.rooms.get(room);
    return !members || members.size === 0 || (members.size === 1 && !!exceptSocketId && members.has(exceptSocketId));
  }

  toAccount<E extends ServerEvent>(accountId: string, event: E, payload: ServerEventMap[E]): void {
    this.emit('agent', RealtimeService.accountRoom(accountId), event, payload);
  }

  /**
   * The same event to several technicians' account rooms: ONE masking pass and one encoded packet
   * for all of them (a case update goes to every technician of the company).
   */
  toAccounts<E extends ServerEvent>(accountIds: string[], event: E, payload: ServerEventMap[E]): void {
    if (accountIds.length)
      this.emit(
        'agent',
        accountIds.map((id) => RealtimeService.accountRoom(id)),
        event,
        payload,
      );
  }

  toAgents<E extends ServerEvent>(event: E, payload: ServerEventMap[E]): void {
    this.emit('agent', RealtimeService.agentsRoom, event, payload);
  }

  toDevice<E extends ServerEvent>(deviceId: string, event: E, payload: ServerEventMap[E]): void {
    this.emit('device', RealtimeService.deviceRoom(deviceId), event, payload);
  }

  toPortalSession<E extends ServerEvent>(sessionId: string, event: E, payload: ServerEventMap[E]): void {
    this.emit('portal', `portal-session:${sessionId}`, event, payload);
  }

  /** Sockets in a room across all instances (uses the adapter, so Redis when configured). */
  async roomSize(audience: Audience, room: string): Promise<number> {
    const ns = this.namespaces.get(audience);
    return ns ? (await ns.in(room).fetchSockets()).length : 0;
  }

  /**
   * Which of these rooms have at least one socket, across all instances, in one adapter request
   * (one Redis round trip for a whole list instead of one per room).
   */
  async occupiedRooms(audience: Audience, rooms: string[]): Promise<Set<string>> {
    const ns = this.namespaces.get(audience);
    if (!ns || rooms.length === 0) return new Set();
    const wanted = new Set(rooms);
    const occupied = new Set<string>();
    for (const socket of await ns.in(rooms).fetchSockets())
      for (const room of socket.rooms) if (wanted.has(room)) occupied.add(room);
    return occupied;
  }

  /** Graceful shutdown: tell this instance's clients to reconnect elsewhere, then drop them. */
  disconnectLocal(): void {
    for (const ns of this.namespaces.values()) {
      ns.local.emit('server.shutdown', { reconnect: true } satisfies ServerEventMap['server.shutdown']);
      ns.local.disconnectSockets(true);
    }
  }

  static accountRoom(accountId: string): string {
    return `account:${accountId}`;
  }

  /** Every socket of one device's helpdesk agent (the device gateway joins it at the handshake). */
  static deviceRoom(deviceId: string): string {
    return `device:${deviceId}`;
  }

  static readonly agentsRoom = 'agents';
}
