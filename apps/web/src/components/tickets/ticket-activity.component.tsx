// Activity tab: the ticket's change log, one sentence per entry, with actor and time.
import type { Activity, TicketStatus } from '../../lib/tickets.types';
import {
  formatDateTime,
  formatRelative,
  humanize,
  IMPACTS,
  label,
  PRIORITIES,
  statusName,
  TYPES,
} from '../../lib/format';
import { sentimentLabel, st } from '../../lib/sentiment.i18n';

interface Props {
  items: Activity[];
  statuses: TicketStatus[];
  /** Account names by id: the log stores the assignee as an id. */
  names: Map<string, string>;
  loading: boolean;
  error: string | null;
}

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (typeof v === 'object') {
    const o = v as { name?: string; firstName?: string; lastName?: string; number?: number };
    if (o.name) return o.name;
    if (o.firstName || o.lastName) return `${o.firstName ?? ''} ${o.lastName ?? ''}`.trim();
    if (o.number) return `#${o.number}`;
    return Array.isArray(v) ? v.map(value).join(', ') : '…';
  }
  return String(v);
}

function describe(a: Activity, statuses: TicketStatus[], names: Map<string, string>): string {
  const change = (what: string, fmt: (v: unknown) => string = value) =>
    `changed ${what} from ${fmt(a.from)} to ${fmt(a.to)}`;
  switch (a.action) {
    case 'created':
      return 'created the ticket';
    case 'status':
      return change('the status', (v) => (typeof v === 'string' ? statusName(statuses, v) : value(v)));
    case 'priority':
      return change('the priority', (v) => label(PRIORITIES, String(v)));
    case 'impact':
      return change('the impact', (v) => label(IMPACTS, String(v)));
    case 'type':
      return change('the type', (v) => label(TYPES, String(v)));
    case 'product_family':
      return change('the product family');
    case 'title':
      return `renamed the ticket to “${value(a.to)}”`;
    case 'description':
      return 'edited the description';
    case 'requester':
      return 'changed the requester';
    case 'assignee':
      if (!a.to) return 'unassigned the ticket';
      if (typeof a.to === 'string') return `assigned the ticket to ${names.get(a.to) ?? 'a technician'}`;
      return `assigned the ticket to ${value(a.to)}`;
    case 'cc':
      return 'updated the Cc list';
    case 'comment':
      return 'added a public reply';
    case 'note':
      return 'added an internal note';
    case 'merged':
      return `merged this ticket into ${value(a.to).replace(/^(\d+)$/, '#$1')}`;
    case 'merged_from':
      return `merged ${value(a.from).replace(/^(\d+)$/, '#$1')} into this ticket`;
    case 'chat_started':
      return 'started a chat from the ticket';
    case 'sentiment':
      return st('changed', { from: sentimentLabel(a.from), to: sentimentLabel(a.to) });
    case 'automation':
      return `ran an automation${a.to ? `: ${value(a.to)}` : ''}`;
    default:
      return humanize(a.action);
  }
}

export function TicketActivity({ items, statuses, names, loading, error }: Props) {
  if (error)
    return (
      <p class="form-error" role="alert">
        {error}
      </p>
    );
  if (loading && !items.length) return <div class="page-loading" role="status" aria-label="Loading activity" />;
  if (!items.length) return <p class="muted">No activity yet.</p>;
  return (
    <ol class="activity-list" data-testid="activity-list">
      {items.map((a) => (
        <li key={a.id} class={`activity-item act-${a.action}`} data-testid="activity-item" data-action={a.action}>
          <span class="activity-dot" aria-hidden="true" />
          <span>
            <strong>{a.actor?.name ?? 'System'}</strong> {describe(a, statuses, names)}
          </span>
          <time class="muted small" dateTime={a.createdAt} title={formatDateTime(a.createdAt)}>
            {formatRelative(a.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
