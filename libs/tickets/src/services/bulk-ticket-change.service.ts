import { Injectable, Logger } from '@nestjs/common';
import { AccessPolicy, AccountPrincipal, DomainError, ValidationFailedError } from '@switchboard/core';
import type { BulkAction } from '../dto/ticket-bulk.dto.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import type { TicketPriority } from '../ticket.types.js';
import { MergeTicketService } from './merge-ticket.service.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { UpdateTicketService } from './update-ticket.service.js';

export interface BulkTicketChange {
  ids: string[];
  action: BulkAction;
  statusKey?: string;
  assigneeId?: string | null;
  priority?: TicketPriority;
  targetId?: string;
}

export type BulkTicketResult = { id: string; ok: true } | { id: string; ok: false; error: string };

/** What a ticket the caller may not see answers: the same as a missing one (no existence oracle). */
const NOT_FOUND = 'Ticket not found';

/**
 * POST /api/tickets/bulk: one change on each selected ticket, done one ticket at a time through the
 * single-ticket services (PATCH's UpdateTicketService, Actions → Merge's MergeTicketService), so
 * activity lines, automation, events, notifications and permission checks are exactly those of a
 * change made by hand. One ticket failing does not stop or undo the others: each gets its answer.
 */
@Injectable()
export class BulkTicketChangeService {
  private readonly logger = new Logger('BulkTicketChange');

  constructor(
    private readonly tickets: TicketRepository,
    private readonly access: AccessPolicy,
    private readonly checker: TicketInputChecker,
    private readonly updates: UpdateTicketService,
    private readonly merges: MergeTicketService,
  ) {}

  async apply(change: BulkTicketChange, me: AccountPrincipal): Promise<BulkTicketResult[]> {
    // An unknown status is the request's fault, not each ticket's: one 400 before anything changes.
    if (change.action === 'status') await this.checker.status(change.statusKey!, 'statusKey');
    const wanted = change.targetId ? [...change.ids, change.targetId] : change.ids;
    const visible = new Map(
      (await this.tickets.findByIds([...new Set(wanted)]))
        .filter((t) => this.access.canAccessCompany(me, t.companyId))
        .map((t) => [t.id, t]),
    );
    const target = change.action === 'merge' ? this.mergeTarget(change, visible) : undefined;
    const results: BulkTicketResult[] = [];
    // One after the other: each change is its own unit of work (SQLite has a single writer anyway),
    // and merges into one target must not race for its row.
    for (const id of change.ids) {
      const ticket = visible.get(id);
      if (!ticket) {
        results.push({ id, ok: false, error: NOT_FOUND });
        continue;
      }
      results.push(await this.one(change, ticket, target, me));
    }
    return results;
  }

  private mergeTarget(change: BulkTicketChange, visible: Map<string, TicketEntity>): TicketEntity {
    const target = visible.get(change.targetId!);
    if (!target) throw new ValidationFailedError('Merge target not found', { targetId: ['ticket not found'] });
    return target;
  }

  private async one(
    change: BulkTicketChange,
    ticket: TicketEntity,
    target: TicketEntity | undefined,
    me: AccountPrincipal,
  ): Promise<BulkTicketResult> {
    const { id, number } = ticket;
    try {
      switch (change.action) {
        case 'status':
          await this.updates.update(number, { status: change.statusKey }, me);
          break;
        case 'assignee':
          await this.updates.update(number, { assigneeId: change.assigneeId ?? null }, me);
          break;
        case 'priority':
          await this.updates.update(number, { priority: change.priority }, me);
          break;
        case 'merge':
          // The selected target is the ticket the others join, not merged into itself; selected
          // alone, the merge service refuses it like the single merge does.
          if (id === target!.id && change.ids.length > 1) break;
          await this.merges.merge(number, target!.number, me);
          break;
      }
      return { id, ok: true };
    } catch (err) {
      if (err instanceof DomainError) return { id, ok: false, error: err.message };
      // Never a 5xx for the whole batch: this ticket is reported, the others still go through.
      this.logger.error(`bulk ${change.action} on ticket #${number} failed: ${(err as Error).stack ?? err}`);
      return { id, ok: false, error: 'This ticket could not be changed' };
    }
  }
}
