import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationTimers } from '@switchboard/chat';
import type { DueTimer } from '@switchboard/core';
import { ROUTING_CONFERENCE_OFFER_TIMER } from '../offers/routing-timers.js';
import { ConferenceResponseService } from './conference-response.service.js';

/** A conference request not answered in the queue's offer timeout: the asked agent is in RONA. */
@Injectable()
export class RoutingConferenceOfferTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly responses: ConferenceResponseService,
  ) {}

  onModuleInit(): void {
    this.timers.define(ROUTING_CONFERENCE_OFFER_TIMER, (_c, timer) => this.fire(timer));
  }

  async fire(timer: DueTimer): Promise<void> {
    await this.responses.expire(String(timer.payload.conversationId), String(timer.payload.conferenceId));
  }
}
