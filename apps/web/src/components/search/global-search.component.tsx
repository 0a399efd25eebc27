// Global search box in the top bar (#20): one query over tickets (and their comments), contacts and
// chat messages; results grouped by type in a listbox. Keyboard: ↓/↑ move, Enter opens, Escape
// closes (WAI-ARIA combobox with aria-activedescendant, focus stays in the box).
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../lib/router.hook';
import { searchAll, SEARCH_MAX_LENGTH, type SearchResults, type SearchSnippet } from '../../lib/search.api';
import { ts } from '../../lib/search.i18n';
import { SearchSnippetText } from './search-snippet.component';
import './global-search.css';

/** Typing pause before a query: fewer requests while typing a word. */
const DEBOUNCE_MS = 200;

interface Hit {
  key: string;
  kind: 'ticket' | 'contact' | 'conversation';
  title: string;
  meta: string;
  snippet: SearchSnippet;
  href: string;
  testValue: string;
}

function hitsOf(r: SearchResults): { group: 'tickets' | 'contacts' | 'conversations'; hits: Hit[] }[] {
  return [
    {
      group: 'tickets' as const,
      hits: r.tickets.map((t) => ({
        key: `t${t.number}`,
        kind: 'ticket' as const,
        title: `#${t.number} ${t.title}`,
        meta: t.matchedIn === 'comment' ? ts('inComment') : t.status,
        snippet: t.snippet,
        href: `/tickets/${t.number}`,
        testValue: String(t.number),
      })),
    },
    {
      group: 'contacts' as const,
      hits: r.contacts.map((c) => ({
        key: `p${c.id}`,
        kind: 'contact' as const,
        title: c.name,
        meta: c.email,
        snippet: c.snippet,
        href: `/tickets?requester=${encodeURIComponent(c.id)}`,
        testValue: c.id,
      })),
    },
    {
      group: 'conversations' as const,
      hits: r.conversations.map((v) => ({
        key: `v${v.id}`,
        kind: 'conversation' as const,
        title: v.subject ?? ts('untitledChat'),
        meta: v.ticketNumber != null ? `#${v.ticketNumber}` : ts('chat'),
        snippet: v.snippet,
        href:
          v.channel === 'agent'
            ? `/chats/${encodeURIComponent(v.id)}`
            : v.ticketNumber != null
              ? `/tickets/${v.ticketNumber}`
              : '/cases',
        testValue: v.id,
      })),
    },
  ].filter((g) => g.hits.length > 0);
}

export function GlobalSearch() {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'idle' | 'loading' | 'done' | 'error'>('idle');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState('');
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setState('idle');
      setResults(null);
      return;
    }
    const mine = ++seq.current;
    setState('loading');
    const timer = setTimeout(() => {
      searchAll(text).then(
        (r) => {
          if (mine !== seq.current) return; // a newer query is on its way
          setResults(r);
          setActive(-1);
          setState('done');
        },
        (e: Error) => {
          if (mine !== seq.current) return;
          setError(e.message);
          setState('error');
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, []);

  const groups = results ? hitsOf(results) : [];
  const flat = groups.flatMap((g) => g.hits);
  const go = (hit: Hit) => {
    setOpen(false);
    navigate(hit.href);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!flat.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + flat.length + (i < 0 && step < 0 ? 1 : 0)) % flat.length);
      return;
    }
    if (e.key === 'Enter') {
      const hit = flat[active >= 0 ? active : 0];
      if (open && hit) {
        e.preventDefault();
        go(hit);
      }
    }
  };

  const shown = open && state !== 'idle';
  const optionId = (i: number) => `global-search-option-${i}`;
  let index = -1;
  return (
    <div class="global-search" ref={root} data-state={state}>
      <input
        type="search"
        id="global-search-input"
        class="global-search-input"
        data-testid="global-search"
        role="combobox"
        list={undefined}
        aria-label={ts('label')}
        aria-expanded={shown}
        aria-controls="global-search-results"
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        placeholder={ts('placeholder')}
        maxLength={SEARCH_MAX_LENGTH}
        value={q}
        onInput={(e) => {
          setQ((e.target as HTMLInputElement).value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <div class="global-search-panel" data-testid="global-search-results">
          {state === 'loading' && !results && <p class="global-search-status">{ts('searching')}</p>}
          {state === 'error' && (
            <p class="global-search-status" role="alert">
              {ts('failed', { error })}
            </p>
          )}
          {state !== 'error' && results && !flat.length && (
            <p class="global-search-status" data-testid="global-search-empty">
              {ts('noResults', { q: q.trim() })}
            </p>
          )}
          <ul id="global-search-results" role="listbox" aria-label={ts('label')} hidden={!flat.length}>
            {groups.map((g) => (
              <li role="presentation" key={g.group}>
                <div class="global-search-group" id={`global-search-group-${g.group}`}>
                  {ts(g.group)}
                </div>
                <ul role="group" aria-labelledby={`global-search-group-${g.group}`}>
                  {g.hits.map((hit) => {
                    const i = ++index;
                    return (
                      <li
                        key={hit.key}
                        id={optionId(i)}
                        role="option"
                        aria-selected={i === active}
                        class={`global-search-hit${i === active ? ' is-active' : ''}`}
                        data-testid="search-hit"
                        data-kind={hit.kind}
                        data-value={hit.testValue}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => go(hit)}
                        onMouseEnter={() => setActive(i)}
                      >
                        <span class="global-search-hit-title">{hit.title}</span>
                        <span class="global-search-hit-meta">{hit.meta}</span>
                        <SearchSnippetText snippet={hit.snippet} />
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          <span class="visually-hidden" aria-live="polite">
            {state === 'done' ? ts('resultCount', { n: flat.length }) : ''}
          </span>
        </div>
      )}
    </div>
  );
}
