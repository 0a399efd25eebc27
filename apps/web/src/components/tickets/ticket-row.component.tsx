// One ticket in the list. The preview card opens on hover *or* keyboard focus of the title link
// (after a short delay, so sweeping the mouse over the list does not fire a request per row).
import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ticket } from '../../lib/tickets.types';
import { linkClick } from '../../lib/router.hook';
import { tui } from '../../lib/ticket-ui.i18n';
import { contactName, formatDateTime, formatRelative, label, priorities, types } from '../../lib/format';
import { lazyChunk } from '../lazy-chunk.component';
import { SentimentBadge } from './sentiment-badge.component';
import { StatusPill } from './status-pill.component';
import { tk } from '../../lib/tickets.i18n';

// The preview card's code comes with the first hover (not needed for the list's first paint).
const TicketHoverCard = lazyChunk(() => import('./ticket-hover-card.component').then((m) => m.TicketHoverCard));

interface Props {
  ticket: Ticket;
  statusName: string;
  companyName?: string;
  flash: boolean;
  /** Bulk actions (#15): the row's checkbox. */
  selected: boolean;
  onToggle(id: string): void;
}

const OPEN_DELAY = 350;
const CLOSE_DELAY = 150;

function TicketRowImpl({ ticket, statusName, companyName, flash, selected, onToggle }: Props) {
  const [preview, setPreview] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const href = `/tickets/${ticket.number}`;
  const cardId = `ticket-card-${ticket.number}`;

  const schedule = (open: boolean, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setPreview(open), delay);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <tr
      class={`ticket-row${flash ? ' is-flash' : ''}${ticket.activityStatus === 'unread' ? ' is-unread' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="ticket-row"
      data-number={ticket.number}
      data-status={ticket.status}
    >
      <td class="col-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(ticket.id)}
          aria-label={tui('selectRow', { number: ticket.number })}
          data-testid="ticket-select"
        />
      </td>
      <td class="col-number">
        <span class="mono">#{ticket.number}</span>
      </td>
      <td class="col-title">
        <div
          class="title-cell"
          onMouseEnter={() => schedule(true, OPEN_DELAY)}
          onMouseLeave={() => schedule(false, CLOSE_DELAY)}
        >
          <a
            href={href}
            class="ticket-link"
            onClick={(e) => linkClick(e, href)}
            onFocus={() => schedule(true, OPEN_DELAY)}
            onBlur={() => schedule(false, 0)}
            onKeyDown={(e) => e.key === 'Escape' && setPreview(false)}
            aria-describedby={preview ? cardId : undefined}
            data-testid="ticket-link"
          >
            {ticket.activityStatus === 'unread' && <span class="visually-hidden">{tk('unread')}</span>}
            {ticket.title}
          </a>
          {preview && <TicketHoverCard id={cardId} number={ticket.number} />}
        </div>
        <span class="row-sub muted">
          {contactName(ticket.requester)}
          {companyName && ` · ${companyName}`} · {label(types(), ticket.type)}
          {ticket.sentiment && (
            <>
              {' · '}
              <SentimentBadge sentiment={ticket.sentiment} />
            </>
          )}
        </span>
      </td>
      <td class="col-status">
        <StatusPill status={ticket.status} category={ticket.statusCategory} name={statusName} />
      </td>
      <td class="col-priority">
        <span class={`prio prio-${ticket.priority}`}>{label(priorities(), ticket.priority)}</span>
      </td>
      <td class="col-assignee">
        {ticket.assignee ? ticket.assignee.name : <span class="muted">{tk('unassigned')}</span>}
      </td>
      <td class="col-updated">
        <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)}>
          {formatRelative(ticket.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

// Live updates replace one ticket at a time; skip re-rendering the rows whose props did not change
// (a hand-rolled memo: preact/compat would add ~4 kB for this alone).
export class TicketRow extends Component<Props> {
  shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return (
      p.ticket !== next.ticket ||
      p.statusName !== next.statusName ||
      p.companyName !== next.companyName ||
      p.flash !== next.flash ||
      p.selected !== next.selected ||
      p.onToggle !== next.onToggle
    );
  }
  render() {
    return <TicketRowImpl {...this.props} />;
  }
}
