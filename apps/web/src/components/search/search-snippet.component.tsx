// A search hit's snippet with its matched ranges in <mark> (#20).
import type { SearchSnippet } from '../../lib/search.api';

export function SearchSnippetText({ snippet }: { snippet: SearchSnippet }) {
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const h of snippet.highlights) {
    if (h.start < at || h.end > snippet.text.length) continue;
    if (h.start > at) parts.push(snippet.text.slice(at, h.start));
    parts.push(<mark key={h.start}>{snippet.text.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return <span class="search-snippet">{parts}</span>;
}
