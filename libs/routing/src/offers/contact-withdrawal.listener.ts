import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { ContactExitService } from './contact-exit.service.js';

/** The visitor left (or the chat ended some other way) while queued: the contact is withdrawn. */
@Injectable()
export class ContactWithdrawalListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly exits: ContactExitService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.ended', async (e) => {
      if (e.reason !== 'overflowed') await this.exits.withdrawn(e.conversationId);
    });
  }
}
