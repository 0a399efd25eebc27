import { Injectable } from '@nestjs/common';
import { AccessPolicy, AccountPrincipal, ValidationFailedError, type ContactView, type Tx } from '@switchboard/core';
import { TicketRepository } from '../repositories/ticket.repository.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { Actor, TicketSource } from '../ticket.types.js';
import { TicketView } from '../ticket.views.js';
import { notifyAssignee } from './assignee-notification.js';
import { AutomationService } from './automation.service.js';
import { NewTicketBuilder } from './new-ticket.builder.js';
import { actorOf, TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import type { CreateTicketInput } from './ticket-inputs.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** Opens a ticket (numbered), by a technician (REST) or for a channel (email, portal, chat, cases). */
@Injectable()
export class CreateTicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly builder: NewTicketBuilder,
    private readonly checker: TicketInputChecker,
    private readonly activity: TicketActivityService,
    private readonly automation: AutomationService,
    private readonly work: TicketUnitOfWork,
    private readonly views: TicketViewBuilder,
    private readonly access: AccessPolicy,
  ) {}

  async create(input: CreateTicketInput, me: AccountPrincipal): Promise<TicketView> {
    return this.createAs(input, actorOf(me), 'web', me);
  }

  /**
   * Also the entry point for channels: source decides the initial activity status. `lastStep`
   * (a channel's first message, see AddContactCommentService.prepare) runs in the same
   * transaction after the creation's automation and does the final write (ticket and log) itself:
   * the ticket and its first message commit together, published as one change. `beforeInsert`:
   * the channel's last word on the row before its INSERT (e.g. the mail chain it starts), so
   * `lastStep` has nothing left to UPDATE.
   */
  async createAs(
    input: CreateTicketInput,
    actor: Actor,
    source: TicketSource,
    me?: AccountPrincipal,
    lastStep?: (set: TicketChangeSet, tx: Tx) => Promise<unknown>,
    beforeInsert?: (ticket: TicketEntity) => void,
  ): Promise<TicketView> {
    const requester = await this.requesterOf(input, me);
    const companyId = requester?.companyId ?? input.companyId!;
    const status = await this.checker.status(input.status ?? 'open');
    if (input.productFamilyId) await this.checker.family(input.productFamilyId);
    if (input.assigneeId) await this.checker.technician(input.assigneeId, 'assigneeId', companyId);
    const cc = await this.checker.normalizeCc(input.cc ?? [], companyId);
    const cs = await this.work.run(async (tx) => {
      const ticket = await this.builder.build(input, { requester, companyId, status, cc }, source, tx);
      const set = new TicketChangeSet(ticket);
      set.created = true;
      // Read (or resolved by the channel) in this request: the views after commit use it as is.
      if (requester) set.knownContacts.push(requester);
      this.activity.record(set, actor, 'created', null, {
        title: ticket.title,
        status: ticket.status,
        priority: ticket.priority,
      });
      if (ticket.assigneeId) this.activity.record(set, actor, 'assignee', null, ticket.assigneeId);
      beforeInsert?.(ticket);
      await this.tickets.insert(ticket, tx);
      await this.automation.run('ticket.created', set, tx);
      if (lastStep) await lastStep(set, tx);
      else {
        await this.tickets.save(ticket, tx);
        await this.activity.flush(set, tx);
      }
      // Queued here, sent only when the unit of work publishes (after the commit).
      if (ticket.assigneeId && ticket.assigneeId !== actor.id) notifyAssignee(set, ticket.assigneeId);
      return set;
    });
    return this.views.ticket(cs.ticket, cs.knownContacts);
  }

  /** The checked requester, or null for a channel's ticket without a contact (its company given instead). */
  private async requesterOf(input: CreateTicketInput, me?: AccountPrincipal): Promise<ContactView | null> {
    if (input.requesterId === null) {
      // Only a channel (no technician session) opens a ticket without a contact; REST always names one.
      if (me || !input.companyId)
        throw new ValidationFailedError('Unknown requester', { requesterId: ['requesterId is required'] });
      return null;
    }
    const requester = input.requester ?? (await this.checker.requester(input.requesterId, me));
    // A caller-resolved requester passes the same access rule as a looked-up one.
    if (input.requester && me && !this.access.canAccessCompany(me, requester.companyId)) {
      throw new ValidationFailedError('Unknown requester', {
        requesterId: [`contact ${input.requesterId} does not exist`],
      });
    }
    return requester;
  }
}
