import { Injectable } from '@nestjs/common';
import { AccountPrincipal, Clock, TransactionRunner, Tx } from '@switchboard/core';
import { CsatOpener } from '../csat/csat-opener.service.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketPublisher } from './ticket-publisher.service.js';

/**
 * One unit of work on tickets: the transaction, the row lock, the save with its activity lines,
 * and the publishing of the change sets strictly after the commit. Every write use case goes
 * through it, so none of them can publish before its data is committed.
 */
@Injectable()
export class TicketUnitOfWork {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly finder: TicketFinder,
    private readonly activity: TicketActivityService,
    private readonly publisher: TicketPublisher,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly csat: CsatOpener,
  ) {}

  /** Runs `work` in a transaction, then publishes its change set. */
  async run(work: (tx: Tx) => Promise<TicketChangeSet>): Promise<TicketChangeSet> {
    const cs = await this.tx.run(work);
    await this.publisher.publish(cs);
    return cs;
  }

  /** Same for work on several tickets (published in the order given). */
  async runMany(work: (tx: Tx) => Promise<TicketChangeSet[]>): Promise<TicketChangeSet[]> {
    const sets = await this.tx.run(work);
    for (const cs of sets) await this.publisher.publish(cs);
    return sets;
  }

  /** Locks ticket `number` (404 without access for `me`), lets `work` change it, commits, publishes. */
  onTicket(
    number: number,
    me: AccountPrincipal | undefined,
    work: (cs: TicketChangeSet, tx: Tx) => Promise<void>,
  ): Promise<TicketChangeSet> {
    return this.run(async (tx) => {
      const cs = new TicketChangeSet(await this.finder.lock(number, tx, me));
      await work(cs, tx);
      return cs;
    });
  }

  lock(number: number, tx: Tx, me?: AccountPrincipal): Promise<TicketEntity> {
    return this.finder.lock(number, tx, me);
  }

  /** Bumps updatedAt, saves the ticket and writes its pending activity lines. */
  async save(cs: TicketChangeSet, tx: Tx): Promise<void> {
    await this.saveAll([cs], tx);
  }

  /** Same for several tickets, with one updatedAt for all (a merge touches both at the same instant). */
  async saveAll(sets: TicketChangeSet[], tx: Tx): Promise<void> {
    const now = this.clock.now();
    for (const cs of sets) cs.ticket.updatedAt = now;
    // The activity lines before the ticket's UPDATE: on PostgreSQL they then go in one statement
    // with the unit's other INSERTs (the comment, its files), flushed by that UPDATE (#20.5).
    for (const cs of sets) await this.activity.flush(cs, tx);
    for (const cs of sets) await this.tickets.save(cs.ticket, tx);
    // Every status change passes here, whatever the use case: the survey rules live in one place.
    for (const cs of sets) await this.csat.onSave(cs, tx);
  }
}
