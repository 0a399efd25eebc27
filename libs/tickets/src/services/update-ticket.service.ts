import { Injectable } from '@nestjs/common';
import { AccountPrincipal } from '@switchboard/core';
import { TicketView } from '../ticket.views.js';
import { AutomationService } from './automation.service.js';
import { actorOf } from './ticket-activity.service.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import type { UpdateTicketInput } from './ticket-inputs.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** PATCH /api/tickets/:number: field changes, their activity lines and the status automation. */
@Injectable()
export class UpdateTicketService {
  constructor(
    private readonly applier: TicketChangeApplier,
    private readonly automation: AutomationService,
    private readonly work: TicketUnitOfWork,
    private readonly views: TicketViewBuilder,
  ) {}

  async update(number: number, input: UpdateTicketInput, me: AccountPrincipal): Promise<TicketView> {
    await this.applier.validate(input);
    const actor = actorOf(me);
    const cs = await this.work.onTicket(number, me, async (set, tx) => {
      await this.applier.apply(set, input, actor, me, tx);
      if (set.statusChange) await this.automation.run('status.changed', set, tx);
      // Nothing changed, nothing written (updatedAt stays).
      if (set.changes.size) await this.work.save(set, tx);
    });
    return this.views.ticket(cs.ticket);
  }
}
