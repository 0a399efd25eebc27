import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { ScreenSignal } from '@switchboard/contracts';
import { accountOf, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { ScreenRequestDto, ScreenSessionRefDto, ScreenSignalDto } from '../dto/screen-share.dto.js';
import { ScreenShareService } from '../services/screen-share.service.js';

/** The technician's side of screen sharing on /agent (issue #19). */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class ScreenShareAgentGateway {
  constructor(private readonly screens: ScreenShareService) {}

  @SubscribeMessage('screen.request')
  async request(@MessageBody() body: ScreenRequestDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.screens.request(accountOf(socket), body.conversationId, socket.id));
  }

  @SubscribeMessage('screen.signal')
  async signal(@MessageBody() body: ScreenSignalDto, @ConnectedSocket() socket: Socket) {
    await this.screens.signalFromTechnician(accountOf(socket), socket.id, body.sessionId, toSignal(body));
    return wsOk({});
  }

  @SubscribeMessage('screen.end')
  async end(@MessageBody() body: ScreenSessionRefDto, @ConnectedSocket() socket: Socket) {
    await this.screens.endByTechnician(accountOf(socket), body.sessionId);
    return wsOk({});
  }
}

/** The validated DTO as the contracts' signal (only the fields of its type). */
export function toSignal(body: ScreenSignalDto): ScreenSignal {
  if (body.type === 'candidate')
    return {
      type: 'candidate',
      candidate: body.candidate ?? '',
      sdpMid: body.sdpMid ?? null,
      sdpMLineIndex: body.sdpMLineIndex ?? null,
    };
  return { type: body.type, sdp: body.sdp ?? '' };
}
