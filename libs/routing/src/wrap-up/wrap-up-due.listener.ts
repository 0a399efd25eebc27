import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import type { WrapUpCause } from '../routing.types.js';
import { WrapUpObligationService } from './wrap-up-obligation.service.js';

/**
 * An accepted queue-routed chat ended, whoever ended it (the agent's End, the customer's "End chat",
 * a case resolved, the technician leaving): its agent owes a wrap-up, which holds their slot.
 */
@Injectable()
export class WrapUpDueListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly contacts: RoutingContactRepository,
    private readonly queues: QueueRepository,
    private readonly obligations: WrapUpObligationService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.ended', (e) => this.ended(e.conversationId, e.reason));
  }

  async ended(conversationId: string, reason: string): Promise<void> {
    const c = await this.contacts.findById(conversationId);
    if (c?.state !== 'accepted' || !c.offeredTo) return;
    const cause: WrapUpCause =
      reason === 'customer_ended'
        ? 'customer_ended'
        : (await this.queues.findById(c.queueId))
          ? 'ended'
          : 'queue_deleted';
    await this.obligations.open({
      conversationId,
      accountId: c.offeredTo,
      queueId: c.queueId,
      companyId: c.companyId,
      cause,
      acceptedAt: c.leftAt,
    });
  }
}
