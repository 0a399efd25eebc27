// Ticket page: header (properties, live viewers), Conversation and Activity tabs. Everything live:
// `ticket.updated`, `ticket.comment`, `ticket.activity`, `ticket.merged` and `ticket.viewers` arrive
// on the `ticket:<number>` room that `ticket.view` joins (see useTicketViewers).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { ticketsApi, type TicketPatch } from '../lib/tickets.api';
import type { Activity, Comment, Company, PersonRef, Ticket, TicketStatus, Visibility } from '../lib/tickets.types';
import { useLiveEvent } from '../lib/live.context';
import { useTicketViewers } from '../lib/ticket-viewers.hook';
import { usePageShortcuts } from '../lib/shortcuts.hook';
import { linkClick, navigate } from '../lib/router.hook';
import { EmptyState } from '../components/empty-state.component';
import { TicketHeader } from '../components/tickets/ticket-header.component';
import { TicketActionsMenu } from '../components/tickets/ticket-actions-menu.component';
import { tat } from '../lib/ticket-actions.i18n';
import { CommentItem } from '../components/tickets/comment.component';
import { TicketComposer } from '../components/tickets/ticket-composer.component';
import { TicketActivity } from '../components/tickets/ticket-activity.component';
import { contactOptions, technicianOptions } from '../components/tickets/pick-options';
import type { PickOption } from '../components/tickets/people-picker.component';
import { TicketSidebar } from '../components/tickets/ticket-sidebar.component';
import { tui } from '../lib/ticket-ui.i18n';
import { tk } from '../lib/tickets.i18n';
import { tp } from '../lib/ticket-page.i18n';

interface Props {
  number: number;
  me: Me;
}

type Tab = 'conversation' | 'activity';

/** All pages of a cursor list (comments/activity of one ticket are small; cap to stay safe). */
async function all<T>(
  fetchPage: (cursor?: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

function addUnique<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list : [...list, item];
}

export function TicketPage({ number, me }: Props) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [activity, setActivity] = useState<Activity[] | null>(null);
  const [activityError, setActivityError] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<TicketStatus[]>([]);
  const [technicians, setTechnicians] = useState<PersonRef[]>([]);
  const [companies, setCompanies] = useState<Company[]>([]);
  const [contactsOpts, setContactsOpts] = useState<PickOption[]>([]);
  const [defaultVisibility, setDefaultVisibility] = useState<Visibility>('public');
  const [tab, setTab] = useState<Tab>('conversation');
  const [saving, setSaving] = useState<string | null>(null);
  const [patchError, setPatchError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listEnd = useRef<HTMLDivElement>(null);

  const load = async () => {
    try {
      const [t, c] = await Promise.all([ticketsApi.get(number), all((cursor) => ticketsApi.comments(number, cursor))]);
      setTicket(t);
      setComments(c);
      setLoadError(null);
    } catch (err) {
      setLoadError(
        err instanceof ApiError
          ? { status: err.status, message: err.message }
          : { status: 0, message: tp('ticketLoadFailed') },
      );
    }
  };
  const loadActivity = () => {
    setActivityError(null);
    all((cursor) => ticketsApi.activity(number, cursor)).then(setActivity, (err) =>
      setActivityError(err instanceof ApiError ? err.message : tp('activityLoadFailed')),
    );
  };

  useEffect(() => {
    load();
    ticketsApi.statuses().then(setStatuses, () => undefined);
    ticketsApi.companies().then(setCompanies, () => undefined);
  }, [number]);

  // Per-company data once the ticket (and so its company) is known.
  const companyId = ticket?.companyId;
  useEffect(() => {
    if (!companyId) return;
    ticketsApi.contacts(companyId).then(
      (list) => setContactsOpts(contactOptions(list)),
      () => undefined,
    );
    ticketsApi.defaultVisibility(me, companyId).then(setDefaultVisibility, () => undefined);
    // Only colleagues who serve the ticket's company can be assigned, @notified or Cc'd (#13.6).
    ticketsApi.technicians(me, companyId).then(setTechnicians, () => undefined);
  }, [companyId]);

  // Title + focus for screen readers, like PageTitle does on the other pages.
  const heading = useRef(false);
  useEffect(() => {
    if (!ticket) return;
    document.title = `#${ticket.number} ${ticket.title} · Switchboard`;
    if (!heading.current) {
      heading.current = true;
      (document.querySelector('.ticket-title') as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }, [ticket?.title]);

  // A reconnect may have missed events: reload what is on screen.
  const viewers = useTicketViewers(number, () => {
    load();
    if (activity) loadActivity();
  });

  // The account's scope changed: read the ticket afresh; out of scope now, it shows "not found" instead of staying on screen.
  useLiveEvent('access.changed', () => {
    setTicket(null);
    setComments([]);
    void load();
  });
  useLiveEvent('ticket.updated', (p) => {
    if (p?.ticket?.number === number) setTicket(p.ticket);
  });
  useLiveEvent('ticket.comment', (p) => {
    if (p?.number !== number || !p.comment) return;
    setComments((list) => addUnique(list, p.comment));
    if (p.comment.author.id !== me.id)
      setAnnouncement(
        tp(p.comment.visibility === 'internal' ? 'newNote' : 'newReply', { name: p.comment.author.name }),
      );
  });
  useLiveEvent('ticket.activity', (p) => {
    if (p?.number === number && p.activity) setActivity((list) => (list ? addUnique(list, p.activity) : list));
  });
  useLiveEvent('ticket.deleted', (p) => {
    if (p?.number !== number) return;
    setAnnouncement(tat('deleted', { number }));
    setTicket(null);
    setLoadError({ status: 404, message: tat('deleted', { number }) });
  });
  useLiveEvent('ticket.merged', (p) => {
    if (p?.number !== number) return;
    setAnnouncement(tp('mergedAnnouncement', { into: p.into }));
    navigate(`/tickets/${p.into}`);
  });

  const patch = async (change: TicketPatch, field: string) => {
    if (!ticket) return;
    const before = ticket;
    setSaving(field);
    setPatchError(null);
    try {
      setTicket(await ticketsApi.update(number, change));
    } catch (err) {
      setTicket({ ...before });
      setPatchError(tp('notSaved', { field, message: err instanceof ApiError ? err.message : tp('networkError') }));
    } finally {
      setSaving(null);
    }
  };

  /** The Actions menu's dialogs: saved → the new ticket; refused → the server's message. */
  const patchFromMenu = async (change: TicketPatch): Promise<string | null> => {
    try {
      setTicket(await ticketsApi.update(number, change));
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.message : tat('networkError');
    }
  };

  const onSent = async (comment: Comment, statusChanged: boolean) => {
    setComments((list) => addUnique(list, comment));
    setAnnouncement(comment.visibility === 'internal' ? tp('noteAdded') : tp('replySent'));
    requestAnimationFrame(() => listEnd.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    // The socket also pushes ticket.updated; fetching keeps the header right if the socket is down.
    if (statusChanged) ticketsApi.get(number).then(setTicket, () => undefined);
  };

  const selectTab = (next: Tab) => {
    setTab(next);
    if (next === 'activity' && activity === null) loadActivity();
  };
  // The reply box sits under the whole conversation: one click (or "r") brings it up, focused.
  const jumpToReply = () => {
    if (tab !== 'conversation') setTab('conversation');
    requestAnimationFrame(() => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-body"]');
      box?.scrollIntoView({ block: 'center' });
      box?.focus({ preventScroll: true });
    });
  };
  // "r" goes through the shortcut layer (never while typing; listed in the "?" overlay).
  usePageShortcuts([{ keys: ['r'], label: 'reply', run: jumpToReply }]);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tab === 'conversation' ? 'activity' : 'conversation';
    selectTab(next);
    (document.getElementById(`tab-${next}`) as HTMLElement | null)?.focus();
  };

  // Names for what the ticket shows: the directory plus the technicians this ticket already mentions
  // (assignee, Cc, comment authors), some of whom may no longer serve its company.
  const people = useMemo(() => {
    const known = new Map(technicians.map((t) => [t.id, t]));
    const add = (id: string | null | undefined, name: string) => id && !known.has(id) && known.set(id, { id, name });
    if (ticket?.assignee) add(ticket.assignee.id, ticket.assignee.name);
    ticket?.cc.forEach((c) => c.kind === 'account' && add(c.id, c.name));
    comments.forEach((c) => c.author.kind === 'account' && add(c.author.id, c.author.name));
    return [...known.values()];
  }, [technicians, ticket?.assignee, ticket?.cc, comments]);
  // The pickers offer only the company's directory: the server refuses anyone else (#13.6).
  const techOpts = useMemo(() => technicianOptions(technicians), [technicians]);
  const ccOpts = useMemo(() => [...contactsOpts, ...techOpts], [contactsOpts, techOpts]);

  if (loadError && !ticket) {
    return (
      <>
        <a class="back-link" href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
          {tp('backToTickets')}
        </a>
        <EmptyState title={loadError.status === 404 ? tp('notFound', { number }) : tp('ticketLoadFailed')}>
          {loadError.status === 404 ? tp('notFoundHint') : loadError.message}
        </EmptyState>
      </>
    );
  }
  if (!ticket) return <div class="page-loading" role="status" aria-label={tp('loadingTicket', { number })} />;

  // One Request card (#15): an email ticket's first mail is stored as a comment flagged `opening` (it
  // carries the files and the original); it is the Request, shown with the ticket's (editable)
  // description, never again as a reply. Tickets typed in or opened otherwise show the description.
  const openingComment = comments.find((c) => c.opening);
  const replies = comments.filter((c) => !c.opening);
  const opening = openingComment
    ? { ...openingComment, body: ticket.description }
    : {
        id: `opening-${ticket.id}`,
        visibility: 'public' as const,
        body: ticket.description,
        createdAt: ticket.createdAt,
        source: ticket.source,
        author: {
          kind: 'contact' as const,
          id: ticket.requester?.id ?? null,
          name: ticket.requester
            ? `${ticket.requester.firstName} ${ticket.requester.lastName}`.trim()
            : tk('requester'),
        },
      };

  return (
    <div class="ticket-page" data-testid="ticket-page" data-number={ticket.number}>
      <a class="back-link" href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
        {tp('backToTickets')}
      </a>
      <TicketHeader
        ticket={ticket}
        me={me}
        statuses={statuses}
        technicians={technicians}
        companyName={companies.find((c) => c.id === ticket.companyId)?.name}
        viewers={viewers}
        saving={saving}
        error={patchError}
        onPatch={patch}
      />
      <TicketActionsMenu ticket={ticket} me={me} contactOptions={contactsOpts} onPatch={patchFromMenu} />
      <div class="ticket-layout">
        <div class="ticket-main">
          <div class="tabs-row">
            <div class="tabs" role="tablist" aria-label={tp('sections')} onKeyDown={onTabKey}>
              {(['conversation', 'activity'] as const).map((t) => (
                <button
                  key={t}
                  id={`tab-${t}`}
                  type="button"
                  role="tab"
                  class="tab"
                  aria-selected={tab === t}
                  aria-controls={`panel-${t}`}
                  tabIndex={tab === t ? 0 : -1}
                  onClick={() => selectTab(t)}
                  data-testid={`tab-${t}`}
                >
                  {t === 'conversation' ? tp('conversation', { count: replies.length + 1 }) : tp('activity')}
                </button>
              ))}
            </div>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={jumpToReply}
              title={tui('replyHint')}
              data-testid="jump-reply"
            >
              {tui('reply')}
            </button>
          </div>
          {tab === 'conversation' ? (
            <section id="panel-conversation" role="tabpanel" aria-labelledby="tab-conversation" class="tab-panel">
              <ol class="comments" data-testid="comment-list">
                <CommentItem comment={opening} opening />
                {replies.map((c) => (
                  <CommentItem key={c.id} comment={c} />
                ))}
              </ol>
              <div ref={listEnd} />
              <TicketComposer
                key={ticket.number}
                ticket={ticket}
                statuses={statuses}
                defaultVisibility={defaultVisibility}
                ccOptions={ccOpts}
                technicianOptions={techOpts}
                onSent={onSent}
              />
            </section>
          ) : (
            <section id="panel-activity" role="tabpanel" aria-labelledby="tab-activity" class="tab-panel card">
              <TicketActivity
                items={activity ?? []}
                statuses={statuses}
                names={new Map(people.map((p) => [p.id, p.name]))}
                loading={activity === null}
                error={activityError}
              />
            </section>
          )}
        </div>
        <TicketSidebar contactId={ticket.requester?.id ?? null} currentNumber={ticket.number} />
      </div>
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
