import { FULL_TEXT_SOURCES, pgDocument, type FullTextSourceName } from './full-text.sources.js';
import { sqliteFtsTables } from './full-text.schema.js';

/** At most this many words of a query are matched (the rest is ignored): bounds the query's cost. */
export const MAX_SEARCH_TERMS = 8;
/** Substring (trigram) matching needs at least this many characters: shorter has no trigram. */
export const MIN_SUBSTRING = 3;

/** A search text as both drivers match it: words (stem or prefix) and the whole text as a substring. */
export interface SearchText {
  /** Folded words (lower case, no accents), letters and digits only. */
  terms: string[];
  /** The folded text, spaces collapsed. */
  phrase: string;
  /** Also match the phrase as a substring (see `wantsSubstring`; `widenSearch` turns it on). */
  substring: boolean;
}

/** Lower case without accents ("Imprimée" → "imprimee"), the form both indexes store. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function parseSearchText(q: string): SearchText {
  const phrase = foldText(q).trim().replace(/\s+/g, ' ');
  const terms = [...new Set(phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, MAX_SEARCH_TERMS);
  return { terms, phrase, substring: wantsSubstring(phrase) };
}

/**
 * The same search with substring matching on, for a second try when the words found nothing (a
 * word inside another: "lophon" in "microphone"); null when it would not change anything.
 */
export function widenSearch(search: SearchText): SearchText | null {
  return search.substring || search.phrase.length < MIN_SUBSTRING ? null : { ...search, substring: true };
}

export interface FullTextMatch {
  /** A condition on the aliased row, with named (`:name`) parameters for TypeORM. */
  where: string;
  params: Record<string, unknown>;
}

/**
 * Whether to match the whole text as a substring too: for fragments of numbers, codes and
 * addresses ("3456", "ab-12", "@acme") only. Plain words are matched by stem or prefix; adding the
 * trigram branch for them made PostgreSQL recheck every row holding a common word (1.3 s for
 * "printer" at 100k tickets) without finding anything the words had not.
 */
export function wantsSubstring(phrase: string): boolean {
  return phrase.length >= MIN_SUBSTRING && /[\p{N}@._+-]/u.test(phrase);
}

/**
 * Only the last word is matched as a prefix (the one being typed); the words before it are whole
 * words, matched by stem. A prefix on every word made each GIN scan of a multi-word search merge the
 * posting lists of every lexeme with that prefix: "vpn backup" at 200k tickets / 400k comments took
 * 22 ms per comments index scan with prefixes on both words, 12 ms with the last one only (#20).
 */
const prefixed = (search: SearchText, i: number) => i === search.terms.length - 1;

/**
 * The condition "this row matches the search": every word matches a word of the row by stem
 * (English or French), the last one also as a prefix, or the whole text is a substring of one of
 * its columns (partial words and numbers: "3456" in "123456"). `set` picks the raw or the masked columns.
 */
export function fullTextMatch(
  driver: 'postgres' | 'sqlite',
  name: FullTextSourceName,
  set: 'raw' | 'masked',
  alias: string,
  search: SearchText,
  param = `fts_${name}_${set}`,
): FullTextMatch {
  const source = FULL_TEXT_SOURCES[name];
  const columns = set === 'masked' && 'masked' in source ? source.masked : source.raw;
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const substring = search.substring;
  if (driver === 'postgres') {
    const doc = pgDocument(columns, alias);
    if (search.terms.length) {
      parts.push(`sb_words(${doc}) @@ (to_tsquery('sb_english', :${param}_q) || to_tsquery('sb_french', :${param}_q))`);
      params[`${param}_q`] = search.terms.map((t, i) => `'${t}'${prefixed(search, i) ? ':*' : ''}`).join(' & ');
    }
    if (substring) {
      parts.push(`sb_fold(${doc}) LIKE :${param}_like`);
      params[`${param}_like`] = `%${search.phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
  } else {
    const { words, trigrams } = sqliteFtsTables(source);
    const filter = `{${columns.map((c) => `"${c}"`).join(' ')}}`;
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    if (search.terms.length) {
      parts.push(`${alias}.rowid IN (SELECT rowid FROM "${words}" WHERE "${words}" MATCH :${param}_w)`);
      params[`${param}_w`] =
        `${filter} : (${search.terms.map((t, i) => `${quote(t)}${prefixed(search, i) ? '*' : ''}`).join(' AND ')})`;
    }
    if (substring) {
      parts.push(`${alias}.rowid IN (SELECT rowid FROM "${trigrams}" WHERE "${trigrams}" MATCH :${param}_t)`);
      params[`${param}_t`] = `${filter} : ${quote(search.phrase)}`;
    }
  }
  return { where: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params };
}

/** Light stem for checking a text on read: plural and feminine endings (en, fr) dropped. */
const stem = (word: string) => (word.length > 4 ? word.replace(/(es|s|x|e)$/, '') : word);

/**
 * The same test in memory, for text the database indexes raw but a viewer sees masked (comments,
 * messages, contacts): a row found in the raw index is kept only when its masked text matches
 * too, so a hidden value is never what made it match. Looser than the stemmers, never looser
 * than the masked text: it only sees what the viewer sees.
 */
export function textMatches(search: SearchText, text: string): boolean {
  const folded = foldText(text);
  if (search.phrase.length >= MIN_SUBSTRING && folded.includes(search.phrase)) return true;
  if (!search.terms.length) return false;
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return search.terms.every((term) => {
    const s = stem(term);
    return words.some((w) => w.startsWith(term) || stem(w).startsWith(s));
  });
}

/** Up to `radius` characters either side of the first match, with the matched ranges. */
export function snippetOf(
  search: SearchText,
  text: string,
  radius = 60,
): { text: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const folded = foldText(flat);
  // NFD folding can change length (rare): highlight only when it kept the offsets.
  const aligned = folded.length === flat.length;
  const needles = [search.phrase, ...search.terms.map(stem)].filter((n) => n.length > 0);
  let first = -1;
  for (const n of needles) {
    const at = folded.indexOf(n);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first > radius ? flat.lastIndexOf(' ', first - radius) + 1 : 0;
  const end = Math.min(flat.length, Math.max(first, 0) + radius * 2);
  const prefix = start > 0 ? '…' : '';
  const body = flat.slice(start, end);
  const out = `${prefix}${body}${end < flat.length ? '…' : ''}`;
  const highlights: [number, number][] = [];
  if (aligned) {
    const window = folded.slice(start, end);
    for (const n of needles.slice(1).length ? needles.slice(1) : needles) {
      let from = 0;
      for (;;) {
        const at = window.indexOf(n, from);
        if (at < 0) break;
        // Extend to the end of the word, so "imprim" highlights "imprimantes".
        let stop = at + n.length;
        while (stop < window.length && /[\p{L}\p{N}]/u.test(window[stop])) stop++;
        highlights.push([at + prefix.length, stop + prefix.length]);
        from = stop;
      }
    }
  }
  highlights.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const h of highlights) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([...h]);
  }
  return { text: out, highlights: merged };
}
