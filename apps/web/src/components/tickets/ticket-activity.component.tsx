// Activity tab: the ticket's change log, one sentence per entry, with actor and time.
import type { Activity, TicketStatus } from '../../lib/tickets.types';
import {
  formatDateTime,
  formatRelative,
  humanize,
  impacts,
  label,
  priorities,
  statusName,
  types,
} from '../../lib/format';
import { sentimentLabel, st } from '../../lib/sentiment.i18n';
import { tat } from '../../lib/ticket-activity.i18n';
import { ct } from '../../lib/csat.i18n';

interface Props {
  items: Activity[];
  statuses: TicketStatus[];
  /** Account names by id: the log stores the assignee as an id. */
  names: Map<string, string>;
  loading: boolean;
  error: string | null;
}

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return tat('none');
  if (typeof v === 'object') {
    const o = v as { name?: string; firstName?: string; lastName?: string; number?: number };
    if (o.name) return o.name;
    if (o.firstName || o.lastName) return `${o.firstName ?? ''} ${o.lastName ?? ''}`.trim();
    if (o.number) return `#${o.number}`;
    return Array.isArray(v) ? v.map(value).join(', ') : '…';
  }
  return String(v);
}

/**
 * A product family as the log stored it: `{ id, name }` since #15 (name copied at write time), null for
 * none. Older lines hold a bare id: the console lists no families, so they read "a product family".
 */
function family(v: unknown): string {
  if (v === null || v === undefined || v === '') return tat('noFamily');
  if (typeof v === 'object') return (v as { name?: string | null }).name || tat('deletedFamily');
  return tat('someFamily');
}

/** A requester as stored since #15 (`{ id, name }`); an older line's bare id has no name to show. */
function person(v: unknown): string | null {
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
    return (v as { name: string }).name || tat('unknownContact');
  return null;
}

/** "#42 “Printer”": merge lines store the other ticket's number and title at write time. */
function ticketRef(v: unknown): string {
  const o = (v && typeof v === 'object' ? v : {}) as { number?: number; into?: number; title?: string };
  const n = o.number ?? o.into ?? (typeof v === 'number' || typeof v === 'string' ? v : null);
  if (n === null || n === undefined) return '…';
  return o.title ? `#${n} “${o.title}”` : `#${n}`;
}

function describe(a: Activity, statuses: TicketStatus[], names: Map<string, string>): string {
  const change = (key: Parameters<typeof tat>[0], fmt: (v: unknown) => string = value) =>
    tat(key, { from: fmt(a.from), to: fmt(a.to) });
  switch (a.action) {
    case 'created':
      return tat('created');
    case 'status':
      return change('changedStatus', (v) => (typeof v === 'string' ? statusName(statuses, v) : value(v)));
    case 'priority':
      return change('changedPriority', (v) => label(priorities(), String(v)));
    case 'impact':
      return change('changedImpact', (v) => label(impacts(), String(v)));
    case 'type':
      return change('changedType', (v) => label(types(), String(v)));
    case 'product_family':
      return change('changedFamily', family);
    case 'title':
      return tat('renamed', { to: value(a.to) });
    case 'description':
      return tat('editedDescription');
    case 'requester': {
      const [from, to] = [person(a.from), person(a.to)];
      return to ? tat('changedRequester', { from: from ?? tat('unknownContact'), to }) : tat('changedRequesterUnnamed');
    }
    case 'assignee':
      if (!a.to) return tat('unassigned');
      if (typeof a.to === 'string') return tat('assigned', { to: names.get(a.to) ?? tat('aTechnician') });
      return tat('assigned', { to: value(a.to) });
    case 'cc':
      return tat('updatedCc');
    case 'comment':
      return tat('comment');
    case 'note':
      return tat('note');
    case 'merged':
      return tat('mergedInto', { ticket: ticketRef(a.to) });
    case 'merged_from':
      // Stored as `to: { number, title }`; `from` is null (reading it gave "merged none into this ticket").
      return tat('mergedFrom', { ticket: ticketRef(a.to ?? a.from) });
    case 'chat_started':
      return tat('chatStarted');
    case 'sentiment':
      return st('changed', { from: sentimentLabel(a.from), to: sentimentLabel(a.to) });
    case 'csat': {
      // Stored as `to: { score, comment, resolution }` (the comment masked like customer text).
      const o = (a.to ?? {}) as { score?: number; comment?: string | null };
      const score = String(o.score ?? '?');
      return o.comment ? ct('ratedWithComment', { score, comment: o.comment }) : ct('rated', { score });
    }
    case 'automation':
      return a.to ? tat('automationNamed', { name: value(a.to) }) : tat('automation');
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
  if (loading && !items.length) return <div class="page-loading" role="status" aria-label={tat('loading')} />;
  if (!items.length) return <p class="muted">{tat('empty')}</p>;
  return (
    <ol class="activity-list" data-testid="activity-list">
      {items.map((a) => (
        <li key={a.id} class={`activity-item act-${a.action}`} data-testid="activity-item" data-action={a.action}>
          <span class="activity-dot" aria-hidden="true" />
          <span>
            <strong>{a.actor?.name ?? tat('system')}</strong> {describe(a, statuses, names)}
          </span>
          <time class="muted small" dateTime={a.createdAt} title={formatDateTime(a.createdAt)}>
            {formatRelative(a.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
