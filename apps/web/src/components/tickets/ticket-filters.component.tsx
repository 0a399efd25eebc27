// Filter + sort bar of the ticket list. Text search is debounced so typing does not fire a request per key.
import { useEffect, useState } from 'preact/hooks';
import type { Company, Contact, PersonRef, TicketFilters, TicketStatus } from '../../lib/tickets.types';
import { contactName, priorities, types } from '../../lib/format';
import { SENTIMENT_VALUES, sentimentLabel, st } from '../../lib/sentiment.i18n';
import { tui } from '../../lib/ticket-ui.i18n';
import { tk } from '../../lib/tickets.i18n';
import { localLabel } from '../../lib/label';

interface Props {
  filters: TicketFilters;
  statuses: TicketStatus[];
  technicians: PersonRef[];
  contacts: Contact[];
  companies: Company[];
  onChange(filters: TicketFilters): void;
}

export const EMPTY_FILTERS: TicketFilters = {
  status: '',
  assignee: '',
  requester: '',
  company: '',
  type: '',
  priority: '',
  sentiment: '',
  q: '',
  sort: '-updated',
};

// Labels looked up at render (not stored here): the language can change while the list is open.
const SORTS = [
  ['-updated', 'sortUpdated'],
  ['-created', 'sortNewest'],
  ['created', 'sortOldest'],
  ['-priority', 'sortPriority'],
  ['-number', 'sortNumber'],
] as const;

export function TicketFiltersBar({ filters, statuses, technicians, contacts, companies, onChange }: Props) {
  const [q, setQ] = useState(filters.q);
  const [open, setOpen] = useState(false);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const t = setTimeout(() => onChange({ ...filters, q }), 300);
    return () => clearTimeout(t);
  }, [q]);

  const set = (key: keyof TicketFilters) => (e: Event) =>
    onChange({ ...filters, [key]: (e.currentTarget as HTMLSelectElement).value });
  const active = (Object.keys(EMPTY_FILTERS) as (keyof TicketFilters)[]).filter(
    (k) => k !== 'sort' && filters[k],
  ).length;
  const visibleContacts = filters.company ? contacts.filter((c) => c.companyId === filters.company) : contacts;

  return (
    <section class="filters" aria-label={tk('filters')} data-testid="ticket-filters">
      <div class="filters-main">
        <label class="search">
          <span class="visually-hidden">{tk('searchTickets')}</span>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              d="m20 20-4.5-4.5M17 10.5a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0Z"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          <input
            type="search"
            placeholder={tk('searchPlaceholder')}
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && onChange({ ...filters, q })}
            data-testid="filter-q"
          />
        </label>
        <button
          type="button"
          class="btn btn-ghost filters-toggle"
          aria-expanded={open}
          aria-controls="filter-fields"
          onClick={() => setOpen(!open)}
        >
          {tk('filters')}
          {active > 0 && <span class="count-chip">{active}</span>}
        </button>
        <label class="inline-field">
          <span class="field-label">{tk('sort')}</span>
          <select value={filters.sort} onChange={set('sort')} data-testid="filter-sort">
            {SORTS.map(([v, l]) => (
              <option key={v} value={v}>
                {tk(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div id="filter-fields" class={`filter-fields${open ? ' is-open' : ''}`}>
        <label class="inline-field">
          <span class="field-label">{tk('status')}</span>
          <select value={filters.status} onChange={set('status')} data-testid="filter-status">
            <option value="">{tk('any')}</option>
            {/* Not done: what the "open" saved views (#15) filter on. */}
            <option value="category:open,category:pending">{tui('statusNotDone')}</option>
            <option value="category:open">{tk('allOpen')}</option>
            <option value="category:pending">{tk('allPending')}</option>
            <option value="category:done">{tk('allDone')}</option>
            {statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {localLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{tk('assignee')}</span>
          <select value={filters.assignee} onChange={set('assignee')} data-testid="filter-assignee">
            <option value="">{tk('anyone')}</option>
            <option value="me">{tk('me')}</option>
            <option value="none">{tk('unassigned')}</option>
            {technicians.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{tk('company')}</span>
          <select value={filters.company} onChange={set('company')} data-testid="filter-company">
            <option value="">{tk('any')}</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{tk('requester')}</span>
          <select value={filters.requester} onChange={set('requester')} data-testid="filter-requester">
            <option value="">{tk('anyone')}</option>
            {visibleContacts.map((c) => (
              <option key={c.id} value={c.id}>
                {contactName(c)}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{tk('type')}</span>
          <select value={filters.type} onChange={set('type')} data-testid="filter-type">
            <option value="">{tk('any')}</option>
            {types().map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{tk('priority')}</span>
          <select value={filters.priority} onChange={set('priority')} data-testid="filter-priority">
            <option value="">{tk('any')}</option>
            {priorities().map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="inline-field">
          <span class="field-label">{st('sentiment')}</span>
          <select value={filters.sentiment} onChange={set('sentiment')} data-testid="filter-sentiment">
            <option value="">{st('any')}</option>
            {SENTIMENT_VALUES.map((v) => (
              <option key={v} value={v}>
                {sentimentLabel(v)}
              </option>
            ))}
          </select>
        </label>
        {active > 0 && (
          <button
            type="button"
            class="link-btn"
            onClick={() => onChange({ ...EMPTY_FILTERS, sort: filters.sort })}
            data-testid="filter-clear"
          >
            {tk('clearFilters')}
          </button>
        )}
      </div>
    </section>
  );
}
