// REST calls of the tickets screens (contract: libs/tickets/README.md). Reference lists that rarely
// change (statuses, technicians, companies) are cached for the tab's lifetime to keep pages snappy.
import type { ApiSchema } from '@switchboard/contracts';
import { request } from './api.client';
import type { Me } from './api.types';
import type {
  Activity,
  Comment,
  Company,
  Contact,
  Page,
  PersonRef,
  QuickReply,
  Ticket,
  TicketFilters,
  TicketStatus,
  TicketSummary,
  Visibility,
} from './tickets.types';

/** POST /api/tickets. */
export type NewTicket = ApiSchema<'CreateTicketDto'>;

/** POST /api/tickets/bulk (the list's bulk bar) and its per-ticket answer. */
export type BulkChange = ApiSchema<'BulkTicketChangeDto'>;
export type BulkResult = ApiSchema<'BulkTicketResultDto'>;

/** POST /api/tickets/:number/comments. */
export type NewComment = ApiSchema<'CreateCommentDto'>;

export type TicketPatch = Partial<Pick<Ticket, 'title' | 'status' | 'priority' | 'impact' | 'type'>> & {
  assigneeId?: string | null;
  requesterId?: string;
  productFamilyId?: string | null;
};

export interface ProductFamily {
  id: string;
  name: string;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const memo = new Map<string, Promise<unknown>>();
/** Cache a GET for the tab's lifetime; a failure is not cached (next call retries). */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

export const ticketsApi = {
  /** Drop cached answers whose key starts with `prefix` (after an admin changed what they hold). */
  forget: (prefix: string) => {
    for (const key of [...memo.keys()]) if (key.startsWith(prefix)) memo.delete(key);
  },
  list: (filters: Partial<TicketFilters>, cursor?: string | null, limit = 25) =>
    request<Page<Ticket>>('GET', `/api/tickets${query({ ...filters, cursor, limit })}`),
  get: (n: number) => request<Ticket>('GET', `/api/tickets/${n}`),
  create: (body: NewTicket) => request<Ticket>('POST', '/api/tickets', body),
  update: (n: number, patch: TicketPatch) => request<Ticket>('PATCH', `/api/tickets/${n}`, patch),
  merge: (n: number, into: number) => request<Ticket>('POST', `/api/tickets/${n}/merge`, { into }),
  bulk: (body: BulkChange) => request<{ results: BulkResult[] }>('POST', '/api/tickets/bulk', body),
  remove: (n: number) => request<unknown>('DELETE', `/api/tickets/${n}`),
  productFamilies: () => cached('product-families', () => request<ProductFamily[]>('GET', '/api/product-families')),
  summary: (n: number) => request<TicketSummary>('GET', `/api/tickets/${n}/summary`),
  comments: (n: number, cursor?: string | null) =>
    request<Page<Comment>>('GET', `/api/tickets/${n}/comments${query({ cursor, limit: 100 })}`),
  addComment: (n: number, body: NewComment) => request<Comment>('POST', `/api/tickets/${n}/comments`, body),
  activity: (n: number, cursor?: string | null) =>
    request<Page<Activity>>('GET', `/api/tickets/${n}/activity${query({ cursor, limit: 100 })}`),

  statuses: () => cached('statuses', () => request<TicketStatus[]>('GET', '/api/ticket-statuses')),
  quickReplies: () => request<QuickReply[]>('GET', '/api/quick-replies'),
  renderQuickReply: (id: string, ticketNumber: number) =>
    request<{ text: string }>('POST', `/api/quick-replies/${encodeURIComponent(id)}/render`, { ticketNumber }),

  contacts: (companyId?: string) =>
    request<Page<Contact>>('GET', `/api/contacts${query({ companyId, limit: 200 })}`).then((p) => p.items),
  companies: () =>
    cached('companies', () => request<Page<Company>>('GET', `/api/companies?limit=200`).then((p) => p.items)),
  /** With a company: only those who serve it (the ones a ticket of it may be assigned, @notified, Cc'd). */
  technicians: (me: Me, companyId?: string) =>
    cached(`technicians:${companyId ?? '*'}`, () => loadTechnicians(me, companyId)),
  defaultVisibility: (me: Me, companyId: string) =>
    cached(`reply-type:${companyId}`, () => loadDefaultVisibility(me, companyId)),
};

/** Composer default (`tickets.defaultReplyType`, possibly per company), readable by every technician. */
async function loadDefaultVisibility(_me: Me, companyId: string): Promise<Visibility> {
  const d = await request<{ defaultReplyType?: unknown }>('GET', `/api/tickets/defaults${query({ companyId })}`).catch(
    () => null,
  );
  return d?.defaultReplyType === 'internal' ? 'internal' : 'public';
}

/** People a ticket can be assigned to / @notified: the technician directory, open to every technician. */
async function loadTechnicians(_me: Me, companyId?: string): Promise<PersonRef[]> {
  const people = await request<{ id: string; name: string }[]>('GET', `/api/technicians${query({ companyId })}`);
  return people.map((a) => ({ id: a.id, name: a.name }));
}

// Hover-card summaries: fetched once per ticket until a live update says it changed.
const summaries = new Map<number, Promise<TicketSummary>>();
export function cachedSummary(n: number): Promise<TicketSummary> {
  let p = summaries.get(n);
  if (!p) {
    p = ticketsApi.summary(n);
    summaries.set(n, p);
    p.catch(() => summaries.delete(n));
  }
  return p;
}
export function forgetSummary(n: number): void {
  summaries.delete(n);
}
