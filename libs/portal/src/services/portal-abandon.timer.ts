import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@switchboard/core';
import {
  ConversationService,
  ConversationTimers,
  type ConversationDeadline,
  type ConversationView,
} from '@switchboard/chat';
import { PORTAL_CHANNEL } from '../portal.types.js';
import { leaveAsSupportRequest } from './portal-support-request.js';

export const PORTAL_ABANDON = 'portal.abandon';

/** Armed in the portal chat's start transaction (the portal's "abandon after" setting, minutes). */
export function portalAbandonDeadline(now: Date, afterMs: number): ConversationDeadline {
  return { kind: PORTAL_ABANDON, dueAt: new Date(now.getTime() + afterMs) };
}

/** The customer stopped waiting (nobody took the chat in time): it becomes a support request. */
@Injectable()
export class PortalAbandonTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly conversations: ConversationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timers.define(PORTAL_ABANDON, (c) => this.fire(c));
  }

  async fire(c: ConversationView | null): Promise<void> {
    if (c?.channel === PORTAL_CHANNEL && c.status === 'waiting')
      await leaveAsSupportRequest(this.conversations, c, 'abandoned', this.clock.now());
  }
}
