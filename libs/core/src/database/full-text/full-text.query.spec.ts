import { fullTextMatch, parseSearchText, widenSearch, snippetOf, textMatches } from './full-text.query.js';

describe('full-text query', () => {
  it('folds case and accents, keeps letters and digits as terms, at most 8', () => {
    expect(parseSearchText('  Imprimée  ÉTAGE 12-34 ')).toEqual({
      terms: ['imprimee', 'etage', '12', '34'],
      phrase: 'imprimee etage 12-34',
      substring: true,
    });
    expect(parseSearchText('a b c d e f g h i j').terms).toHaveLength(8);
  });

  it('PostgreSQL: both stemmings and a trigram substring; SQLite: the words and trigram FTS5 tables', () => {
    const s = parseSearchText("o'brien 4471");
    const pg = fullTextMatch('postgres', 'tickets', 'masked', 't', s);
    expect(pg.where).toContain(`sb_words(((t."number")::text || ' ' || coalesce(t."searchText", '')))`);
    expect(pg.params).toMatchObject({
      // Whole words first, the last one (being typed) as a prefix.
      fts_tickets_masked_q: "'o' & 'brien' & '4471':*",
      fts_tickets_masked_like: "%o'brien 4471%",
    });
    const lite = fullTextMatch('sqlite', 'comments', 'raw', 'c', parseSearchText('say "hi" 100%'));
    expect(lite.params).toMatchObject({
      fts_comments_raw_w: '{"body"} : ("say" AND "hi" AND "100"*)',
      fts_comments_raw_t: '{"body"} : "say ""hi"" 100%"',
    });
    expect(fullTextMatch('sqlite', 'comments', 'raw', 'c', parseSearchText('--')).where).toBe('1 = 0');
  });

  it('plain words match by stem or prefix only; substrings are for fragments, or a widened second try', () => {
    const words = parseSearchText('Printer jam');
    expect(words.substring).toBe(false);
    const pg = fullTextMatch('postgres', 'tickets', 'raw', 't', words);
    expect(pg.where).not.toContain('LIKE');
    const wide = widenSearch(words)!;
    expect(fullTextMatch('postgres', 'tickets', 'raw', 't', wide).where).toContain('LIKE');
    expect(widenSearch(wide)).toBeNull();
    expect(widenSearch(parseSearchText('ab'))).toBeNull();
    expect(parseSearchText('INV-2290').substring).toBe(true);
    expect(parseSearchText('jo@acme').substring).toBe(true);
  });

  it('textMatches: substring or every word by prefix / light stem, only on the given text', () => {
    const s = parseSearchText('imprimantes');
    expect(textMatches(s, "L'imprimante est cassée")).toBe(true);
    expect(textMatches(parseSearchText('4111'), 'card ************1111')).toBe(false);
    expect(textMatches(parseSearchText('1111'), 'card ************1111')).toBe(true);
  });

  it('snippetOf: a window around the first match with highlighted words', () => {
    const text = `${'x '.repeat(100)}the printers are down ${'y '.repeat(100)}`;
    const s = snippetOf(parseSearchText('printer'), text);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['printers']);
  });
});
