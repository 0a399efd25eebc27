/**
 * The full-text indexes (#20): one entry per searchable table. Both drivers index the same text:
 * PostgreSQL through expression indexes (GIN over a stemmed tsvector and over trigrams of the
 * folded text), SQLite through two external-content FTS5 tables kept in sync by triggers (words:
 * porter + unicode61 without diacritics; substrings: trigram).
 *
 * `raw` is the text as written; `masked` (tickets only) is the stored masked search text, what a
 * viewer who sees the company masked may match (#13.2).
 */
export interface FullTextSource {
  table: string;
  /** Columns of the table the SQLite FTS5 tables mirror (all of them, raw and masked). */
  columns: string[];
  /** Columns searched for a viewer who sees the text as written. */
  raw: string[];
  /** Columns searched for a viewer who sees the company masked (absent: checked on read). */
  masked?: string[];
}

export const FULL_TEXT_SOURCES = {
  tickets: {
    table: 'tickets',
    columns: ['number', 'title', 'description', 'searchText'],
    raw: ['number', 'title', 'description'],
    masked: ['number', 'searchText'],
  },
  comments: { table: 'ticket_comments', columns: ['body'], raw: ['body'] },
  contacts: {
    table: 'contacts',
    columns: ['firstName', 'lastName', 'email', 'phone'],
    raw: ['firstName', 'lastName', 'email', 'phone'],
  },
  messages: { table: 'conversation_messages', columns: ['body'], raw: ['body'] },
} satisfies Record<string, FullTextSource>;

export type FullTextSourceName = keyof typeof FULL_TEXT_SOURCES;

/** PostgreSQL: the indexed document of some columns, one space between them (NULL as empty). */
export function pgDocument(columns: string[], alias?: string): string {
  const col = (c: string) => (alias ? `${alias}."${c}"` : `"${c}"`);
  return `(${columns.map((c) => (c === 'number' ? `(${col(c)})::text` : `coalesce(${col(c)}, '')`)).join(" || ' ' || ")})`;
}

/** The index names, so an entity can declare them (`synchronize: false`) and the generator keeps them. */
export function pgIndexNames(source: FullTextSource): string[] {
  const sets = source.masked ? ['raw', 'masked'] : ['raw'];
  return sets.flatMap((set) => [`IDX_fts_${source.table}_${set}_words`, `IDX_fts_${source.table}_${set}_trgm`]);
}
