// Portal page: what the visitor sees depends on GET /api/public/portals/:subdomain (`view`) and on a
// session already stored in this tab (a chat or request in progress is resumed whatever the view).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { S } from './i18n';
import { portalApi, PortalError, type PortalInfo } from './portal.api';
import { loadSession, saveSession, type StoredSession } from './visitor-chat.hook';
import { ContactForm } from './contact-form.component';
import { ChatPanel } from './chat-panel.component';
import { T } from './tickets.i18n';

interface Props {
  subdomain: string | null;
  embedded: boolean;
  /** My tickets (#18): shown in the portal's frame instead of the chat and request forms. */
  children?: ComponentChildren;
}

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error' } | { kind: 'ready'; portal: PortalInfo };

export function PortalApp({ subdomain, embedded, children }: Props) {
  const [load, setLoad] = useState<Load>(subdomain ? { kind: 'loading' } : { kind: 'missing' });
  const [session, setSession] = useState<StoredSession | null>(() => (subdomain ? loadSession(subdomain) : null));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!subdomain) return;
    let alive = true;
    portalApi.info(subdomain).then(
      (portal) => alive && setLoad({ kind: 'ready', portal }),
      (err) => alive && setLoad({ kind: err instanceof PortalError && err.status === 404 ? 'missing' : 'error' }),
    );
    return () => {
      alive = false;
    };
  }, [subdomain, attempt]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = load.portal.name;
  }, [load]);

  // In the widget iframe: Escape (or our close button) asks the host page to hide the frame.
  useEffect(() => {
    if (!embedded) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !document.querySelector('dialog[open]') && closeEmbed();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [embedded]);

  const portal = load.kind === 'ready' ? load.portal : null;
  const setStored = (s: StoredSession | null) => {
    if (subdomain) saveSession(subdomain, s);
    setSession(s);
  };
  // Re-ask the view when starting over: availability may have changed meanwhile.
  const startOver = () => {
    setStored(null);
    setAttempt((n) => n + 1);
  };

  return (
    <div
      class={`portal${embedded ? ' is-embed' : ''}`}
      style={portal ? themeStyle(portal) : undefined}
      data-testid="portal-page"
    >
      <header class="p-head">
        {portal?.logoUrl ? (
          <img class="p-logo" src={portal.logoUrl} alt="" />
        ) : (
          <span class="p-logo-mark" aria-hidden="true" />
        )}
        <span class="p-name">{portal?.name ?? ''}</span>
        {subdomain && !embedded && !children && (
          <a
            class="p-link p-my-tickets"
            href={`/p/${encodeURIComponent(subdomain)}/tickets`}
            data-testid="portal-my-tickets"
          >
            {T.myTickets}
          </a>
        )}
        {embedded && (
          <button type="button" class="p-icon-btn" aria-label={S.close} onClick={closeEmbed} data-testid="portal-close">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
          </button>
        )}
      </header>
      <main class="p-main" id="main">
        {load.kind === 'loading' && (
          <p class="p-status" role="status">
            {S.loading}
          </p>
        )}
        {load.kind === 'missing' && (
          <section class="p-card p-center" data-testid="portal-missing">
            <h1>{S.notFoundTitle}</h1>
            <p>{S.notFound}</p>
          </section>
        )}
        {load.kind === 'error' && (
          <section class="p-card p-center" role="alert">
            <p>{S.genericError}</p>
            <button type="button" class="p-btn" onClick={() => setAttempt((n) => n + 1)}>
              {S.retry}
            </button>
          </section>
        )}
        {portal && children}
        {portal && subdomain && !children && session && (
          <ChatPanel
            key={session.caseId}
            subdomain={subdomain}
            portal={portal}
            session={session}
            onStartOver={startOver}
            onExpired={startOver}
          />
        )}
        {portal && subdomain && !children && !session && portal.view === 'unavailable' && (
          <section class="p-card p-center" data-testid="portal-unavailable">
            <h1>{S.unavailableTitle}</h1>
            <p>{portal.message || S.unavailableMessage}</p>
          </section>
        )}
        {portal && subdomain && !children && !session && portal.view !== 'unavailable' && (
          <ContactForm
            key={portal.view}
            subdomain={subdomain}
            portal={portal}
            mode={portal.view === 'chat' ? 'chat' : 'request'}
            onCreated={setStored}
            onUnavailable={() => setAttempt((n) => n + 1)}
          />
        )}
      </main>
      {!embedded && <footer class="p-foot">{S.poweredBy}</footer>}
    </div>
  );
}

function closeEmbed(): void {
  window.parent?.postMessage({ type: 'switchboard:close' }, '*');
}

// ---- theme: portal colours with a readable text colour picked for contrast ----

function themeStyle(p: PortalInfo): Record<string, string> {
  const style: Record<string, string> = {};
  const primary = hex(p.colors?.primary);
  if (primary) {
    style['--p-primary'] = primary;
    style['--p-on-primary'] = contrast(primary, '#ffffff') >= contrast(primary, '#111111') ? '#ffffff' : '#111111';
  }
  const bg = hex(p.colors?.background);
  const text = hex(p.colors?.text);
  if (bg) style['--p-bg'] = bg;
  // Only take the portal's text colour when it stays readable on its background.
  if (text && contrast(text, bg ?? '#ffffff') >= 4.5) style['--p-text'] = text;
  return style;
}

function hex(value: string | undefined | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return null;
}

function luminance(h: string): number {
  const c = [1, 3, 5]
    .map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
    .map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}
