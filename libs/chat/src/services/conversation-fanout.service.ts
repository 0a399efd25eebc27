import { Injectable } from '@nestjs/common';
import type { ServerEvent, ServerEventMap } from '@switchboard/contracts';
import { RealtimeService, type Audience } from '@switchboard/core';

/**
 * Delivers conversation events to the room `conversation:<id>` on every namespace that has a
 * party of that channel: technicians are always on /agent; portal visitors on /portal, helpdesk
 * agents on /device. Channels register their audience once (see PortalModule, agent chat).
 * Rooms, not sockets: with the Redis adapter this reaches every instance.
 */
@Injectable()
export class ConversationFanout {
  private readonly audiences = new Map<string, Audience[]>();

  constructor(private readonly realtime: RealtimeService) {}

  static room(conversationId: string): string {
    return `conversation:${conversationId}`;
  }

  /** `channel` conversations are also delivered on `audience` (besides /agent). */
  registerChannel(channel: string, audience: Audience): void {
    const list = this.audiences.get(channel) ?? ['agent'];
    if (!list.includes(audience)) list.push(audience);
    this.audiences.set(channel, list);
  }

  emit<E extends ServerEvent>(
    channel: string,
    conversationId: string,
    event: E,
    payload: ServerEventMap[E],
    exceptSocketId?: string,
  ): void {
    const room = ConversationFanout.room(conversationId);
    for (const audience of this.audiences.get(channel) ?? ['agent'])
      this.realtime.emit(audience, room, event, payload, exceptSocketId);
  }
}
