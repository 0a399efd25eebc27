// Ticket list: filters/sort in the URL (so Back from a ticket restores them), cursor pagination with
// "Load more", and live updates from `ticket.created` / `ticket.updated` on the /agent socket.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { forgetSummary, ticketsApi } from '../lib/tickets.api';
import type { Company, Contact, PersonRef, Ticket, TicketFilters, TicketStatus } from '../lib/tickets.types';
import { useLiveEvent } from '../lib/live.context';
import { linkClick } from '../lib/router.hook';
import { statusName } from '../lib/format';
import { PageTitle } from '../components/page-title.component';
import { EmptyState } from '../components/empty-state.component';
import { EMPTY_FILTERS, TicketFiltersBar } from '../components/tickets/ticket-filters.component';
import { TicketRow } from '../components/tickets/ticket-row.component';
import { useTicketListKeys } from '../lib/ticket-list-keys.hook';
import { lazyChunk, useOnceTrue } from '../components/lazy-chunk.component';
import { useTicketSelection } from '../lib/ticket-selection.hook';
import { tui } from '../lib/ticket-ui.i18n';
import { TicketViews } from '../components/tickets/ticket-views.component';
import { tk } from '../lib/tickets.i18n';

// The bulk bar (and its menus and merge dialog) is fetched on the first selection, not on first load.
const TicketBulkBar = lazyChunk(() =>
  import('../components/tickets/ticket-bulk-bar.component').then((m) => m.TicketBulkBar),
);

const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof TicketFilters)[];

function filtersFromUrl(): TicketFilters {
  const q = new URLSearchParams(location.search);
  const f = { ...EMPTY_FILTERS };
  for (const k of FILTER_KEYS) f[k] = q.get(k) ?? f[k];
  return f;
}

function filtersToUrl(f: TicketFilters): void {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k] && f[k] !== EMPTY_FILTERS[k]) q.set(k, f[k]);
  // The saved view (?view=) is the views strip's: kept here, taken off there when it no longer applies.
  const view = new URLSearchParams(location.search).get('view');
  if (view) q.set('view', view);
  const s = q.toString();
  // replaceState: filter tweaks should not pile up history entries.
  history.replaceState(null, '', s ? `/tickets?${s}` : '/tickets');
}

/** Client-side mirror of the server filters, so live events can place a ticket without a refetch. */
function matches(t: Ticket, f: TicketFilters, me: Me): boolean {
  if (f.status) {
    // As the server reads it: status keys and categories, each list OR-ed, the two AND-ed.
    const parts = f.status.split(',');
    const keys = parts.filter((p) => !p.startsWith('category:'));
    const categories = parts.filter((p) => p.startsWith('category:')).map((p) => p.slice(9));
    if (keys.length && !keys.includes(t.status)) return false;
    if (categories.length && !categories.includes(t.statusCategory)) return false;
  }
  if (f.assignee) {
    const id = t.assignee?.id ?? null;
    if (f.assignee === 'me' ? id !== me.id : f.assignee === 'none' ? id !== null : id !== f.assignee) return false;
  }
  if (f.requester && t.requester?.id !== f.requester) return false;
  if (f.company && t.companyId !== f.company) return false;
  if (f.type && t.type !== f.type) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.sentiment && t.sentiment !== f.sentiment) return false;
  if (f.q) {
    const needle = f.q.toLowerCase();
    if (!t.title.toLowerCase().includes(needle) && !t.description.toLowerCase().includes(needle)) return false;
  }
  return true;
}

export function TicketListPage({ me }: { me: Me }) {
  const [filters, setFilters] = useState<TicketFilters>(filtersFromUrl);
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [flash, setFlash] = useState<Set<number>>(new Set());
  const [statuses, setStatuses] = useState<TicketStatus[]>([]);
  const [technicians, setTechnicians] = useState<PersonRef[]>([]);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [companies, setCompanies] = useState<Company[]>([]);
  const selection = useTicketSelection();
  // Ignore answers to superseded requests (fast filter changes).
  const generation = useRef(0);

  useEffect(() => {
    ticketsApi.statuses().then(setStatuses, () => undefined);
    ticketsApi.technicians(me).then(setTechnicians, () => undefined);
    ticketsApi.contacts().then(setContacts, () => undefined);
    ticketsApi.companies().then(setCompanies, () => undefined);
  }, []);

  const load = async (f: TicketFilters) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await ticketsApi.list(f);
      if (gen !== generation.current) return;
      setTickets(page.items);
      setCursor(page.nextCursor);
      setPending(0);
    } catch (err) {
      if (gen === generation.current) setError(err instanceof ApiError ? err.message : tk('loadFailed'));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    filtersToUrl(filters);
    // Other filters, other rows: a selection made on the old list would act on tickets out of sight.
    selection.clear();
    load(filters);
  }, [filters]);

  const loadMore = async () => {
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const page = await ticketsApi.list(filters, cursor);
      if (gen !== generation.current) return;
      // A live insert may already have brought some of these in: dedupe by number.
      setTickets((list) => {
        const seen = new Set(list.map((t) => t.number));
        return [...list, ...page.items.filter((t) => !seen.has(t.number))];
      });
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : tk('loadMoreFailed'));
    } finally {
      setLoadingMore(false);
    }
  };

  const highlight = (n: number) => {
    setFlash((s) => new Set(s).add(n));
    setTimeout(
      () =>
        setFlash((s) => {
          const next = new Set(s);
          next.delete(n);
          return next;
        }),
      1600,
    );
  };

  // Newest-first sorts can take a new/changed ticket at the top; other sorts get a "refresh" banner
  // instead of guessing the position (the server owns the ordering).
  const topInsertable = filters.sort === '-updated' || filters.sort === '-created';

  const apply = (t: Ticket, created: boolean) => {
    forgetSummary(t.number);
    const fits = matches(t, filters, me);
    setTickets((list) => {
      const i = list.findIndex((x) => x.number === t.number);
      if (i >= 0) {
        if (!fits) return list.filter((x) => x.number !== t.number);
        if (filters.sort === '-updated') return [t, ...list.filter((x) => x.number !== t.number)];
        const next = list.slice();
        next[i] = t;
        return next;
      }
      if (!fits) return list;
      if (topInsertable && (created || filters.sort === '-updated')) return [t, ...list];
      setPending((p) => p + 1);
      return list;
    });
    if (fits) highlight(t.number);
  };

  useLiveEvent('ticket.created', (p) => p?.ticket && apply(p.ticket, true));
  useLiveEvent('ticket.updated', (p) => p?.ticket && apply(p.ticket, false));
  // An admin deleted a ticket: its row goes (whoever still had the list open).
  useLiveEvent('ticket.deleted', (p) => {
    if (!p) return;
    forgetSummary(p.number);
    setTickets((list) => list.filter((x) => x.number !== p.number));
  });
  // A narrower (or wider) scope: list again rather than keep rows the account may no longer see.
  useLiveEvent('access.changed', () => void load(filters));

  const companyNames = useMemo(() => new Map(companies.map((c) => [c.id, c.name])), [companies]);
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && filters[k]);
  // j/k/o (#15): the marker lives on the table's rows.
  const listKeys = useTicketListKeys(tickets, (n) => {
    const t = tickets.find((x) => x.number === n);
    if (t) selection.toggle(t.id);
  });
  const pageIds = tickets.map((t) => t.id);
  const selectedOnPage = pageIds.filter(selection.isSelected).length;
  const bulkWanted = useOnceTrue(selection.count > 0);

  return (
    <>
      <div class="page-head">
        <PageTitle title={tk('tickets')}>{tk('tickets')}</PageTitle>
        <a
          class="btn btn-primary"
          href="/tickets/new"
          onClick={(e) => linkClick(e, '/tickets/new')}
          data-testid="new-ticket"
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
          {tk('newTicket')}
        </a>
      </div>
      <TicketViews filters={filters} onApply={setFilters} />
      <TicketFiltersBar
        filters={filters}
        statuses={statuses}
        technicians={technicians}
        contacts={contacts}
        companies={companies}
        onChange={setFilters}
      />

      {pending > 0 && (
        <button type="button" class="live-banner" onClick={() => load(filters)} data-testid="list-refresh">
          {tk('changed', { count: pending })} · {tk('refreshList')}
        </button>
      )}
      {bulkWanted && (
        <TicketBulkBar
          selection={selection}
          tickets={tickets}
          statuses={statuses}
          technicians={technicians}
          onChanged={() => void load(filters)}
        />
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}{' '}
          <button type="button" class="link-btn" onClick={() => load(filters)}>
            {tk('retry')}
          </button>
        </p>
      )}

      {!loading && !error && tickets.length === 0 ? (
        <EmptyState title={filtered ? tk('noMatch') : tk('noTickets')}>
          {filtered ? tk('noMatchHint') : tk('noTicketsHint')}
        </EmptyState>
      ) : (
        <div class="card card-flush">
          {/* No overflow wrapper: it would clip the hover card; phones get stacked rows instead of scrolling. */}
          <div>
            <table ref={listKeys} class="table ticket-table" aria-busy={loading} data-testid="ticket-list">
              <caption class="visually-hidden">
                {loading ? tk('captionLoading') : tk('captionShown', { count: tickets.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="col-select">
                    <input
                      type="checkbox"
                      checked={selectedOnPage > 0 && selectedOnPage === pageIds.length}
                      indeterminate={selectedOnPage > 0 && selectedOnPage < pageIds.length}
                      disabled={!pageIds.length}
                      onChange={(e) => selection.setMany(pageIds, e.currentTarget.checked)}
                      aria-label={tui('selectAll')}
                      data-testid="ticket-select-all"
                    />
                  </th>
                  <th scope="col">#</th>
                  <th scope="col">{tk('colTitle')}</th>
                  <th scope="col">{tk('colStatus')}</th>
                  <th scope="col">{tk('colPriority')}</th>
                  <th scope="col">{tk('colAssignee')}</th>
                  <th scope="col">{tk('colUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {tickets.map((t) => (
                  <TicketRow
                    key={t.number}
                    ticket={t}
                    statusName={statusName(statuses, t.status)}
                    companyName={companyNames.get(t.companyId)}
                    flash={flash.has(t.number)}
                    selected={selection.isSelected(t.id)}
                    onToggle={selection.toggle}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {loading && tickets.length === 0 && (
            <div class="page-loading" role="status" aria-label={tk('loadingTickets')} />
          )}
          {cursor && (
            <div class="load-more">
              <button
                type="button"
                class="btn btn-secondary"
                onClick={loadMore}
                disabled={loadingMore}
                aria-busy={loadingMore}
                data-testid="load-more"
              >
                {loadingMore ? tk('loading') : tk('loadMore')}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
