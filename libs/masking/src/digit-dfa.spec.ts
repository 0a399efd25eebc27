import metadata from 'libphonenumber-js/max/metadata';
import { DigitDfa, digitDfa } from './digit-dfa.js';

// Every national-number and type pattern of the metadata, as phone-numbering.ts uses them.
const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
const patterns = new Set<string>();
for (const c of Object.values(countries)) {
  if (typeof c[2] === 'string') patterns.add(c[2]);
  const types = c[11] as ([string] | 0)[] | undefined;
  if (Array.isArray(types)) for (const t of types) if (Array.isArray(t) && t[0]) patterns.add(t[0]);
}

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('DigitDfa', () => {
  it('parses every libphonenumber pattern', () => {
    expect(patterns.size).toBeGreaterThan(500);
    for (const p of patterns) expect(digitDfa([p])).not.toBeNull();
  });

  it('agrees with the RegExp (full and prefix match) on random and pattern-guided digit strings', () => {
    const rnd = prng(7);
    let accepted = 0;
    for (const p of patterns) {
      const dfa = new DigitDfa([p]);
      const full = new RegExp('^(?:' + p + ')$');
      const prefix = new RegExp('^(?:' + p + ')');
      for (let k = 0; k < 24; k++) {
        // Half of the strings follow the pattern's live transitions, so many of them match.
        let s = '';
        const len = 1 + Math.floor(rnd() * 15);
        for (let j = 0; j < len; j++) {
          let d = Math.floor(rnd() * 10);
          if (k % 2 === 0) {
            const live = [];
            for (let x = 0; x < 10; x++) if (dfa.canContinue(s + x)) live.push(x);
            if (live.length > 0) d = live[Math.floor(rnd() * live.length)];
          }
          s += d;
        }
        const m = full.test(s);
        if (m) accepted++;
        expect([p, s, dfa.match(s) === 1]).toEqual([p, s, m]);
        expect([p, s, dfa.prefixMask(s) === 1]).toEqual([p, s, prefix.test(s)]);
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('reports each pattern of a combined DFA on its own bit', () => {
    const dfa = new DigitDfa(['[2-9]\\d{2}', '2\\d{2,3}', '\\d{3}']);
    expect(dfa.match('234')).toBe(0b111);
    expect(dfa.match('2345')).toBe(0b010);
    expect(dfa.match('134')).toBe(0b100);
    expect(dfa.match('12a')).toBe(0);
    expect(dfa.match('92345', 1, 4)).toBe(0b111);
  });

  it('rejects syntax outside its subset (callers fall back to the RegExp)', () => {
    expect(digitDfa(['(?=1)\\d'])).toBeNull();
    expect(digitDfa(['[^1]'])).toBeNull();
    expect(digitDfa(['a'])).toBeNull();
  });
});
