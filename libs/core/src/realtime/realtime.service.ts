import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

export type Audience = 'agent' | 'portal' | 'device';

/**
 * The one way the core pushes to sockets. Rooms, not socket ids, so the Redis adapter can deliver
 * from any instance. Outbound masking (masking issue) hooks in here, for every event at once.
 */
@Injectable()
export class RealtimeService {
  private readonly namespaces = new Map<Audience, Namespace>();

  attach(audience: Audience, namespace: Namespace): void {
    this.namespaces.set(audience, namespace);
  }

  emit(audience: Audience, room: string | string[], event: string, payload: unknown): void {
    this.namespaces.get(audience)?.to(room).emit(event, payload);
  }

  toAccount(accountId: string, event: string, payload: unknown): void {
    this.emit('agent', RealtimeService.accountRoom(accountId), event, payload);
  }

  toAgents(event: string, payload: unknown): void {
    this.emit('agent', RealtimeService.agentsRoom, event, payload);
  }

  toDevice(deviceId: string, event: string, payload: unknown): void {
    this.emit('device', `device:${deviceId}`, event, payload);
  }

  toPortalSession(sessionId: string, event: string, payload: unknown): void {
    this.emit('portal', `portal-session:${sessionId}`, event, payload);
  }

  /** Sockets in a room across all instances (uses the adapter, so Redis when configured). */
  async roomSize(audience: Audience, room: string): Promise<number> {
    const ns = this.namespaces.get(audience);
    return ns ? (await ns.in(room).fetchSockets()).length : 0;
  }

  /** Graceful shutdown: tell this instance's clients to reconnect elsewhere, then drop them. */
  disconnectLocal(): void {
    for (const ns of this.namespaces.values()) {
      ns.local.emit('server.shutdown', { reconnect: true });
      ns.local.disconnectSockets(true);
    }
  }

  static accountRoom(accountId: string): string {
    return `account:${accountId}`;
  }

  static readonly agentsRoom = 'agents';
}
