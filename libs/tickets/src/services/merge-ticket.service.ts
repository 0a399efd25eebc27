import { Injectable } from '@nestjs/common';
import { AccountPrincipal, DomainEventBus, RealtimeService, ValidationFailedError } from '@switchboard/core';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRooms } from '../realtime/ticket-rooms.js';
import { TicketView } from '../ticket.views.js';
import { actorOf, TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketStatusService } from './ticket-status.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** Merge #a into #b: comments move to #b, #a keeps its log, is closed and points at #b. */
@Injectable()
export class MergeTicketService {
  constructor(
    private readonly comments: TicketCommentRepository,
    private readonly statuses: TicketStatusService,
    private readonly activity: TicketActivityService,
    private readonly work: TicketUnitOfWork,
    private readonly views: TicketViewBuilder,
    private readonly realtime: RealtimeService,
    private readonly events: DomainEventBus,
  ) {}

  async merge(number: number, into: number, me: AccountPrincipal): Promise<TicketView> {
    if (number === into)
      throw new ValidationFailedError('A ticket cannot be merged into itself', { into: ['must be another ticket'] });
    const closed = await this.statuses.require('closed');
    const actor = actorOf(me);
    const [source, target] = await this.work.runMany(async (tx) => {
      // Lock in number order: two opposite merges cannot deadlock.
      const [first, second] = number < into ? [number, into] : [into, number];
      const a = await this.work.lock(first, tx, me).catch((e) => {
        throw first === into ? intoError(into) : e;
      });
      const b = await this.work.lock(second, tx, me).catch((e) => {
        throw second === into ? intoError(into) : e;
      });
      const from = a.number === number ? a : b;
      const to = a.number === number ? b : a;
      if (from.mergedIntoNumber)
        throw new ValidationFailedError(`Ticket #${number} is already merged into #${from.mergedIntoNumber}`, {
          into: ['ticket already merged'],
        });
      if (to.mergedIntoNumber)
        throw new ValidationFailedError(`Ticket #${into} was merged into #${to.mergedIntoNumber}`, {
          into: [`ticket #${into} is itself merged`],
        });
      if (from.companyId !== to.companyId)
        throw new ValidationFailedError('Tickets of different companies cannot be merged', {
          into: ['must belong to the same company'],
        });
      await this.comments.moveAll(from.id, to.id, tx);
      // The merged ticket keeps its own log (#15): the target gets only the "merged #N into this ticket" line.
      const src = new TicketChangeSet(from);
      const dst = new TicketChangeSet(to);
      if (from.status !== closed.key) {
        this.activity.record(src, actor, 'status', from.status, closed.key);
        src.statusChange = { from: from.status, to: closed.key, actor };
        Object.assign(from, { status: closed.key, statusCategory: closed.category });
        src.changes.add('status');
      }
      // Number and title copied now: the log reads "#N title" even after a rename.
      this.activity.record(src, actor, 'merged', null, { into: to.number, title: to.title });
      this.activity.record(dst, actor, 'merged_from', null, { number: from.number, title: from.title });
      from.mergedIntoNumber = to.number;
      src.changes.add('mergedInto');
      dst.changes.add('comments');
      await this.work.saveAll([src, dst], tx);
      return [src, dst];
    });
    this.realtime.emit('agent', TicketRooms.ticket(number), 'ticket.merged', { number, into });
    await this.events.publish('ticket.merged', {
      ticketId: source.ticket.id,
      number,
      companyId: source.ticket.companyId,
      intoTicketId: target.ticket.id,
      intoNumber: into,
    });
    return this.views.ticket(target.ticket);
  }
}

function intoError(into: number): ValidationFailedError {
  return new ValidationFailedError(`Ticket #${into} not found`, { into: [`ticket #${into} does not exist`] });
}
