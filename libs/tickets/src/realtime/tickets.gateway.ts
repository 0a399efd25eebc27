import { UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { AccessPolicy, accountOf, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { TicketNumberEventDto } from '../dto/ticket-socket.dto.js';
import { TicketViewersService } from '../services/ticket-viewers.service.js';
import { TicketRooms } from './ticket-rooms.js';

/** Ticket events on /agent (the namespace's middleware has already authenticated the technician). */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class TicketsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly viewers: TicketViewersService,
    private readonly access: AccessPolicy,
  ) {}

  /** List live updates: everyone-rooms for unrestricted technicians, per-company rooms otherwise. */
  async handleConnection(socket: Socket): Promise<void> {
    const me = socket.data?.principal;
    if (me?.kind !== 'account') return;
    const companies = this.access.companyFilter(me);
    await socket.join(companies ? companies.map(TicketRooms.company) : [TicketRooms.all]);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    await this.viewers.disconnected(socket.id);
  }

  @SubscribeMessage('ticket.view')
  async view(@MessageBody() body: TicketNumberEventDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.viewers.view(socket, accountOf(socket), body.number));
  }

  @SubscribeMessage('ticket.leave')
  async leave(@MessageBody() body: TicketNumberEventDto, @ConnectedSocket() socket: Socket) {
    accountOf(socket);
    return wsOk(await this.viewers.leave(socket, body.number));
  }
}
