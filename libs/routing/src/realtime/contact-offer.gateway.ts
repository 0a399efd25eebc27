import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { accountOf, DomainError, WsErrorFilter, WsPayloadPipe, wsOk } from '@switchboard/core';
import type { Socket } from 'socket.io';
import { ContactOfferRefDto } from '../dto/contact-offer.dto.js';
import { OfferResponseService } from '../offers/offer-response.service.js';
import { ConferenceResponseService } from '../conference/conference-response.service.js';

/** The agent's answer to a `contact.offered` on /agent, acknowledged `{ ok, data | error }`. */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(WsErrorFilter)
@UsePipes(WsPayloadPipe)
export class ContactOfferGateway {
  constructor(
    private readonly responses: OfferResponseService,
    private readonly conferences: ConferenceResponseService,
  ) {}

  @SubscribeMessage('contact.accept')
  async accept(@MessageBody() body: ContactOfferRefDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    // A conference request rings in the same pop-up: its answer goes to the conference. The offer is
    // tried first (the common case, one read less): a conference rings only on a contact already
    // accepted by its host, which the offer refuses before writing anything.
    try {
      return wsOk(await this.responses.accept(body.conversationId, me));
    } catch (offerRefused) {
      if (!(offerRefused instanceof DomainError) || !(await this.conferences.ringsFor(body.conversationId, me.id)))
        throw offerRefused;
      return wsOk(await this.conferences.accept(body.conversationId, me));
    }
  }

  @SubscribeMessage('contact.decline')
  async decline(@MessageBody() body: ContactOfferRefDto, @ConnectedSocket() socket: Socket) {
    const me = accountOf(socket);
    if (await this.conferences.ringsFor(body.conversationId, me.id))
      return wsOk(await this.conferences.decline(body.conversationId, me));
    return wsOk(await this.responses.decline(body.conversationId, me));
  }
}
