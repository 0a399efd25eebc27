import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { portalVisitorOf, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { ScreenDeclineDto, ScreenSessionRefDto, ScreenSignalDto } from '../dto/screen-share.dto.js';
import { PortalVisitorService } from '../services/portal-visitor.service.js';
import { ScreenShareService } from '../services/screen-share.service.js';
import { toSignal } from './screen-share-agent.gateway.js';

/** The visitor's side of screen sharing on /portal: only sessions of the token's own conversation. */
@WebSocketGateway({ namespace: '/portal' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class ScreenShareVisitorGateway {
  constructor(
    private readonly visitors: PortalVisitorService,
    private readonly screens: ScreenShareService,
  ) {}

  /** The request waiting for this visitor (after a reload or a reconnect), or null. */
  @SubscribeMessage('screen.pending')
  async pending(@ConnectedSocket() socket: Socket) {
    const { chat } = await this.visitors.resolve(portalVisitorOf(socket));
    return wsOk({ request: await this.screens.pendingFor(chat) });
  }

  @SubscribeMessage('screen.accept')
  async accept(@MessageBody() body: ScreenSessionRefDto, @ConnectedSocket() socket: Socket) {
    const { chat } = await this.visitors.resolve(portalVisitorOf(socket));
    return wsOk(await this.screens.accept(chat, body.sessionId, socket.id));
  }

  @SubscribeMessage('screen.decline')
  async decline(@MessageBody() body: ScreenDeclineDto, @ConnectedSocket() socket: Socket) {
    const { chat } = await this.visitors.resolve(portalVisitorOf(socket));
    await this.screens.decline(chat, body.sessionId, body.reason);
    return wsOk({});
  }

  @SubscribeMessage('screen.signal')
  async signal(@MessageBody() body: ScreenSignalDto, @ConnectedSocket() socket: Socket) {
    const { chat } = await this.visitors.resolve(portalVisitorOf(socket));
    await this.screens.signalFromVisitor(chat, socket.id, body.sessionId, toSignal(body));
    return wsOk({});
  }

  @SubscribeMessage('screen.end')
  async end(@MessageBody() body: ScreenSessionRefDto, @ConnectedSocket() socket: Socket) {
    const { chat } = await this.visitors.resolve(portalVisitorOf(socket));
    await this.screens.endByVisitor(chat, body.sessionId);
    return wsOk({});
  }
}
