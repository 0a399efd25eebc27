import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationTimers, type ConversationView } from '@switchboard/chat';
import { ContactExitService } from './contact-exit.service.js';
import { ROUTING_MAX_WAIT_TIMER } from './routing-timers.js';

/** The queue's maximum wait passed with nobody accepting: overflow to a support request. Armed by ContactQueueService. */
@Injectable()
export class RoutingMaxWaitTimer implements OnModuleInit {
  constructor(
    private readonly timers: ConversationTimers,
    private readonly exits: ContactExitService,
  ) {}

  onModuleInit(): void {
    this.timers.define(ROUTING_MAX_WAIT_TIMER, (c) => this.fire(c));
  }

  async fire(c: ConversationView | null): Promise<void> {
    if (c && c.status !== 'ended') await this.exits.overflow(c.id);
  }
}
