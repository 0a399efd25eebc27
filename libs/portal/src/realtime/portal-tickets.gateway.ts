import { OnModuleDestroy, OnModuleInit, UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  DomainEventBus,
  EmptyPayloadDto,
  portalVisitorOf,
  RealtimeService,
  UnauthorizedError,
  WsErrorFilter,
  WsPayloadPipe,
  wsOk,
} from '@switchboard/core';
import type { TicketEndUsersToldPayload } from '@switchboard/contracts';
import type { Namespace, Socket } from 'socket.io';
import { PortalContactSessions } from '../sign-in/portal-contact-session.service.js';

/**
 * "My tickets" live on /portal: a signed-in contact's socket (the sb_portal cookie in the
 * handshake) subscribes, and is told when a public reply or a status change reaches one of its
 * tickets. The payload is only the number; the page fetches the ticket again through the REST
 * route, so what it may see is decided in one place. Internal notes tell nobody here.
 */
@WebSocketGateway({ namespace: '/portal' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class PortalTicketsGateway implements OnModuleInit, OnModuleDestroy {
  @WebSocketServer() private readonly server?: Namespace;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly sessions: PortalContactSessions,
    private readonly events: DomainEventBus,
    private readonly realtime: RealtimeService,
  ) {}

  static contactRoom(companyId: string, contactId: string): string {
    return `portal-contact:${companyId}:${contactId}`;
  }

  onModuleInit(): void {
    // Public replies and status changes, with their audience as committed (no read here).
    this.off.push(this.events.subscribe('ticket.end-users.told', (e) => this.tell(e)));
  }

  onModuleDestroy(): void {
    for (const off of this.off.splice(0)) off();
  }

  @SubscribeMessage('tickets.subscribe')
  async subscribe(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    const visitor = portalVisitorOf(socket);
    const contact = await this.sessions.standing(visitor.sessionId, visitor.subject);
    if (!contact) throw new UnauthorizedError('Sign in to the portal first');
    await socket.join(PortalTicketsGateway.contactRoom(contact.companyId, contact.contactId));
    return wsOk({ subscribed: true });
  }

  /** Sign out: the session's sockets (on every instance, through the adapter) are told and dropped. */
  dropSession(sessionId: string): void {
    const room = `portal-session:${sessionId}`;
    this.realtime.emit('portal', room, 'session.revoked', { reason: 'signed_out' });
    this.server?.in(room).disconnectSockets(true);
  }

  private tell(e: TicketEndUsersToldPayload): void {
    if (!e.contactIds.length) return;
    const rooms = e.contactIds.map((id) => PortalTicketsGateway.contactRoom(e.companyId, id));
    this.realtime.emit('portal', rooms, 'portal.ticket.updated', { number: e.number, reason: e.reason });
  }
}
