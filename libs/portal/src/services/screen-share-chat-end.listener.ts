import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { PORTAL_CHANNEL } from '../portal.types.js';
import { ScreenShareService } from './screen-share.service.js';

/**
 * A portal chat that ends takes its screen session with it (issue #19): on `conversation.ending`,
 * which the chat awaits before its own end line, so the log reads "Screen sharing ended with the
 * chat." then the end. Other channels return at once (no promise on their hot path).
 */
@Injectable()
export class ScreenShareChatEndListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly events: DomainEventBus,
    private readonly screens: ScreenShareService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe('conversation.ending', (e) =>
      e.channel === PORTAL_CHANNEL ? this.screens.endForChat(e.conversationId) : undefined,
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
