import { Injectable } from '@nestjs/common';
import { Clock, ContactView, newId, PiiMasker, Tx } from '@switchboard/core';
import type { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCounterRepository } from '../repositories/ticket-counter.repository.js';
import { CcEntry, PRIORITY_RANK, TicketSource } from '../ticket.types.js';
import { truncateBody } from './comment-body.js';
import type { CreateTicketInput } from './ticket-inputs.js';

/** A new ticket row from checked input: its number (inside the transaction), masked text and defaults. */
@Injectable()
export class NewTicketBuilder {
  constructor(
    private readonly counter: TicketCounterRepository,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  async build(
    input: CreateTicketInput,
    checked: { requester: ContactView | null; companyId: string; status: TicketStatusEntity; cc: CcEntry[] },
    source: TicketSource,
    tx: Tx,
  ): Promise<TicketEntity> {
    const { requester, companyId, status, cc } = checked;
    const now = this.clock.now();
    const priority = input.priority ?? 'medium';
    return Object.assign(new TicketEntity(), {
      id: newId(),
      number: await this.counter.next('tickets', tx),
      // Ingest mode: free text is masked before it is stored (and before the activity log copies the title).
      title: this.masker.maskInbound(input.title.trim(), companyId),
      // Cut like a comment body (#15): an email's first mail is both, and both keep the same 64K text.
      description: truncateBody(this.masker.maskInbound(input.description, companyId)).body,
      status: status.key,
      statusCategory: status.category,
      priority,
      priorityRank: PRIORITY_RANK[priority],
      impact: input.impact ?? 'minor',
      type: input.type ?? 'incident',
      productFamilyId: input.productFamilyId ?? null,
      // A ticket a technician typed in has been "read"; one that arrived from an end user has not.
      activityStatus: source === 'web' ? 'read' : 'unread',
      source,
      sentiment: null,
      csatScore: null,
      requesterId: requester?.id ?? null,
      companyId,
      assigneeId: input.assigneeId ?? null,
      cc,
      mergedIntoNumber: null,
      mailReferences: [],
      createdAt: now,
      updatedAt: now,
    });
  }
}
