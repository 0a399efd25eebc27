// Ticket header: identity (number, title, status), the editable properties and live viewers.
// Each property saves on change (PATCH) and rolls back with an error message if the server refuses.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../lib/api.types';
import type { PersonRef, Ticket, TicketStatus, Viewer } from '../../lib/tickets.types';
import {
  activityStatusLabel,
  contactName,
  formatDateTime,
  formatRelative,
  impacts,
  priorities,
  statusName,
  types,
} from '../../lib/format';
import { st } from '../../lib/sentiment.i18n';
import { tat } from '../../lib/ticket-actions.i18n';
import { ticketsApi, type ProductFamily, type TicketPatch } from '../../lib/tickets.api';
import { SentimentBadge } from './sentiment-badge.component';
import { CsatBadge } from './csat-badge.component';
import { ct } from '../../lib/csat.i18n';
import { StatusPill } from './status-pill.component';
import { ViewerAvatars } from './viewer-avatars.component';
import { tk } from '../../lib/tickets.i18n';
import { ticketPageMessages, tp } from '../../lib/ticket-page.i18n';
import { localLabel } from '../../lib/label';

interface Props {
  ticket: Ticket;
  me: Me;
  statuses: TicketStatus[];
  technicians: PersonRef[];
  companyName?: string;
  viewers: Viewer[];
  saving: string | null;
  error: string | null;
  onPatch(patch: TicketPatch, field: string): void;
}

function Prop({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="prop" data-testid={testId}>
      <span class="prop-label">{label}</span>
      <span class="prop-value">{children}</span>
    </div>
  );
}

export function TicketHeader({
  ticket,
  me,
  statuses,
  technicians,
  companyName,
  viewers,
  saving,
  error,
  onPatch,
}: Props) {
  const [families, setFamilies] = useState<ProductFamily[]>([]);
  useEffect(() => {
    if (ticket.productFamilyId) ticketsApi.productFamilies().then(setFamilies, () => undefined);
  }, [ticket.productFamilyId]);
  // The current assignee may not be in the technician list (e.g. a technician cannot list accounts).
  const people =
    ticket.assignee && !technicians.some((t) => t.id === ticket.assignee!.id)
      ? [ticket.assignee, ...technicians]
      : technicians;
  const statusList = statuses.length
    ? statuses
    : [
        {
          key: ticket.status,
          name: statusName(statuses, ticket.status),
          category: ticket.statusCategory,
          builtIn: true,
          position: 0,
        },
      ];

  const select = (
    field: string,
    value: string,
    options: readonly (readonly [string, string])[],
    patch: (v: string) => TicketPatch,
    testId: string,
  ) => (
    <label class="prop prop-edit">
      <span class="prop-label">{field}</span>
      <select
        value={value}
        onChange={(e) => onPatch(patch(e.currentTarget.value), field)}
        disabled={saving === field}
        data-testid={testId}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <header class="ticket-head card" data-testid="ticket-header">
      <div class="ticket-head-top">
        <div class="ticket-head-title">
          <p class="ticket-number mono" data-testid="ticket-number">
            #{ticket.number}
          </p>
          <h1 class="page-title ticket-title" tabIndex={-1} data-testid="page-title">
            {ticket.title}
          </h1>
          <p class="muted small">
            <StatusPill
              status={ticket.status}
              category={ticket.statusCategory}
              name={statusName(statuses, ticket.status)}
              testId="ticket-status"
            />{' '}
            {tp('requestedBy')} <strong>{contactName(ticket.requester)}</strong>
            {companyName && ` (${companyName})`} ·{' '}
            {tp('via', { source: ticketPageMessages.tOr(`source_${ticket.source}`, ticket.source) })} ·{' '}
            <time dateTime={ticket.createdAt} title={formatDateTime(ticket.createdAt)}>
              {formatRelative(ticket.createdAt)}
            </time>
          </p>
        </div>
        <ViewerAvatars viewers={viewers} meId={me.id} />
      </div>
      {ticket.mergedInto && (
        <p class="notice" data-testid="merged-notice">
          {tp('mergedInto')} <a href={`/tickets/${ticket.mergedInto}`}>#{ticket.mergedInto}</a>.
        </p>
      )}
      <div class="props" role="group" aria-label={tp('properties')}>
        {select(
          tk('status'),
          ticket.status,
          statusList.map((s) => [s.key, localLabel(s)] as const),
          (status) => ({ status }),
          'ticket-status-select',
        )}
        {select(
          tk('assignee'),
          ticket.assignee?.id ?? '',
          [
            ['', tk('unassigned')] as const,
            ...people.map((p) => [p.id, p.id === me.id ? tp('meSuffix', { name: p.name }) : p.name] as const),
          ],
          (v) => ({ assigneeId: v || null }),
          'ticket-assignee',
        )}
        {select(
          tk('priority'),
          ticket.priority,
          priorities(),
          (v) => ({ priority: v as Ticket['priority'] }),
          'ticket-priority',
        )}
        {select(tp('impact'), ticket.impact, impacts(), (v) => ({ impact: v as Ticket['impact'] }), 'ticket-impact')}
        {select(tk('type'), ticket.type, types(), (v) => ({ type: v as Ticket['type'] }), 'ticket-type')}
        <Prop label={tp('activity')} testId="ticket-activity-status">
          <span class={`act act-${ticket.activityStatus}`}>{activityStatusLabel(ticket.activityStatus)}</span>
        </Prop>
        <Prop label={tat('familyLabel')} testId="ticket-product-family">
          {ticket.productFamilyId
            ? (families.find((f) => f.id === ticket.productFamilyId)?.name ?? '…')
            : tat('familyNone')}
        </Prop>
        <Prop label={st('sentiment')} testId="ticket-sentiment">
          <SentimentBadge sentiment={ticket.sentiment} />
        </Prop>
        <Prop label={ct('badge')} testId="ticket-csat">
          <CsatBadge score={ticket.csatScore ?? null} />
        </Prop>
      </div>
      {ticket.cc.length > 0 && (
        <p class="small muted" data-testid="ticket-cc">
          {tp('cc', { list: ticket.cc.map((c) => c.name).join(', ') })}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
