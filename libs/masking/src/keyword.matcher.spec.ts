import fc from 'fast-check';
import {
  CARD_POSITIVE_WORDS,
  NEGATIVE_WORDS,
  PHONE_POSITIVE_WORDS,
  SSN_POSITIVE_WORDS,
  WEAK_WORDS,
} from './context.util.js';
import { KeywordIndex, keywordRegExp } from './keyword.matcher.js';

const LISTS = [NEGATIVE_WORDS, PHONE_POSITIVE_WORDS, SSN_POSITIVE_WORDS, CARD_POSITIVE_WORDS, WEAK_WORDS];
const index = new KeywordIndex(LISTS);
const regexps = LISTS.map(keywordRegExp);

function regexLastEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = -1;
  while (re.test(s)) end = re.lastIndex;
  return end;
}

// Keyword pieces (with case and accent variants) glued with boundary-sensitive characters.
const piece = fc.oneof(
  fc.constantFrom(
    ...LISTS.flat().map((w) =>
      w
        .replace(/\\/g, '')
        .replace(/[?[\]()|:=]/g, '')
        .slice(0, 12),
    ),
  ),
  fc.constantFrom(
    'order',
    'ORDERS',
    'ordered',
    'Réf',
    'RÉFÉRENCE',
    'numéro',
    'number is',
    'Numbers est',
    'n°',
    'no.',
    'la poste',
    'soc. sec.',
    'SS#',
    's/n',
    'policies',
    'v2',
    'ɓ',
    'ÿ',
    'µ',
    'Ø',
    '×',
    'ſ',
    'K',
  ),
  fc.constantFrom(' ', '  ', '-', '.', ',', '_', '#', '1', '23', 'é', 'x', '\u00a0'),
  fc.string({ maxLength: 3 }),
);
const window = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));

describe('KeywordIndex', () => {
  it('finds what each list regex finds on a slice (last match end, first match start)', () => {
    const last = new Int32Array(LISTS.length);
    const first = new Int32Array(LISTS.length);
    fc.assert(
      fc.property(window, fc.nat(6), fc.nat(6), (text, cutL, cutR) => {
        const lo = Math.min(cutL, text.length);
        const hi = Math.max(lo, text.length - cutR);
        const slice = text.slice(lo, hi);
        index.scanLast(text, lo, hi, last);
        index.scanFirst(text, lo, hi, first);
        regexps.forEach((re, l) => {
          const end = regexLastEnd(re, slice);
          expect(last[l]).toBe(end < 0 ? -1 : lo + end);
          const start = slice.search(re);
          expect(first[l]).toBe(start < 0 ? -1 : lo + start);
        });
      }),
      { numRuns: 4000 },
    );
  });

  it('expands optional letters, classes and groups in the regex priority order', () => {
    const idx = new KeywordIndex([['soc\\.? ?sec\\.?', 'polic(?:y|ies)', 'numbers?(?= (?:is|est))']]);
    const out = new Int32Array(1);
    idx.scanLast('my soc. sec. 123', 0, 13, out);
    expect(out[0]).toBe(12);
    idx.scanLast('POLICIES 12', 0, 11, out);
    expect(out[0]).toBe(8);
    idx.scanLast('my number is 06', 0, 13, out);
    expect(out[0]).toBe(9);
    idx.scanLast('my number 06', 0, 10, out);
    expect(out[0]).toBe(-1);
  });

  it('rejects syntax it does not implement', () => {
    expect(() => new KeywordIndex([['a.*b']])).toThrow();
  });
});
