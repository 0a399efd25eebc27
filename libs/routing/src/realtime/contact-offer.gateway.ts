import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { accountOf, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { ContactOfferRefDto } from '../dto/contact-offer.dto.js';
import { OfferResponseService } from '../offers/offer-response.service.js';

/** The agent's answer to a `contact.offered` on /agent, acknowledged `{ ok, data | error }`. */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class ContactOfferGateway {
  constructor(private readonly responses: OfferResponseService) {}

  @SubscribeMessage('contact.accept')
  async accept(@MessageBody() body: ContactOfferRefDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.responses.accept(body.conversationId, accountOf(socket)));
  }

  @SubscribeMessage('contact.decline')
  async decline(@MessageBody() body: ContactOfferRefDto, @ConnectedSocket() socket: Socket) {
    return wsOk(await this.responses.decline(body.conversationId, accountOf(socket)));
  }
}
