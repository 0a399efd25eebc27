// A lazily built DFA over the digits 0-9 for several anchored patterns at once, used instead of
// RegExps for libphonenumber's numbering-plan patterns (national number, type and leading-digit
// patterns are plain regular expressions over digits: `|`, `(?:)`, `[...]`, `\d`, `?`, `{n}`,
// `{n,m}`). Testing a number against a country's general pattern and its ~10 type patterns is then
// one walk over its digits with one table lookup per digit, instead of up to 11 RegExp calls.
//
// Construction: Glushkov automaton (one position per digit-set leaf), determinised on demand (a
// state is a set of positions, created the first time a transition reaches it), so only the part
// of a pattern that real inputs exercise is ever built. A DFA that grows beyond MAX_STATES stops
// growing and answers `undefined`, and the caller falls back to the RegExp.

type Node =
  | { t: 'set'; mask: number }
  | { t: 'cat'; a: Node[] }
  | { t: 'alt'; a: Node[] }
  | { t: 'star'; x: Node }
  | { t: 'empty' };

const ALL_DIGITS = 0x3ff;

/** Parses the supported regex subset; throws on anything else. */
function parse(src: string): Node {
  let i = 0;
  function alt(): Node {
    const a = [cat()];
    while (src[i] === '|') {
      i++;
      a.push(cat());
    }
    return a.length === 1 ? a[0] : { t: 'alt', a };
  }
  function cat(): Node {
    const a: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') a.push(quantified(atom()));
    return a.length === 1 ? a[0] : a.length === 0 ? { t: 'empty' } : { t: 'cat', a };
  }
  function atom(): Node {
    const c = src[i];
    if (c === '(') {
      i += src.startsWith('(?:', i) ? 3 : 1;
      if (src[i] === '?') throw new Error('lookaround');
      const x = alt();
      if (src[i++] !== ')') throw new Error('unbalanced');
      return x;
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') throw new Error('negated class');
      let mask = 0;
      while (src[i] !== ']') {
        const lo = digitOf(src[i++]);
        if (src[i] === '-' && src[i + 1] !== ']') {
          i++;
          const hi = digitOf(src[i++]);
          for (let d = lo; d <= hi; d++) mask |= 1 << d;
        } else mask |= 1 << lo;
        if (i >= src.length) throw new Error('unterminated class');
      }
      i++;
      return { t: 'set', mask };
    }
    if (c === '\\') {
      if (src[i + 1] !== 'd') throw new Error(`escape \\${src[i + 1]}`);
      i += 2;
      return { t: 'set', mask: ALL_DIGITS };
    }
    i++;
    return { t: 'set', mask: 1 << digitOf(c) };
  }
  function quantified(x: Node): Node {
    for (;;) {
      const c = src[i];
      if (c === '?') {
        i++;
        x = { t: 'alt', a: [x, { t: 'empty' }] };
      } else if (c === '*' || c === '+') {
        i++;
        x = c === '*' ? { t: 'star', x } : { t: 'cat', a: [x, { t: 'star', x: clone(x) }] };
      } else if (c === '{') {
        const close = src.indexOf('}', i);
        const m = /^\{(\d+)(,(\d*))?\}$/.exec(src.slice(i, close + 1));
        if (!m) throw new Error('bad quantifier');
        i = close + 1;
        const min = +m[1];
        const max = m[2] === undefined ? min : m[3] === '' ? Infinity : +m[3];
        x = repeat(x, min, max);
      } else return x;
      if (src[i] === '?') throw new Error('lazy quantifier'); // same language, but keep the subset small
    }
  }
  const root = alt();
  if (i !== src.length) throw new Error(`unexpected "${src[i]}"`);
  return root;
}

function digitOf(c: string | undefined): number {
  const d = c === undefined ? -1 : c.charCodeAt(0) - 48;
  if (d < 0 || d > 9) throw new Error(`not a digit: ${c}`);
  return d;
}

function clone(x: Node): Node {
  switch (x.t) {
    case 'set':
      return { t: 'set', mask: x.mask };
    case 'cat':
    case 'alt':
      return { t: x.t, a: x.a.map(clone) };
    case 'star':
      return { t: 'star', x: clone(x.x) };
    default:
      return { t: 'empty' };
  }
}

/** x{min,max}: min copies, then nested optional copies (x(x(x)?)?)? so the automaton stays linear. */
function repeat(x: Node, min: number, max: number): Node {
  const a: Node[] = [];
  for (let k = 0; k < min; k++) a.push(clone(x));
  if (max === Infinity) a.push({ t: 'star', x: clone(x) });
  else {
    // (x(x(x)?)?)?: built inside out, the innermost level being "x?".
    let tail: Node | null = null;
    for (let k = min; k < max; k++)
      tail = { t: 'alt', a: [tail === null ? clone(x) : { t: 'cat', a: [clone(x), tail] }, { t: 'empty' }] };
    if (tail !== null) a.push(tail);
  }
  return a.length === 0 ? { t: 'empty' } : a.length === 1 ? a[0] : { t: 'cat', a };
}

interface Glushkov {
  /** Digit mask of each position. */
  masks: number[];
  /** Positions that may follow each position. */
  follow: number[][];
  /** Pattern bit of each position if it can end its pattern, else 0. */
  lastBits: number[];
  first: number[];
  /** Pattern bits whose pattern matches the empty string. */
  emptyBits: number;
}

function glushkov(roots: Node[]): Glushkov {
  const g: Glushkov = { masks: [], follow: [], lastBits: [], first: [], emptyBits: 0 };
  interface Info {
    nullable: boolean;
    first: number[];
    last: number[];
  }
  function walk(x: Node): Info {
    switch (x.t) {
      case 'empty':
        return { nullable: true, first: [], last: [] };
      case 'set': {
        const p = g.masks.length;
        g.masks.push(x.mask);
        g.follow.push([]);
        g.lastBits.push(0);
        return { nullable: false, first: [p], last: [p] };
      }
      case 'alt': {
        const r: Info = { nullable: false, first: [], last: [] };
        for (const y of x.a) {
          const s = walk(y);
          r.nullable ||= s.nullable;
          r.first.push(...s.first);
          r.last.push(...s.last);
        }
        return r;
      }
      case 'cat': {
        let r: Info = { nullable: true, first: [], last: [] };
        for (const y of x.a) {
          const s = walk(y);
          for (const p of r.last) g.follow[p].push(...s.first);
          r = {
            nullable: r.nullable && s.nullable,
            first: r.nullable ? [...r.first, ...s.first] : r.first,
            last: s.nullable ? [...r.last, ...s.last] : s.last,
          };
        }
        return r;
      }
      case 'star': {
        const s = walk(x.x);
        for (const p of s.last) g.follow[p].push(...s.first);
        return { nullable: true, first: s.first, last: s.last };
      }
    }
  }
  roots.forEach((root, k) => {
    const s = walk(root);
    g.first.push(...s.first);
    for (const p of s.last) g.lastBits[p] |= 1 << k;
    if (s.nullable) g.emptyBits |= 1 << k;
  });
  for (let p = 0; p < g.follow.length; p++) g.follow[p] = [...new Set(g.follow[p])].sort((a, b) => a - b);
  return g;
}

const MAX_STATES = 20_000;
const UNKNOWN = -1;
const DEAD = 0;

/**
 * DFA for up to 31 patterns. `match(s, from, to)` returns the bit mask of the patterns that match
 * s[from, to) entirely (what `^(?:p)$` tests), `prefixMask` those matching some prefix (what `^(?:p)`
 * tests), or undefined when the DFA has hit its size limit.
 */
export class DigitDfa {
  private readonly g: Glushkov;
  // State 0 is the dead state (no positions); state 1 the start.
  private trans = new Int32Array(10 * 64).fill(UNKNOWN);
  private readonly accept: number[] = [0];
  private readonly sets: number[][] = [[]];
  private readonly ids = new Map<string, number>([['', DEAD]]);
  private full = false;

  constructor(readonly sources: readonly string[]) {
    if (sources.length > 31) throw new Error('too many patterns');
    this.g = glushkov(sources.map(parse));
    this.trans.fill(DEAD, 0, 10); // dead state loops
    const start = [...new Set(this.g.first)].sort((a, b) => a - b);
    this.sets.push(start);
    this.accept.push(this.g.emptyBits);
    this.ids.set('^' + start.join(','), 1); // the start state is distinct even if its set recurs
  }

  /** Number of states built so far. */
  get size(): number {
    return this.sets.length;
  }

  private step(state: number, d: number): number {
    const t = this.trans[state * 10 + d];
    if (t !== UNKNOWN) return t;
    if (this.full) return UNKNOWN;
    const bit = 1 << d;
    const next: number[] = [];
    const { masks, follow } = this.g;
    const set = this.sets[state];
    // The start state's positions are entered by the first digit; any other state's positions
    // were entered already, so the digit moves to their followers.
    if (state === 1) {
      for (const p of set) if (masks[p] & bit) next.push(p);
    } else {
      for (const p of set) for (const f of follow[p]) if (masks[f] & bit) next.push(f);
    }
    const uniq = next.length > 1 ? [...new Set(next)].sort((a, b) => a - b) : next;
    const key = uniq.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      if (this.sets.length >= MAX_STATES) {
        this.full = true;
        return UNKNOWN;
      }
      id = this.sets.length;
      this.sets.push(uniq);
      let acc = 0;
      for (const p of uniq) acc |= this.g.lastBits[p];
      this.accept.push(acc);
      this.ids.set(key, id);
      if ((id + 1) * 10 > this.trans.length) {
        const grown = new Int32Array(this.trans.length * 2).fill(UNKNOWN);
        grown.set(this.trans);
        this.trans = grown;
      }
    }
    this.trans[state * 10 + d] = id;
    return id;
  }

  /** Patterns matching all of s[from, to) (0 if a character is not a digit), or undefined. */
  match(s: string, from = 0, to = s.length): number | undefined {
    let state = 1;
    for (let i = from; i < to; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return 0;
      let next = this.trans[state * 10 + d];
      if (next === UNKNOWN) {
        next = this.step(state, d);
        if (next === UNKNOWN) return undefined;
      }
      if (next === DEAD) return 0;
      state = next;
    }
    return this.accept[state];
  }

  /** True if s (digits) can still be extended into a match of some pattern (its state is not dead). */
  canContinue(s: string): boolean {
    let state = 1;
    for (let i = 0; i < s.length && state !== DEAD; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      const next = this.step(state, d);
      if (next === UNKNOWN) return true;
      state = next;
    }
    return state !== DEAD;
  }

  /** Patterns matching some prefix of s (the empty one included), or undefined. */
  prefixMask(s: string): number | undefined {
    let state = 1;
    let acc = this.accept[1];
    for (let i = 0; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return acc;
      let next = this.trans[state * 10 + d];
      if (next === UNKNOWN) {
        next = this.step(state, d);
        if (next === UNKNOWN) return undefined;
      }
      if (next === DEAD) return acc;
      state = next;
      acc |= this.accept[state];
    }
    return acc;
  }
}

/** A DigitDfa for the sources, or null if a pattern uses syntax outside the supported subset. */
export function digitDfa(sources: readonly string[]): DigitDfa | null {
  try {
    return new DigitDfa(sources);
  } catch {
    return null;
  }
}
