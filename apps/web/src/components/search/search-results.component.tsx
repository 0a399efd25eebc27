// The global search's results panel (#20): status lines and the grouped listbox. A chunk fetched
// with the first query; the box keeps the state and the keyboard (global-search.component.tsx).
import type { SearchResults } from '../../lib/search.api';
import { searchOptionId, type Hit, type HitGroup } from '../../lib/search-hits';
import { ts } from '../../lib/search.i18n';
import { SearchSnippetText } from './search-snippet.component';

interface Props {
  state: 'idle' | 'loading' | 'done' | 'error';
  error: string;
  q: string;
  results: SearchResults | null;
  groups: HitGroup[];
  active: number;
  onGo(hit: Hit): void;
  onActive(i: number): void;
}

export function SearchResultsPanel({ state, error, q, results, groups, active, onGo, onActive }: Props) {
  const flat = groups.flatMap((g) => g.hits);
  let index = -1;
  return (
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
                    id={searchOptionId(i)}
                    role="option"
                    aria-selected={i === active}
                    class={`global-search-hit${i === active ? ' is-active' : ''}`}
                    data-testid="search-hit"
                    data-kind={hit.kind}
                    data-value={hit.testValue}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onGo(hit)}
                    onMouseEnter={() => onActive(i)}
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
  );
}
