import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ConversationService,
  ConversationTimers,
  type ConversationDeadline,
  type ConversationView,
} from '@switchboard/chat';
import { PORTAL_WAITING_OFFER_LINE } from '@switchboard/contracts';
import { PORTAL_CHANNEL } from '../portal.types.js';

export const PORTAL_WAITING_OFFER = 'portal.waiting-offer';
/** Stated in @switchboard/contracts: the portal page recognises it (and says it in the visitor's language). */
export const OFFER_TEXT = PORTAL_WAITING_OFFER_LINE;

/** Armed in the portal chat's start transaction (the portal's "waiting offer" setting, seconds). */
export function portalWaitingOfferDeadline(now: Date, afterMs: number): ConversationDeadline {
  return { kind: PORTAL_WAITING_OFFER, dueAt: new Date(now.getTime() + afterMs) };
}

/** Still waiting after a while: the visitor is offered to leave the question instead. Declared here with its handler. */
@Injectable()
export class PortalWaitingOfferTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly conversations: ConversationService,
  ) {}

  onModuleInit(): void {
    this.timers.define(PORTAL_WAITING_OFFER, (c) => this.fire(c));
  }

  async fire(c: ConversationView | null): Promise<void> {
    if (c?.channel === PORTAL_CHANNEL && c.status === 'waiting')
      await this.conversations.postSystemMessage(c.id, OFFER_TEXT);
  }
}
