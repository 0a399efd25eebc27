import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { AgentStateService } from './agent-state.service.js';

/**
 * Keeps the agent state in step with the pool availability switched elsewhere (PUT /api/me/availability,
 * the `availability.set` socket event): Available ⇔ available, Not ready ⇔ unavailable.
 */
@Injectable()
export class AgentAvailabilitySync implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly states: AgentStateService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('account.availability.changed', (e) =>
      this.states.follow(e.accountId, e.availability === 'available' ? 'available' : 'not_ready'),
    );
  }
}
