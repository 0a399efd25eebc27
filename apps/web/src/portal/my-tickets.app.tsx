// "My tickets" (#18): sign in by email link, the list, a ticket's public conversation with the reply
// box, New request. Routes under /p/<subdomain>/: sign-in, tickets, tickets/<number>, new. The session
// is the httpOnly cookie; the /portal socket (same cookie) says when one of the tickets changed.
import { useEffect, useState } from 'preact/hooks';
import type { ClientEmits, ServerEventListeners } from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import { CsatDone, CsatForm, type CsatOutcome } from './csat-form.component';
import { lang, LANG_KEY } from './i18n';
import { PortalError } from './portal.api';
import { formatDate, statusLabel, T, tt } from './tickets.i18n';
import { ticketsApi, type PortalFile, type PortalMe, type PortalTicket, type PortalTicketSummary } from './tickets.api';

export type TicketsRoute =
  { kind: 'sign-in'; token: string | null } | { kind: 'list' } | { kind: 'ticket'; number: number } | { kind: 'new' };

const NEXT_KEY = 'switchboard.portal.next';
const MAX_BYTES = 20 * 1024 * 1024;

/** Which "My tickets" screen a path shows, or null for the portal's home page. */
export function ticketsRoute(path: string, search: string): TicketsRoute | null {
  const rest = /^\/p\/[^/]+\/(.+?)\/?$/.exec(path)?.[1];
  if (!rest) return null;
  if (rest === 'sign-in') return { kind: 'sign-in', token: new URLSearchParams(search).get('token') };
  if (rest === 'tickets') return { kind: 'list' };
  if (rest === 'new') return { kind: 'new' };
  const n = /^tickets\/(\d{1,10})$/.exec(rest);
  return n ? { kind: 'ticket', number: Number(n[1]) } : { kind: 'list' };
}

export function MyTicketsApp({ subdomain, initial }: { subdomain: string; initial: TicketsRoute }) {
  const [route, setRoute] = useState<TicketsRoute>(initial);
  const [me, setMe] = useState<PortalMe | null | 'anonymous'>(null);
  const [changed, setChanged] = useState<{ number: number; at: number } | null>(null);
  const base = `/p/${encodeURIComponent(subdomain)}`;

  const go = (to: TicketsRoute, replace = false) => {
    const path =
      to.kind === 'list'
        ? `${base}/tickets`
        : to.kind === 'ticket'
          ? `${base}/tickets/${to.number}`
          : to.kind === 'new'
            ? `${base}/new`
            : `${base}/sign-in`;
    history[replace ? 'replaceState' : 'pushState'](null, '', path);
    setRoute(to);
  };

  useEffect(() => {
    const onPop = () => setRoute(ticketsRoute(location.pathname, location.search) ?? { kind: 'list' });
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // The link's token first (a session from it), else whoever the cookie says.
  useEffect(() => {
    if (route.kind === 'sign-in' && route.token) {
      ticketsApi.redeem(subdomain, route.token).then(
        () => {
          const next = sessionStorage.getItem(NEXT_KEY);
          sessionStorage.removeItem(NEXT_KEY);
          const target = next ? ticketsRoute(next, '') : null;
          ticketsApi.me().then(setMe, () => setMe('anonymous'));
          go(target && target.kind !== 'sign-in' ? target : { kind: 'list' }, true);
        },
        () => setMe('anonymous'),
      );
      return;
    }
    if (me === null) ticketsApi.me().then(setMe, () => setMe('anonymous'));
  }, [route]);

  // Live: the cookie opens the socket; the server names a ticket that changed, we fetch it again.
  useEffect(() => {
    if (!me || me === 'anonymous') return;
    const socket: Socket<ServerEventListeners, ClientEmits> = io('/portal', { withCredentials: true });
    socket.on('connect', () => socket.emit('tickets.subscribe', {}, () => undefined));
    socket.on('portal.ticket.updated', (p) => setChanged({ number: p.number, at: Date.now() }));
    socket.on('session.revoked', () => setMe('anonymous'));
    return () => void socket.disconnect();
  }, [me]);

  const signOut = async () => {
    await ticketsApi.signOut().catch(() => undefined);
    setMe('anonymous');
    go({ kind: 'list' });
  };

  const signedIn = me && me !== 'anonymous' ? me : null;
  return (
    <div class="p-tickets" data-testid="my-tickets">
      <nav class="p-tickets-nav">
        <a class="p-link" href={base} data-testid="portal-home-link">
          {T.backToPortal}
        </a>
        <LanguageSwitch />
        {signedIn && (
          <span class="p-tickets-who">
            <span class="p-muted" data-testid="portal-signed-in">
              {tt('signedInAs', { name: `${signedIn.firstName} ${signedIn.lastName}`.trim() })}
            </span>
            <button type="button" class="p-btn p-btn-ghost p-btn-sm" onClick={signOut} data-testid="portal-sign-out">
              {T.signOut}
            </button>
          </span>
        )}
      </nav>
      {route.kind === 'sign-in' && route.token && me === null && (
        <p class="p-status" role="status">
          {T.signingIn}
        </p>
      )}
      {me === 'anonymous' && (
        <SignInForm
          subdomain={subdomain}
          invalidLink={route.kind === 'sign-in' && !!route.token}
          next={route.kind === 'sign-in' ? null : location.pathname}
        />
      )}
      {signedIn && route.kind === 'list' && <TicketList go={go} changed={changed} />}
      {signedIn && route.kind === 'ticket' && <TicketPage number={route.number} go={go} changed={changed} />}
      {signedIn && route.kind === 'new' && <NewRequest go={go} />}
    </div>
  );
}

/** English / Français: remembered for the portal, then the page reloads in that language. */
export function LanguageSwitch() {
  const choose = (value: string) => {
    try {
      localStorage.setItem(LANG_KEY, value);
    } catch {
      // Private mode: the browser's language stays.
    }
    location.reload();
  };
  return (
    <label class="p-lang">
      <span class="visually-hidden">{T.language}</span>
      <select
        value={lang}
        onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
        data-testid="portal-lang"
      >
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}

function SignInForm({
  subdomain,
  invalidLink,
  next,
}: {
  subdomain: string;
  invalidLink: boolean;
  next: string | null;
}) {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'limited' | 'error' | 'required'>('idle');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim()) return setState('required');
    setState('busy');
    if (next) sessionStorage.setItem(NEXT_KEY, next);
    try {
      await ticketsApi.requestLink(subdomain, email.trim(), lang);
      setState('sent');
    } catch (err) {
      setState(err instanceof PortalError && err.status === 429 ? 'limited' : 'error');
    }
  };
  return (
    <form class="p-card" noValidate onSubmit={submit} data-testid="portal-sign-in-form">
      <h1>{T.signInTitle}</h1>
      {invalidLink && (
        <p class="p-error" role="alert" data-testid="portal-link-invalid">
          {T.linkInvalid}
        </p>
      )}
      <p class="p-intro">{T.signInIntro}</p>
      <div class="p-field">
        <label for="p-sign-in-email">{T.email}</label>
        <input
          id="p-sign-in-email"
          type="email"
          autoComplete="email"
          value={email}
          maxLength={320}
          onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
          data-testid="portal-sign-in-email"
        />
        {state === 'required' && <span class="p-field-error">{T.required}</span>}
      </div>
      <button type="submit" class="p-btn p-btn-block" disabled={state === 'busy'} data-testid="portal-send-link">
        {invalidLink ? T.askAgain : T.sendLink}
      </button>
      {state === 'sent' && (
        <p class="p-status" role="status" data-testid="portal-link-sent">
          {tt('linkSent', { email: email.trim() })}
        </p>
      )}
      {state === 'limited' && (
        <p class="p-error" role="alert">
          {T.tooMany}
        </p>
      )}
      {state === 'error' && (
        <p class="p-error" role="alert">
          {T.genericError}
        </p>
      )}
    </form>
  );
}

type Go = (to: TicketsRoute) => void;
type Changed = { number: number; at: number } | null;

function TicketList({ go, changed }: { go: Go; changed: Changed }) {
  const [items, setItems] = useState<PortalTicketSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ticketsApi.list().then(
      (r) => setItems(r.items),
      () => setFailed(true),
    );
  }, [changed?.at]);
  return (
    <section class="p-card" data-testid="portal-ticket-list" data-loaded={items ? 'true' : 'false'}>
      <div class="p-tickets-head">
        <h1>{T.myTickets}</h1>
        <button
          type="button"
          class="p-btn p-btn-sm"
          onClick={() => go({ kind: 'new' })}
          data-testid="portal-new-request"
        >
          {T.newRequest}
        </button>
      </div>
      {failed && <p class="p-error">{T.genericError}</p>}
      {items && !items.length && <p class="p-muted">{T.noTickets}</p>}
      <ul class="p-ticket-rows">
        {items?.map((x) => (
          <li key={x.number}>
            <a
              href={`tickets/${x.number}`}
              class={`p-ticket-row${x.unread ? ' is-unread' : ''}`}
              data-testid={`portal-ticket-${x.number}`}
              data-unread={x.unread ? 'true' : 'false'}
              onClick={(e) => {
                e.preventDefault();
                go({ kind: 'ticket', number: x.number });
              }}
            >
              <span class="p-ticket-title">
                {x.unread && <span class="p-dot" aria-label={T.unread} title={T.unread} />}
                {x.title}
              </span>
              <span class="p-muted">
                {tt('ticketNumber', { number: x.number })} ·{' '}
                <span class={`p-badge is-${x.statusCategory}`}>
                  {statusLabel(x.status, x.statusName, x.statusNameFr)}
                </span>{' '}
                · {tt('updated', { when: formatDate(x.updatedAt) })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TicketPage({ number, go, changed }: { number: number; go: Go; changed: Changed }) {
  const [ticket, setTicket] = useState<PortalTicket | null>(null);
  const [missing, setMissing] = useState(false);
  const load = () =>
    ticketsApi.get(number).then(setTicket, (err) => {
      if (err instanceof PortalError && err.status === 404) setMissing(true);
    });
  useEffect(() => void load(), [number]);
  useEffect(() => {
    if (changed?.number === number) void load();
  }, [changed?.at]);

  if (missing)
    return (
      <section class="p-card" data-testid="portal-ticket-missing">
        <p>{T.notFound}</p>
        <button type="button" class="p-btn" onClick={() => go({ kind: 'list' })}>
          {T.myTickets}
        </button>
      </section>
    );
  if (!ticket) return <p class="p-status">…</p>;
  const done = ticket.statusCategory === 'done';
  return (
    <section class="p-card p-ticket" data-testid="portal-ticket-page" data-comments={ticket.comments.length}>
      <a
        class="p-link"
        href="../tickets"
        onClick={(e) => {
          e.preventDefault();
          go({ kind: 'list' });
        }}
      >
        ← {T.myTickets}
      </a>
      <h1 data-testid="portal-ticket-title">{ticket.title}</h1>
      <p class="p-muted">
        {tt('ticketNumber', { number: ticket.number })} ·{' '}
        <span class={`p-badge is-${ticket.statusCategory}`} data-testid="portal-ticket-status">
          {statusLabel(ticket.status, ticket.statusName, ticket.statusNameFr)}
        </span>
      </p>
      <article class="p-msg p-request">
        <div class="p-msg-author">{T.request}</div>
        <div class="p-msg-body">{ticket.description}</div>
        <Files number={number} files={ticket.attachments} />
      </article>
      <ol class="p-thread" data-testid="portal-thread">
        {ticket.comments.map((c) => (
          <li key={c.id} class={`p-msg${c.author.mine ? ' is-mine' : ''}`} data-testid="portal-comment">
            <div class="p-msg-author">
              {c.author.mine ? T.you : c.author.name} · <span class="p-muted">{formatDate(c.createdAt)}</span>
            </div>
            <div class="p-msg-body">{c.body}</div>
            {c.truncated && <div class="p-muted">{T.truncated}</div>}
            <Files number={number} files={c.attachments} />
          </li>
        ))}
      </ol>
      {ticket.csat && <TicketCsat number={number} csat={ticket.csat} />}
      {ticket.mergedInto && <p class="p-muted">{tt('mergedNote', { number: ticket.mergedInto })}</p>}
      {ticket.canReply ? (
        <>
          {done && <p class="p-muted">{T.resolvedNote}</p>}
          <ReplyBox number={number} onSent={load} />
        </>
      ) : (
        !ticket.mergedInto && (
          <p class="p-muted" data-testid="portal-closed-note">
            {T.closedNote}
          </p>
        )
      )}
    </section>
  );
}

/** The resolved ticket's satisfaction question (#18.4), or how it was answered. */
function TicketCsat({ number, csat }: { number: number; csat: NonNullable<PortalTicket['csat']> }) {
  const [done, setDone] = useState<{ outcome: CsatOutcome; score: number | null } | null>(
    csat.state === 'answered' ? { outcome: 'answered', score: csat.score } : null,
  );
  return (
    <div class="p-ticket-csat" data-testid="portal-ticket-csat">
      {done ? (
        <CsatDone outcome={done.outcome} score={done.score} />
      ) : (
        <CsatForm
          question={csat.question}
          send={(score, comment) => ticketsApi.rate(number, score, comment)}
          onDone={(outcome, score) => setDone({ outcome, score })}
        />
      )}
    </div>
  );
}

function Files({ number, files }: { number: number; files: PortalFile[] }) {
  if (!files.length) return null;
  return (
    <ul class="p-files">
      {files.map((f) => (
        <li key={f.id}>
          <a href={ticketsApi.fileUrl(number, f.id)} download={f.name} aria-label={tt('download', { name: f.name })}>
            📎 {f.name}
          </a>{' '}
          <span class="p-muted">{tt('fileSize', { size: Math.ceil(f.size / 1024) })}</span>
        </li>
      ))}
    </ul>
  );
}

function ReplyBox({ number, onSent }: { number: number; onSent: () => unknown }) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = files.reduce((s, f) => s + f.size, 0);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!body.trim()) return setError(T.required);
    if (total > MAX_BYTES) return setError(T.tooBig);
    setBusy(true);
    setError(null);
    try {
      const ids = [];
      for (const f of files) ids.push((await ticketsApi.upload(f)).id);
      await ticketsApi.reply(number, body, ids);
      setBody('');
      setFiles([]);
      await onSent();
    } catch (err) {
      setError(err instanceof PortalError && err.status === 413 ? T.tooBig : T.genericError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="p-composer p-reply" onSubmit={send} data-testid="portal-reply-form">
      <label for="p-reply">{T.reply}</label>
      <textarea
        id="p-reply"
        rows={4}
        value={body}
        onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        data-testid="portal-reply-body"
      />
      {body.length > 65_536 && <p class="p-muted">{T.tooLong}</p>}
      <label class="p-attach">
        {T.attach}
        <input
          type="file"
          multiple
          data-testid="portal-reply-files"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            setFiles((prev) => [...prev, ...Array.from(input.files ?? [])]);
            input.value = '';
          }}
        />
      </label>
      {files.length > 0 && (
        <ul class="p-files">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name}{' '}
              <button
                type="button"
                class="p-btn p-btn-ghost p-btn-sm"
                aria-label={tt('removeFile', { name: f.name })}
                onClick={() => setFiles((prev) => prev.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="p-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="p-btn" disabled={busy} data-testid="portal-reply-send">
        {busy ? T.sending : T.send}
      </button>
    </form>
  );
}

function NewRequest({ go }: { go: Go }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!title.trim() || !description.trim()) return setError(T.required);
    setBusy(true);
    try {
      const { number } = await ticketsApi.create(title.trim(), description);
      go({ kind: 'ticket', number });
    } catch {
      setError(T.genericError);
      setBusy(false);
    }
  };
  return (
    <form class="p-card" onSubmit={submit} data-testid="portal-new-form">
      <h1>{T.newRequest}</h1>
      <div class="p-field">
        <label for="p-new-title">{T.title}</label>
        <input
          id="p-new-title"
          maxLength={300}
          value={title}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
          data-testid="portal-new-title"
        />
      </div>
      <div class="p-field">
        <label for="p-new-description">{T.description}</label>
        <textarea
          id="p-new-description"
          rows={6}
          value={description}
          onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)}
          data-testid="portal-new-description"
        />
      </div>
      {error && (
        <p class="p-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="p-btn" disabled={busy} data-testid="portal-new-send">
        {T.create}
      </button>
    </form>
  );
}
