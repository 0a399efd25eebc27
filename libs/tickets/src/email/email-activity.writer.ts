import { Injectable } from '@nestjs/common';
import { RealtimeService, TransactionRunner } from '@switchboard/core';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketActivityService } from '../services/ticket-activity.service.js';
import { TicketChangeSet } from '../services/ticket-change-set.js';
import { TicketFinder } from '../services/ticket-finder.service.js';
import { TicketViewBuilder } from '../services/ticket-view.builder.js';
import type { Actor } from '../ticket.types.js';

/**
 * Activity lines about mail that is not a comment (an auto-reply or bounce on a ticket, a
 * follow-up link): written in their own transaction and shown live on the ticket page — no
 * ticket.updated, no domain event, no automation, no notification.
 */
@Injectable()
export class EmailActivityWriter {
  constructor(
    private readonly finder: TicketFinder,
    private readonly activity: TicketActivityService,
    private readonly views: TicketViewBuilder,
    private readonly realtime: RealtimeService,
    private readonly tx: TransactionRunner,
  ) {}

  async record(number: number, actor: Actor, action: string, to: Record<string, unknown>): Promise<void> {
    const cs = await this.tx.run(async (tx) => {
      const set = new TicketChangeSet(await this.finder.lock(number, tx));
      this.activity.record(set, actor, action, null, to);
      await this.activity.flush(set, tx);
      return set;
    });
    for (const a of cs.activities) {
      this.realtime.emit('agent', TicketRooms.ticket(number), 'ticket.activity', {
        number,
        companyId: cs.ticket.companyId,
        activity: this.views.activity(a, number),
      });
    }
  }
}
