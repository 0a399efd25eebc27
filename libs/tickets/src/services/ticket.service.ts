import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountPrincipal,
  AccountService,
  Clock,
  ContactService,
  type ContactView,
  newId,
  Page,
  PiiMasker,
  TransactionRunner,
  ValidationFailedError,
} from '@switchboard/core';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCounterRepository } from '../repositories/ticket-counter.repository.js';
import { TicketRepository, TicketSortKey } from '../repositories/ticket.repository.js';
import {
  Actor,
  CcEntry,
  PRIORITY_RANK,
  StatusCategory,
  TicketImpact,
  TicketPriority,
  TicketSource,
  TicketType,
} from '../ticket.types.js';
import { TicketSummaryView, TicketView } from '../ticket.views.js';
import { AutomationService } from './automation.service.js';
import { actorOf, TicketActivityService } from './ticket-activity.service.js';
import { TicketCcService } from './ticket-cc.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketPublisher } from './ticket-publisher.service.js';
import { TicketStatusService } from './ticket-status.service.js';
import { ProductFamilyService } from './product-family.service.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketViewBuilder } from './ticket-view.builder.js';
import { Tx } from '@switchboard/core';

export interface CreateTicketInput {
  title: string;
  description: string;
  requesterId: string;
  /** The requester already resolved by the caller (inbound pipeline): no second lookup. Must be `requesterId`'s contact. */
  requester?: ContactView;
  priority?: TicketPriority;
  impact?: TicketImpact;
  type?: TicketType;
  status?: string;
  productFamilyId?: string | null;
  assigneeId?: string | null;
  cc?: CcEntry[];
}

export interface UpdateTicketInput extends Partial<Omit<CreateTicketInput, 'cc' | 'requester'>> {
  cc?: CcEntry[];
}

export interface TicketListInput {
  status?: string;
  assignee?: string;
  requester?: string;
  company?: string;
  type?: string;
  priority?: string;
  q?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

/** Ticket lifecycle: create (numbered), read, list, update, summary. Comments and merge live in their own services. */
@Injectable()
export class TicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly counter: TicketCounterRepository,
    private readonly comments: TicketCommentRepository,
    private readonly finder: TicketFinder,
    private readonly statuses: TicketStatusService,
    private readonly families: ProductFamilyService,
    private readonly cc: TicketCcService,
    private readonly activity: TicketActivityService,
    private readonly automation: AutomationService,
    private readonly publisher: TicketPublisher,
    private readonly views: TicketViewBuilder,
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
    private readonly access: AccessPolicy,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  async create(input: CreateTicketInput, me: AccountPrincipal): Promise<TicketView> {
    return this.createAs(input, actorOf(me), 'web', me);
  }

  /** Also the entry point for channels (email, portal, chat): source decides the initial activity status. */
  async createAs(
    input: CreateTicketInput,
    actor: Actor,
    source: TicketSource,
    me?: AccountPrincipal,
  ): Promise<TicketView> {
    const requester =
      input.requester?.id === input.requesterId
        ? input.requester
        : await this.contacts.get(input.requesterId).catch(() => {
            throw new ValidationFailedError('Unknown requester', {
              requesterId: [`contact ${input.requesterId} does not exist`],
            });
          });
    // A restricted technician may only open tickets for contacts of companies they serve.
    if (me && !this.access.canAccessCompany(me, requester.companyId)) {
      throw new ValidationFailedError('Unknown requester', {
        requesterId: [`contact ${input.requesterId} does not exist`],
      });
    }
    const status = await this.statuses.require(input.status ?? 'open');
    if (input.productFamilyId) await this.families.require(input.productFamilyId);
    if (input.assigneeId) await this.requireAccount(input.assigneeId, 'assigneeId');
    const cc = await this.cc.normalize(input.cc ?? [], requester.companyId);
    const now = this.clock.now();
    const priority = input.priority ?? 'medium';
    const cs = await this.tx.run(async (tx) => {
      const ticket = Object.assign(new TicketEntity(), {
        id: newId(),
        number: await this.counter.next('tickets', tx),
        // Ingest mode: free text is masked before it is stored (and before the activity log copies the title).
        title: this.masker.maskInbound(input.title.trim(), requester.companyId),
        description: this.masker.maskInbound(input.description, requester.companyId),
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
        requesterId: requester.id,
        companyId: requester.companyId,
        assigneeId: input.assigneeId ?? null,
        cc,
        mergedIntoNumber: null,
        mailReferences: [],
        createdAt: now,
        updatedAt: now,
      });
      const set = new TicketChangeSet(ticket);
      set.created = true;
      this.activity.record(set, actor, 'created', null, {
        title: ticket.title,
        status: ticket.status,
        priority: ticket.priority,
      });
      if (ticket.assigneeId) this.activity.record(set, actor, 'assignee', null, ticket.assigneeId);
      await this.tickets.insert(ticket, tx);
      await this.automation.run('ticket.created', set, tx);
      await this.tickets.save(ticket, tx);
      await this.activity.flush(set, tx);
      return set;
    });
    if (cs.ticket.assigneeId && cs.ticket.assigneeId !== actor.id) this.notifyAssignee(cs, cs.ticket.assigneeId);
    await this.publisher.publish(cs);
    return this.views.ticket(cs.ticket);
  }

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
    const statusFilter = parseStatus(input.status);
    let companyIds = this.access.companyFilter(me);
    if (input.company && companyIds && !companyIds.includes(input.company)) companyIds = [];
    const page = await this.tickets.list({
      ...statusFilter,
      assigneeId: input.assignee === 'none' ? null : input.assignee === 'me' ? me.id : input.assignee,
      requesterId: input.requester,
      companyId: input.company,
      companyIds,
      type: input.type,
      priority: input.priority,
      text: input.q?.trim() || undefined,
      sort,
      direction,
      limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
      cursor: input.cursor ? decodeCursor(input.cursor) : undefined,
    });
    const items = await this.views.tickets(page.items);
    const last = page.items[page.items.length - 1];
    return { items, nextCursor: page.nextCursor && last ? encodeCursor(page.lastSortValue, last.id) : null };
  }

  async update(number: number, input: UpdateTicketInput, me: AccountPrincipal): Promise<TicketView> {
    if (input.status) await this.statuses.require(input.status);
    if (input.productFamilyId) await this.families.require(input.productFamilyId);
    if (input.assigneeId) await this.requireAccount(input.assigneeId, 'assigneeId');
    const actor = actorOf(me);
    const cs = await this.tx.run(async (tx) => {
      const ticket = await this.finder.lock(number, tx, me);
      const set = new TicketChangeSet(ticket);
      await this.applyChanges(set, input, actor, me, tx);
      if (set.statusChange) await this.automation.run('status.changed', set, tx);
      if (set.changes.size) {
        ticket.updatedAt = this.clock.now();
        await this.tickets.save(ticket, tx);
        await this.activity.flush(set, tx);
      }
      return set;
    });
    await this.publisher.publish(cs);
    return this.views.ticket(cs.ticket);
  }

  /** Field changes shared by PATCH and "status on send"; each change is an activity line. */
  async applyChanges(
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
      const status = await this.statuses.require(input.status, 'status', tx);
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
    if (input.productFamilyId !== undefined) set('productFamilyId', 'product_family', input.productFamilyId);
    if (input.requesterId !== undefined && input.requesterId !== t.requesterId) {
      const requester = await this.contacts.get(input.requesterId).catch(() => null);
      // The requester defines the ticket's company; moving a ticket across companies is not a field edit.
      if (
        !requester ||
        requester.companyId !== t.companyId ||
        (me && !this.access.canAccessCompany(me, requester.companyId))
      ) {
        throw new ValidationFailedError('Invalid requester', {
          requesterId: [`contact ${input.requesterId} does not exist in this ticket's company`],
        });
      }
      set('requesterId', 'requester', requester.id);
    }
    if (input.assigneeId !== undefined && input.assigneeId !== t.assigneeId) {
      set('assigneeId', 'assignee', input.assigneeId);
      if (input.assigneeId && input.assigneeId !== actor.id) this.notifyAssignee(cs, input.assigneeId);
    }
    if (input.cc !== undefined) {
      const cc = await this.cc.normalize(input.cc, t.companyId);
      if (JSON.stringify(cc) !== JSON.stringify(t.cc)) {
        this.activity.record(cs, actor, 'cc', t.cc, cc);
        t.cc = cc;
        cs.changes.add('cc');
      }
    }
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

  private notifyAssignee(cs: TicketChangeSet, accountId: string): void {
    const t = cs.ticket;
    cs.notifications.push({
      accountIds: [accountId],
      input: {
        title: `Ticket #${t.number} was assigned to you`,
        body: t.title,
        link: `/tickets/${t.number}`,
        companyId: t.companyId,
      },
      email: false,
    });
  }

  private async requireAccount(id: string, field: string): Promise<void> {
    const account = await this.accounts.get(id).catch(() => null);
    if (!account || !account.active)
      throw new ValidationFailedError('Unknown technician', { [field]: [`account ${id} does not exist`] });
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

export function decodeCursor(cursor: string): { value: string | number; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string | number, string];
    if ((typeof value !== 'string' && typeof value !== 'number') || typeof id !== 'string') throw new Error('shape');
    return { value, id };
  } catch {
    throw new ValidationFailedError('Invalid cursor', {
      cursor: ['cursor must be a nextCursor value returned by this endpoint'],
    });
  }
}
