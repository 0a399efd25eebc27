import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationTimers } from '@switchboard/chat';
import type { DueTimer } from '@switchboard/core';
import { OfferResponseService } from './offer-response.service.js';
import { ROUTING_OFFER_TIMER } from './routing-timers.js';

/** An offer not accepted in the queue's offer timeout: RONA and the next agent. Armed by OfferDispatcher. */
@Injectable()
export class RoutingOfferTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly responses: OfferResponseService,
  ) {}

  onModuleInit(): void {
    this.timers.define(ROUTING_OFFER_TIMER, (_c, timer) => this.fire(timer));
  }

  async fire(timer: DueTimer): Promise<void> {
    await this.responses.expire(String(timer.payload.conversationId), String(timer.payload.agentId));
  }
}
