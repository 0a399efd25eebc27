import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@switchboard/core';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import type { Actor, Sentiment } from '../ticket.types.js';
import { AutomationService } from './automation.service.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';

const SENTIMENT_ACTOR: Actor = { kind: 'system', id: null, name: 'Sentiment analysis' };

export interface EndUserConversation {
  ticketId: string;
  companyId: string;
  /** The end user's latest public messages, oldest first. */
  messages: TicketCommentEntity[];
}

/**
 * The ticket side of sentiment (#17): what to classify (the end user's latest public messages, never
 * internal notes or technician replies) and storing a new label — in one unit of work with its
 * activity line and the `sentiment.changed` automation rules, then the typed domain event after the
 * commit. Nothing is kept in memory, so any instance can do it.
 */
@Injectable()
export class TicketSentimentService {
  constructor(
    private readonly uow: TicketUnitOfWork,
    private readonly finder: TicketFinder,
    private readonly comments: TicketCommentRepository,
    private readonly activity: TicketActivityService,
    private readonly automation: AutomationService,
    private readonly events: DomainEventBus,
  ) {}

  async endUserConversation(number: number, limit: number): Promise<EndUserConversation> {
    const ticket = await this.finder.get(number);
    const latest = await this.comments.latestFromEndUser(ticket.id, limit);
    return { ticketId: ticket.id, companyId: ticket.companyId, messages: latest.reverse() };
  }

  /** Stores `label` on ticket `number`; returns whether it changed (an unchanged label writes nothing). */
  async apply(number: number, label: Sentiment, score: number, pluginId: string): Promise<boolean> {
    let from: Sentiment | null = null;
    const cs = await this.uow.onTicket(number, undefined, async (set, tx) => {
      const t = set.ticket;
      if (t.sentiment === label) return;
      from = t.sentiment;
      this.activity.record(set, SENTIMENT_ACTOR, 'sentiment', t.sentiment, label);
      t.sentiment = label;
      set.changes.add('sentiment');
      await this.automation.run('sentiment.changed', set, tx);
      await this.uow.save(set, tx);
    });
    if (!cs.changes.has('sentiment')) return false;
    const t = cs.ticket;
    await this.events.publish('ticket.sentiment.changed', {
      ticketId: t.id,
      number: t.number,
      companyId: t.companyId,
      from,
      to: label,
      score,
      pluginId,
    });
    return true;
  }
}
