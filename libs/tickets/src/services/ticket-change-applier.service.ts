import { Injectable } from '@nestjs/common';
import { AccountPrincipal, PiiMasker, Tx } from '@switchboard/core';
import { TicketEntity } from '../entities/ticket.entity.js';
import { Actor, PRIORITY_RANK, StatusCategory } from '../ticket.types.js';
import { notifyAssignee } from './assignee-notification.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import type { UpdateTicketInput } from './ticket-inputs.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';

/** Field changes shared by PATCH and "status on send" (and Cc/reopen from end users); each change is an activity line. */
@Injectable()
export class TicketChangeApplier {
  constructor(
    private readonly checker: TicketInputChecker,
    private readonly activity: TicketActivityService,
    private readonly masker: PiiMasker,
  ) {}

  /** The checks PATCH makes before it opens a transaction (unknown references are a 400, not a rollback). */
  async validate(input: UpdateTicketInput): Promise<void> {
    if (input.status) await this.checker.status(input.status);
    if (input.productFamilyId) await this.checker.family(input.productFamilyId);
  }

  async apply(
    cs: TicketChangeSet,
    input: UpdateTicketInput,
    actor: Actor,
    me: AccountPrincipal | undefined,
    tx: Tx,
  ): Promise<void> {
    const t = cs.ticket;
    const set = <K extends keyof TicketEntity>(field: K, action: string, value: TicketEntity[K]) => {
      if (value === undefined || t[field] === value) return;
      this.activity.record(cs, actor, action, t[field], value);
      t[field] = value;
      cs.changes.add(action === 'product_family' ? 'productFamilyId' : action);
    };
    if (input.status !== undefined && input.status !== t.status) {
      const status = await this.checker.status(input.status, 'status', tx);
      cs.statusChange = { from: t.status, to: status.key, actor };
      set('status', 'status', status.key);
      t.statusCategory = status.category as StatusCategory;
    }
    if (input.title !== undefined) set('title', 'title', this.masker.maskInbound(input.title.trim(), t.companyId));
    if (input.description !== undefined)
      set('description', 'description', this.masker.maskInbound(input.description, t.companyId));
    if (input.priority !== undefined && input.priority !== t.priority) {
      set('priority', 'priority', input.priority);
      t.priorityRank = PRIORITY_RANK[input.priority];
    }
    if (input.impact !== undefined) set('impact', 'impact', input.impact);
    if (input.type !== undefined) set('type', 'type', input.type);
    // Product family and requester lines carry { id, name } copied now, not bare ids (#15): a family or
    // contact may be renamed or deleted later, and the log must still say what it was at the time.
    if (input.productFamilyId !== undefined && input.productFamilyId !== t.productFamilyId) {
      const [from, to] = [
        await this.checker.familyRef(t.productFamilyId),
        await this.checker.familyRef(input.productFamilyId),
      ];
      this.activity.record(cs, actor, 'product_family', from, to);
      t.productFamilyId = input.productFamilyId;
      cs.changes.add('productFamilyId');
    }
    if (input.requesterId !== undefined && input.requesterId !== t.requesterId) {
      // The requester defines the ticket's company; moving a ticket across companies is not a field edit.
      const requester = await this.checker.requesterInCompany(input.requesterId, t.companyId, me);
      const before = await this.checker.requesterOf(t);
      // Ingest mode, like comment authors: a contact's name may be PII (a phone number).
      const ref = (c: { id: string; firstName: string; lastName: string }) => ({
        id: c.id,
        name: this.masker.maskInbound(`${c.firstName} ${c.lastName}`.trim(), t.companyId).slice(0, 200),
      });
      this.activity.record(cs, actor, 'requester', before ? ref(before) : t.requesterId, ref(requester));
      t.requesterId = requester.id;
      cs.changes.add('requester');
    }
    if (input.assigneeId !== undefined && input.assigneeId !== t.assigneeId) {
      // Checked here, where the ticket's company is known (a 400 rolls the unit of work back).
      if (input.assigneeId) await this.checker.technician(input.assigneeId, 'assigneeId', t.companyId);
      set('assigneeId', 'assignee', input.assigneeId);
      if (input.assigneeId && input.assigneeId !== actor.id) notifyAssignee(cs, input.assigneeId);
    }
    if (input.cc !== undefined) {
      const cc = await this.checker.normalizeCc(input.cc, t.companyId, t.cc);
      if (JSON.stringify(cc) !== JSON.stringify(t.cc)) {
        this.activity.record(cs, actor, 'cc', t.cc, cc);
        t.cc = cc;
        cs.changes.add('cc');
      }
    }
  }
}
