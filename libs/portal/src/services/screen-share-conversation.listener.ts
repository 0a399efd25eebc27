import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { PORTAL_CHANNEL } from '../portal.types.js';
import { ScreenRecordingService } from './screen-recording.service.js';
import { ScreenShareService } from './screen-share.service.js';

/**
 * What a portal chat's life does to its screen sharing (issue #19). Ending: on
 * `conversation.ending`, which the chat awaits before its own end line, so the log reads "Screen
 * sharing ended with the chat." then the end (other channels return at once, no promise on their
 * hot path). Erased (its case deleted): its recordings and sessions go too.
 */
@Injectable()
export class ScreenShareConversationListener implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEventBus,
    private readonly screens: ScreenShareService,
    private readonly recordings: ScreenRecordingService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.subscribe('conversation.ending', (e) =>
        e.channel === PORTAL_CHANNEL ? this.screens.endForChat(e.conversationId) : undefined,
      ),
      this.events.subscribe('conversation.purged', (e) => this.recordings.purge(e.conversationId)),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
