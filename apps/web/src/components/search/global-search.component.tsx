// Global search box in the top bar (#20): one query over tickets (and their comments), contacts and
// chat messages; results grouped by type in a listbox. Keyboard: ↓/↑ move, Enter opens, Escape
// closes (WAI-ARIA combobox with aria-activedescendant, focus stays in the box).
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../lib/router.hook';
import { searchAll, SEARCH_MAX_LENGTH, type SearchResults } from '../../lib/search.api';
import { hitsOf, searchOptionId, type Hit } from '../../lib/search-hits';
import { ts } from '../../lib/search.i18n';
import { lazyChunk } from '../lazy-chunk.component';
import './global-search.css';

// The results panel is a chunk fetched with the first query (#16's first-load budget).
const SearchResultsPanel = lazyChunk(() => import('./search-results.component').then((m) => m.SearchResultsPanel));

/** Typing pause before a query: fewer requests while typing a word. */
const DEBOUNCE_MS = 200;

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
        aria-activedescendant={shown && active >= 0 ? searchOptionId(active) : undefined}
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
        <SearchResultsPanel
          state={state}
          error={error}
          q={q}
          results={results}
          groups={groups}
          active={active}
          onGo={go}
          onActive={setActive}
        />
      )}
    </div>
  );
}
