import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { AccessPolicy, accountOf, EmptyPayloadDto, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { CASE_FEED_ALL_ROOM, caseFeedAccountRoom, caseFeedCompanyRoom, isCaseFeedRoom } from './case-feed-room.js';

/**
 * `cases.watch` / `cases.unwatch` on /agent: the Cases page subscribes its socket to the live list
 * (`case.updated`, `case.deleted`, queue-routed `case.created`) while it is open. The socket joins the
 * rooms of the companies its principal serves: access is decided here, and a change of access drops
 * the socket (SocketRevocation: every room is re-joined from scratch), like `company-devices:` rooms.
 * Before (#14 benchmark, 200 agents, 50 chats/s) every change went to every technician's account room.
 */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class CaseFeedGateway {
  constructor(private readonly access: AccessPolicy) {}

  @SubscribeMessage('cases.watch')
  async watch(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    const companies = this.access.companyFilter(me);
    await socket.join([
      caseFeedAccountRoom(me.id),
      ...(companies ? companies.map(caseFeedCompanyRoom) : [CASE_FEED_ALL_ROOM]),
    ]);
    return wsOk({});
  }

  @SubscribeMessage('cases.unwatch')
  async unwatch(@MessageBody() _body: EmptyPayloadDto, @ConnectedSocket() socket: Socket) {
    accountOf(socket);
    await Promise.all([...socket.rooms].filter(isCaseFeedRoom).map((room) => socket.leave(room)));
    return wsOk({});
  }
}
