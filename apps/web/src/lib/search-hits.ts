// The global search's hits (#20), grouped by type, as the box's keyboard handling and the results
// panel both see them (global-search.component.tsx, search-results.component.tsx).
import type { SearchResults, SearchSnippet } from './search.api';
import { ts } from './search.i18n';

export interface Hit {
  key: string;
  kind: 'ticket' | 'contact' | 'conversation';
  title: string;
  meta: string;
  snippet: SearchSnippet;
  href: string;
  testValue: string;
}

export function hitsOf(r: SearchResults): { group: 'tickets' | 'contacts' | 'conversations'; hits: Hit[] }[] {
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

export type HitGroup = ReturnType<typeof hitsOf>[number];

/** The id of the `i`th option of the listbox (aria-activedescendant). */
export const searchOptionId = (i: number) => `global-search-option-${i}`;
