import { Injectable } from '@nestjs/common';
import { AccessPolicy, AccountPrincipal, NotFoundError } from '@switchboard/core';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { Tx } from '@switchboard/core';

/** Loads a ticket by number for a technician: missing and not-allowed are the same 404 (no existence oracle). */
@Injectable()
export class TicketFinder {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly access: AccessPolicy,
  ) {}

  async get(number: number, me?: AccountPrincipal, tx?: Tx): Promise<TicketEntity> {
    return this.check(await this.tickets.findByNumber(number, tx), number, me);
  }

  /** Same, with a row lock for the rest of the transaction. */
  async lock(number: number, tx: Tx, me?: AccountPrincipal): Promise<TicketEntity> {
    return this.check(await this.tickets.lockByNumber(number, tx), number, me);
  }

  private check(ticket: TicketEntity | null, number: number, me?: AccountPrincipal): TicketEntity {
    if (!ticket || (me && !this.access.canAccessCompany(me, ticket.companyId)))
      throw new NotFoundError('Ticket', number);
    return ticket;
  }
}
