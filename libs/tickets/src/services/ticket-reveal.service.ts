import { Injectable } from '@nestjs/common';
import {
  AccountPrincipal,
  NotFoundError,
  PiiRevealPolicy,
  RealtimeService,
  TransactionRunner,
} from '@switchboard/core';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { actorOf, TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

export interface RevealedComment {
  id: string;
  ticketNumber: number;
  body: string;
}
export interface RevealedTicket {
  number: number;
  title: string;
  description: string;
}

/**
 * Display-mode reveal: the stored text in clear, for holders of `pii.reveal` only, each reveal
 * written to the ticket's activity log (`pii.revealed`: actor, time, what — never the value).
 * The endpoints are @Unmasked(); everything else about the ticket stays masked.
 */
@Injectable()
export class TicketRevealService {
  constructor(
    private readonly finder: TicketFinder,
    private readonly comments: TicketCommentRepository,
    private readonly activity: TicketActivityService,
    private readonly views: TicketViewBuilder,
    private readonly policy: PiiRevealPolicy,
    private readonly realtime: RealtimeService,
    private readonly tx: TransactionRunner,
  ) {}

  async comment(number: number, commentId: string, me: AccountPrincipal): Promise<RevealedComment> {
    const ticket = await this.finder.get(number, me);
    const comment = await this.comments.findById(commentId);
    if (!comment || comment.ticketId !== ticket.id) throw new NotFoundError('Comment', commentId);
    this.policy.authorize(me, {
      kind: 'ticket.comment',
      id: comment.id,
      companyId: ticket.companyId,
      fields: ['body'],
    });
    await this.audit(number, me, { target: 'comment', commentId: comment.id, fields: ['body'] });
    return { id: comment.id, ticketNumber: number, body: comment.body };
  }

  async ticket(number: number, me: AccountPrincipal): Promise<RevealedTicket> {
    const ticket = await this.finder.get(number, me);
    this.policy.authorize(me, {
      kind: 'ticket',
      id: ticket.id,
      companyId: ticket.companyId,
      fields: ['title', 'description'],
    });
    await this.audit(number, me, { target: 'ticket', fields: ['title', 'description'] });
    return { number, title: ticket.title, description: ticket.description };
  }

  private async audit(number: number, me: AccountPrincipal, what: Record<string, unknown>): Promise<void> {
    const cs = await this.tx.run(async (tx) => {
      const set = new TicketChangeSet(await this.finder.lock(number, tx, me));
      this.activity.record(set, actorOf(me), 'pii.revealed', null, what);
      await this.activity.flush(set, tx);
      return set;
    });
    // Live activity line only: a reveal is not a change of the ticket (no ticket.updated, no events).
    for (const a of cs.activities) {
      this.realtime.emit('agent', TicketRooms.ticket(number), 'ticket.activity', {
        number,
        companyId: cs.ticket.companyId,
        activity: this.views.activity(a, number),
      });
    }
  }
}
