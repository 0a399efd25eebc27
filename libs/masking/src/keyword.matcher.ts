// Keyword lists matched by hand instead of by a large alternation RegExp.
//
// A list is written like a regex alternation (`'orders?'`, `'r[ée]f'`, `'polic(?:y|ies)'`,
// `'numbers?(?= (?:is|est))'`) and behaves exactly like
//   new RegExp(`(?<![A-Za-z0-9\u00C0-\u024F])(?:${list.join('|')})(?![A-Za-z\u00C0-\u024F])`, 'gi')
// applied to text.slice(lo, hi) (see keywordRegExp, which keyword.matcher.spec.ts compares it
// with). V8 tries every alternative at every position of a window; here the alternatives are
// expanded into literals in the regex's priority order and stored in a trie that is walked only from
// word starts, which is 5-10x cheaper on the 24-40 character windows the detectors ask about.

// ---- case folding and word classes, exactly as a non-unicode /i RegExp sees them ----

/**
 * Lower-cases the characters a keyword can contain (ASCII letters, Latin-1 letters); any other
 * character is returned unchanged. Under /i without /u, a pattern character matches a text character
 * iff their upper cases are equal and no non-ASCII character folds onto ASCII, which for the
 * keywords' own characters (a-z, é, è, ç, °, º, punctuation) is exactly this folding.
 */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

// `[A-Za-z0-9\u00C0-\u024F]` and `[A-Za-z\u00C0-\u024F]` under /i: beyond U+024F a few characters
// (e.g. "ɓ", whose upper case "Ɓ" lies in the range) also match, so those are asked of the RegExp.
const WORD_OR_DIGIT_I = /[A-Za-z0-9\u00C0-\u024F]/i;
const WORD_I = /[A-Za-z\u00C0-\u024F]/i;
function isWord(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return false;
  if (c <= 0x24f) return true;
  return WORD_I.test(text[i]);
}

// ---- expansion of the alternation syntax into literals ----

interface Literal {
  /** Folded (lower-case) characters. */
  chars: string;
  /** Lookahead alternatives that must follow (e.g. [" is", " est"]), or null. */
  ahead: string[] | null;
}

/** Parses one alternative into a sequence of alternative-lists, expanding `?`, `[..]`, `(?:a|b)`, `\x`. */
function expand(src: string): Literal[] {
  let i = 0;
  // Returns the expansions of a sequence, in priority order, up to `)` or `|` or the end.
  function seq(): Literal[] {
    let acc: Literal[] = [{ chars: '', ahead: null }];
    while (i < src.length && src[i] !== ')' && src[i] !== '|') {
      let atom: Literal[];
      const c = src[i];
      if (c === '(' && src.startsWith('(?=', i)) {
        i += 3;
        const alts = alternation();
        i++; // ')'
        if (alts.some((a) => a.ahead !== null)) throw new Error(`nested lookahead in ${src}`);
        for (const a of acc) a.ahead = alts.map((x) => x.chars);
        if (i !== src.length) throw new Error(`lookahead must end the keyword: ${src}`);
        continue;
      } else if (c === '(' && src.startsWith('(?:', i)) {
        i += 3;
        atom = alternation();
        i++; // ')'
      } else if (c === '[') {
        const close = src.indexOf(']', i);
        atom = [...src.slice(i + 1, close)].map((ch) => ({ chars: ch, ahead: null }));
        i = close + 1;
      } else if (c === '\\') {
        atom = [{ chars: src[i + 1], ahead: null }];
        i += 2;
      } else if ('.*+{}^$'.includes(c)) {
        throw new Error(`unsupported regex syntax "${c}" in keyword ${src}`);
      } else {
        atom = [{ chars: c, ahead: null }];
        i++;
      }
      // Greedy "?": the longer form is tried first, as the regex does.
      if (src[i] === '?') {
        atom = [...atom, { chars: '', ahead: null }];
        i++;
      }
      const next: Literal[] = [];
      for (const a of acc) for (const b of atom) next.push({ chars: a.chars + b.chars, ahead: b.ahead ?? a.ahead });
      acc = next;
    }
    return acc;
  }
  function alternation(): Literal[] {
    const out = seq();
    while (src[i] === '|') {
      i++;
      out.push(...seq());
    }
    return out;
  }
  const res = alternation();
  if (i !== src.length) throw new Error(`unbalanced keyword ${src}`);
  return res.map((l) => ({
    chars: [...l.chars].map((ch) => String.fromCharCode(fold(ch.charCodeAt(0)))).join(''),
    ahead: l.ahead,
  }));
}

// ---- the trie ----

/** Folded code of text[i] if it is below 256 (every keyword character is), else -1. */
function foldedAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xc0) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c <= 0xde) return c === 0xd7 ? c : c + 32;
  return c <= 0xff ? c : -1;
}

// [A-Za-z0-9\u00C0-\u024F] below U+0250 (beyond it, isWordOrDigit asks the RegExp).
const WORD_OR_DIGIT = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++)
  WORD_OR_DIGIT[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0 ? 1 : 0;

interface Terminal {
  list: number;
  priority: number;
  ahead: string[] | null;
}

/**
 * Several keyword lists in one trie. A scan of a window answers, for every list at once, what its
 * RegExp's global scan over text.slice(lo, hi) would: the end of the last match (scanLast) or the
 * start of the first one (scanFirst). One pass over the window instead of one regex run per list.
 */
export class KeywordIndex {
  readonly lists: readonly (readonly string[])[];
  // Trie over folded char codes, flat: trans[node * width + alpha[c]] is the child (0: none; the
  // root is never a child). terms[node]: literals ending there, by list then priority (within a
  // list, the first one the regex would accept wins), or null.
  private readonly alpha = new Int16Array(256).fill(-1);
  private readonly width: number;
  private readonly trans: Int32Array;
  private readonly terms: (Terminal[] | null)[];
  /** 1 for folded characters some keyword starts with: a cheap filter on word starts. */
  private readonly first = new Uint8Array(256);
  // Per-scan scratch: best priority and end per list at the current start position.
  private readonly bestPriority: Int32Array;
  private readonly bestEnd: Int32Array;

  constructor(lists: readonly (readonly string[])[]) {
    this.lists = lists;
    const lits: { lit: Literal; list: number; priority: number }[] = [];
    let width = 0;
    lists.forEach((list, li) => {
      let priority = 0;
      for (const alt of list) {
        for (const lit of expand(alt)) {
          if (lit.chars.length === 0) throw new Error(`empty keyword in ${alt}`);
          for (let k = 0; k < lit.chars.length; k++) {
            const c = lit.chars.charCodeAt(k);
            if (c > 255) throw new Error(`keyword character beyond U+00FF in ${alt}`);
            if (this.alpha[c] < 0) this.alpha[c] = width++;
          }
          this.first[lit.chars.charCodeAt(0)] = 1;
          lits.push({ lit, list: li, priority: priority++ });
        }
      }
    });
    this.width = width;
    const children: number[][] = [[]];
    const terms: (Terminal[] | null)[] = [null];
    for (const { lit, list, priority } of lits) {
      let node = 0;
      for (let k = 0; k < lit.chars.length; k++) {
        const a = this.alpha[lit.chars.charCodeAt(k)];
        let n = children[node][a];
        if (n === undefined) {
          n = children.length;
          children.push([]);
          terms.push(null);
          children[node][a] = n;
        }
        node = n;
      }
      (terms[node] ??= []).push({ list, priority, ahead: lit.ahead });
    }
    this.trans = new Int32Array(children.length * width);
    children.forEach((row, node) => row.forEach((n, a) => (this.trans[node * width + a] = n)));
    this.terms = terms;
    this.bestPriority = new Int32Array(lists.length);
    this.bestEnd = new Int32Array(lists.length);
  }

  /**
   * Walks the trie from p (a word start) within text[.., hi); sets bestEnd[l] to the end of the
   * keyword list l's regex would match at p, or -1. Returns true if any list matched.
   */
  private matchAt(text: string, p: number, hi: number): boolean {
    const alpha = this.alpha;
    const trans = this.trans;
    const terms = this.terms;
    const width = this.width;
    const bestPriority = this.bestPriority;
    const bestEnd = this.bestEnd;
    for (let l = 0; l < bestEnd.length; l++) bestEnd[l] = -1;
    let any = false;
    let node = 0;
    for (let q = p; q < hi;) {
      const c = foldedAt(text, q);
      if (c < 0) break;
      const a = alpha[c];
      if (a < 0) break;
      node = trans[node * width + a];
      if (node === 0) break;
      q++;
      const ts = terms[node];
      if (ts === null) continue;
      // Right boundary: not followed by a letter (the window's end counts as one, as in a slice).
      if (q < hi && isWord(text.charCodeAt(q), text, q)) continue;
      for (let k = 0; k < ts.length; k++) {
        const t = ts[k];
        if (bestEnd[t.list] >= 0 && t.priority > bestPriority[t.list]) continue;
        if (t.ahead === null || aheadMatches(text, q, hi, t.ahead)) {
          bestEnd[t.list] = q;
          bestPriority[t.list] = t.priority;
          any = true;
        }
      }
    }
    return any;
  }

  /**
   * out[l] = end offset (absolute) of the last match of list l in text[lo, hi), or -1: the regex's
   * global scan, which resumes at the end of each match (so each list skips start positions
   * inside its own previous match only).
   */
  scanLast(text: string, lo: number, hi: number, out: Int32Array): void {
    const n = this.lists.length;
    for (let l = 0; l < n; l++) out[l] = -1; // (TypedArray fill is a slow runtime call)
    let prevWord = false;
    for (let p = lo; p < hi; p++) {
      const c = text.charCodeAt(p);
      const startable =
        !prevWord &&
        c <= 0xff &&
        this.first[c < 0xc0 ? (c >= 65 && c <= 90 ? c + 32 : c) : c <= 0xde && c !== 0xd7 ? c + 32 : c] === 1;
      prevWord = c < 0x250 ? WORD_OR_DIGIT[c] === 1 : WORD_OR_DIGIT_I.test(text[p]);
      if (!startable || !this.matchAt(text, p, hi)) continue;
      for (let l = 0; l < n; l++) {
        const e = this.bestEnd[l];
        // A list resumes after its previous match: a start inside it does not count for that list.
        if (e >= 0 && p >= out[l]) out[l] = e;
      }
    }
  }

  /** out[l] = start offset (absolute) of the first match of list l in text[lo, hi), or -1. */
  scanFirst(text: string, lo: number, hi: number, out: Int32Array): void {
    const n = this.lists.length;
    for (let l = 0; l < n; l++) out[l] = -1; // (TypedArray fill is a slow runtime call)
    let missing = n;
    let prevWord = false;
    for (let p = lo; p < hi && missing > 0; p++) {
      const c = text.charCodeAt(p);
      const startable =
        !prevWord &&
        c <= 0xff &&
        this.first[c < 0xc0 ? (c >= 65 && c <= 90 ? c + 32 : c) : c <= 0xde && c !== 0xd7 ? c + 32 : c] === 1;
      prevWord = c < 0x250 ? WORD_OR_DIGIT[c] === 1 : WORD_OR_DIGIT_I.test(text[p]);
      if (!startable || !this.matchAt(text, p, hi)) continue;
      for (let l = 0; l < n; l++) {
        if (out[l] < 0 && this.bestEnd[l] >= 0) {
          out[l] = p;
          missing--;
        }
      }
    }
  }
}

function aheadMatches(text: string, q: number, hi: number, ahead: readonly string[]): boolean {
  for (const a of ahead) {
    if (q + a.length > hi) continue;
    let k = 0;
    while (k < a.length && foldedAt(text, q + k) === a.charCodeAt(k)) k++;
    if (k === a.length) return true;
  }
  return false;
}

/** The RegExp a keyword list stands for (global, case-insensitive, Latin word boundaries). */
export function keywordRegExp(list: readonly string[]): RegExp {
  return new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F])(?:${list.join('|')})(?![A-Za-z\\u00C0-\\u024F])`, 'gi');
}
