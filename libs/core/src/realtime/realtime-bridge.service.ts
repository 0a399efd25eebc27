import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { RealtimeService } from './realtime.service.js';

/** Domain events that technicians' screens follow live. */
@Injectable()
export class RealtimeBridge implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('account.availability.changed', (e) => {
      // Every tab of that technician follows the toggle; colleagues see who is available.
      this.realtime.toAccount(e.accountId, 'account.availability', { availability: e.availability });
      this.realtime.toAgents('agent.availability', { accountId: e.accountId, availability: e.availability });
    });
  }
}
