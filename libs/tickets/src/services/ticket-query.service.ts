import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountPrincipal,
  Page,
  PiiMasker,
  PiiRevealPolicy,
  parseSearchText,
  ValidationFailedError,
  widenSearch,
} from '@switchboard/core';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketCountQuery, TicketRepository, TicketSortKey } from '../repositories/ticket.repository.js';
import type { StatusCategory } from '../ticket.types.js';
import { TicketSummaryView, TicketView } from '../ticket.views.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import type { TicketListInput } from './ticket-inputs.js';
import { TicketPublisher } from './ticket-publisher.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** Reading tickets: one (which marks it opened), the list, the summary card. */
@Injectable()
export class TicketQueryService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly comments: TicketCommentRepository,
    private readonly finder: TicketFinder,
    private readonly access: AccessPolicy,
    private readonly publisher: TicketPublisher,
    private readonly views: TicketViewBuilder,
    private readonly masker: PiiMasker,
    private readonly reveal: PiiRevealPolicy,
  ) {}

  async get(number: number, me: AccountPrincipal): Promise<TicketView> {
    const ticket = await this.finder.get(number, me);
    await this.markOpened(ticket);
    return this.views.ticket(ticket);
  }

  /**
   * A technician opened the ticket: an unread end-user message is now seen and awaits a reply.
   * Conditional update so two technicians opening at once publish once; updatedAt is not bumped
   * (opening is not a change to the ticket).
   */
  async markOpened(ticket: TicketEntity): Promise<void> {
    if (ticket.activityStatus !== 'unread') return;
    if (!(await this.tickets.transitionActivityStatus(ticket.id, 'unread', 'waiting_for_technician'))) return;
    ticket.activityStatus = 'waiting_for_technician';
    const cs = new TicketChangeSet(ticket);
    cs.changes.add('activityStatus');
    await this.publisher.publish(cs);
  }

  async list(input: TicketListInput, me: AccountPrincipal): Promise<Page<TicketView>> {
    const { sort, direction } = parseSort(input.sort);
    // A widened search (substrings, after the words found nothing) keeps going in that mode: its
    // cursors carry a "~" (outside base64url's alphabet).
    const widenedCursor = input.cursor?.startsWith('~') ?? false;
    const query = {
      ...this.criteria(input, me),
      sort,
      direction,
      limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
      cursor: input.cursor ? decodeCursor(input.cursor.replace(/^~/, ''), sort) : undefined,
    };
    let widened = widenedCursor && !!query.text;
    let page = await this.tickets.list({ ...query, textWidened: widened });
    if (
      !widened &&
      !input.cursor &&
      query.text &&
      page.items.length === 0 &&
      widenSearch(parseSearchText(query.text))
    ) {
      widened = true;
      page = await this.tickets.list({ ...query, textWidened: true });
    }
    const items = await this.views.tickets(page.items);
    const last = page.items[page.items.length - 1];
    const next = page.nextCursor && last ? encodeCursor(page.lastSortValue, last.id) : null;
    return { items, nextCursor: next && widened ? `~${next}` : next };
  }

  /**
   * How many tickets `list` would show for these filters (all pages), with the same company scope,
   * masked-search rule and widened-search fallback: a COUNT, no rows loaded. With `upTo`, it stops
   * after upTo + 1 matches (a result over upTo means "more").
   */
  async count(input: Omit<TicketListInput, 'limit' | 'cursor'>, me: AccountPrincipal, upTo?: number): Promise<number> {
    const query = this.criteria(input, me);
    const run = (q: typeof query) => (upTo === undefined ? this.tickets.count(q) : this.tickets.countUpTo(q, upTo));
    const count = await run(query);
    if (count > 0 || !query.text || !widenSearch(parseSearchText(query.text))) return count;
    return run({ ...query, textWidened: true });
  }

  /** The list's filters as a repository query: shared by `list` and `count` so they never disagree. */
  private criteria(input: Omit<TicketListInput, 'limit' | 'cursor'>, me: AccountPrincipal): TicketCountQuery {
    let companyIds = this.access.companyFilter(me);
    if (input.company && companyIds && !companyIds.includes(input.company)) companyIds = [];
    return {
      ...parseStatus(input.status),
      assigneeId: input.assignee === 'none' ? null : input.assignee === 'me' ? me.id : input.assignee,
      requesterId: input.requester,
      companyId: input.company,
      companyIds,
      type: input.type,
      priority: input.priority,
      sentiment: input.sentiment,
      text: input.q?.trim() || undefined,
      // Search must not be an oracle for what the view masks (#13.2): pii.reveal holders search raw.
      maskedText: this.masker.active && !this.reveal.canReveal(me) ? this.masker.maskedCompanies() : undefined,
    };
  }

  async summary(number: number, me: AccountPrincipal): Promise<TicketSummaryView> {
    const ticket = await this.finder.get(number, me);
    const latest = await this.comments.latest(ticket.id);
    return {
      number: ticket.number,
      companyId: ticket.companyId,
      title: ticket.title,
      status: ticket.status,
      priority: ticket.priority,
      activityStatus: ticket.activityStatus,
      latestComment: latest ? (await this.views.comments([latest], ticket.number))[0] : null,
    };
  }
}

function parseSort(sort?: string): { sort: TicketSortKey; direction: 'ASC' | 'DESC' } {
  const value = sort ?? '-updated';
  const direction = value.startsWith('-') ? 'DESC' : 'ASC';
  return { sort: value.replace(/^[-+]/, '') as TicketSortKey, direction };
}

function parseStatus(status?: string): { statuses?: string[]; statusCategories?: StatusCategory[] } {
  if (!status) return {};
  const parts = status
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    statuses: parts.filter((p) => !p.startsWith('category:')),
    statusCategories: parts.filter((p) => p.startsWith('category:')).map((p) => p.slice(9) as StatusCategory),
  };
}

/** Opaque keyset cursor: the last row's sort value and id. */
export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor's value must fit the sort column (PostgreSQL answered a non-numeric one with a 500). */
export function decodeCursor(cursor: string, sort: TicketSortKey): { value: string | number; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('id');
    if (sort === 'created' || sort === 'updated') {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new Error('date');
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error('number');
    return { value, id };
  } catch {
    throw new ValidationFailedError('Invalid cursor', {
      cursor: ['cursor must be a nextCursor value returned by this endpoint with the same sort'],
    });
  }
}
