import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Clock, newId, Page, PageQuery, Tx } from '@switchboard/core';
import { TicketActivityEntity } from '../entities/ticket-activity.entity.js';
import { TicketActivityRepository } from '../repositories/ticket-activity.repository.js';
import type { Actor } from '../ticket.types.js';
import { ActivityView } from '../ticket.views.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

export const actorOf = (me: AccountPrincipal): Actor => ({ kind: 'account', id: me.id, name: me.name });

/** The activity log: every change, with actor and time. Lines are written in the change's transaction. */
@Injectable()
export class TicketActivityService {
  constructor(
    private readonly activities: TicketActivityRepository,
    private readonly finder: TicketFinder,
    private readonly views: TicketViewBuilder,
    private readonly clock: Clock,
  ) {}

  record(cs: TicketChangeSet, actor: Actor, action: string, from: unknown = null, to: unknown = null): void {
    cs.activities.push(
      Object.assign(new TicketActivityEntity(), {
        id: newId(),
        ticketId: cs.ticket.id,
        action,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name.slice(0, 200),
        fromValue: from ?? null,
        toValue: to ?? null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** Inserts the lines recorded since the last flush (the change set keeps them for publishing). */
  async flush(cs: TicketChangeSet, tx: Tx, from = 0): Promise<void> {
    await this.activities.insertMany(cs.activities.slice(from), tx);
  }

  async list(
    number: number,
    query: PageQuery,
    me: AccountPrincipal,
  ): Promise<Page<ActivityView> & { companyId: string }> {
    const ticket = await this.finder.get(number, me);
    const page = await this.activities.listForTicket(ticket.id, query);
    // companyId: the masking scope of the page.
    return {
      items: page.items.map((a) => this.views.activity(a, number)),
      nextCursor: page.nextCursor,
      companyId: ticket.companyId,
    };
  }
}
