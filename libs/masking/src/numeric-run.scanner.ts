// Splits text into "numeric runs": digit groups joined by single separators (space, NBSP, "-", ".",
// " - ") or parentheses, optionally led by "+". Card, SSN and phone detectors all work on runs, so the
// text is walked once with charCodeAt instead of running one regex per type.

export interface NumericRun {
  start: number;
  end: number;
  /** Run starts with "+" (international phone prefix). */
  plus: boolean;
  /** Digit group bounds in the original text (parentheses excluded). */
  groupStart: number[];
  groupEnd: number[];
  /** Group was written inside parentheses, e.g. "(415)" or "(0)". */
  paren: boolean[];
  /** Separator before group i (index 0 unused): ' ', '-', '.', or '' (glued to a parenthesis). */
  sep: string[];
  /** Number of digits in the run (the digits themselves are read on demand with groupDigits). */
  digitCount: number;
  /**
   * Number of groups: the arrays are reused between runs and never truncated, so entries at
   * `groups` and beyond are stale — always bound loops by this, never by the arrays' length.
   */
  groups: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isSpaceCode = (c: number): boolean => c === 32 || c === 160 || c === 0x202f || c === 0x2007 || c === 9;

const LETTER_RE = /\p{L}|\p{M}/u;
/** True for characters that glue a digit run into a larger token (letters, "_", "*", "@", digits). */
function isGlue(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c)) return true;
  // "*" keeps masked output ("****7514") from ever being re-detected; "@" belongs to emails.
  if (c === 42 || c === 95 || c === 64 || c === 38 /* & */) return true;
  return c >= 0xc0 && LETTER_RE.test(text[i]);
}

const isSepCode = (c: number): boolean => isSpaceCode(c) || c === 45 || c === 46;
// A run separated from masked output by one separator ("06 12 34 56 78 ****1111") was, before masking,
// part of a longer run; treating it as glued keeps mask() idempotent.
function starAfterSep(text: string, j: number): boolean {
  return j + 1 < text.length && isSepCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 42;
}
function starBehindSep(text: string, p: number): boolean {
  return p >= 1 && isSepCode(text.charCodeAt(p)) && text.charCodeAt(p - 1) === 42;
}

/** Reads one group at i: digits, or "(" digits ")". Returns the index after it, or -1. */
function readGroup(text: string, i: number, run: NumericRun, sep: string): number {
  const n = text.length;
  let paren = false;
  let j = i;
  if (text.charCodeAt(j) === 40 /* ( */) {
    paren = true;
    j++;
  }
  const ds = j;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  if (j === ds) return -1;
  if (paren) {
    if (j - ds > 4 || text.charCodeAt(j) !== 41 /* ) */) return -1;
  }
  const g = run.groups++;
  run.groupStart[g] = ds;
  run.groupEnd[g] = j;
  run.paren[g] = paren;
  run.sep[g] = sep;
  run.digitCount += j - ds;
  return paren ? j + 1 : j;
}

// readSep's result, in module state instead of a tuple: scanning allocates nothing per separator.
let sepKind = '';
let sepNext = -1;

/** Separator at i followed by another group: sets sepKind/sepNext and returns true, or false. */
function readSep(text: string, i: number): boolean {
  const n = text.length;
  let j = i;
  let sep = '';
  if (j < n && isSpaceCode(text.charCodeAt(j))) {
    sep = ' ';
    j++;
  }
  const c = j < n ? text.charCodeAt(j) : 0;
  if (c === 45 /* - */ || c === 46 /* . */ || c === 0x2010 || c === 0x2011 || c === 0x2013) {
    sep = c === 46 ? '.' : '-';
    j++;
    if (j < n && isSpaceCode(text.charCodeAt(j))) {
      // "… 0189. 4111 …": a full stop then a space ends a sentence, not a group (#13.4: the run swallowed the next number).
      if (c === 46) return false;
      j++;
    }
  }
  if (j >= n) return false;
  const d = text.charCodeAt(j);
  if ((isDigit(d) && sep !== '') || (d === 40 && j + 1 < n && isDigit(text.charCodeAt(j + 1)))) {
    sepKind = sep;
    sepNext = j;
    return true;
  }
  return false;
}

// One reusable run object: detectors never keep a reference, so scanning allocates almost nothing.
const shared: NumericRun = {
  start: 0,
  end: 0,
  plus: false,
  groupStart: [],
  groupEnd: [],
  paren: [],
  sep: [],
  digitCount: 0,
  groups: 0,
};

/**
 * Calls `visit` for each numeric run that is a free-standing token (not glued to letters, "*", "@"...).
 * The run object is reused between calls: copy anything you need to keep.
 */
export function scanRuns(text: string, visit: (run: NumericRun) => void, from = 0): void {
  const n = text.length;
  let i = from;
  while (i < n) {
    // Jump to the next digit, then look back for "+" / "(".
    let d = i;
    while (d < n && !isDigit(text.charCodeAt(d))) d++;
    if (d >= n) break;
    const b1 = d > i ? text.charCodeAt(d - 1) : 0;
    if (b1 === 40 /* ( */) d--;
    if (d > i && text.charCodeAt(d - 1) === 43 /* + */) d--;
    else if (b1 !== 40 && d - 2 >= i && isSpaceCode(b1) && text.charCodeAt(d - 2) === 43) d -= 2;
    i = d;
    const c = text.charCodeAt(i);
    const run = shared;
    run.start = i;
    run.end = i;
    run.plus = c === 43;
    run.groups = 0;
    run.digitCount = 0;
    let j = i;
    if (run.plus) {
      j++;
      if (isSpaceCode(text.charCodeAt(j))) j++;
    }
    j = readGroup(text, j, run, '');
    if (j < 0) {
      i++;
      continue;
    }
    for (;;) {
      // "(415)555" or "+44(0)20": a parenthesis needs no separator.
      const glued = text.charCodeAt(j) === 40 || (run.paren[run.groups - 1] && isDigit(text.charCodeAt(j)));
      if (glued) {
        sepKind = '';
        sepNext = j;
      } else if (!readSep(text, j)) break;
      const k = readGroup(text, sepNext, run, sepKind);
      if (k < 0) break;
      j = k;
    }
    run.end = j;
    const glueLeft =
      isGlue(text, i - 1) || (i > 0 && text.charCodeAt(i - 1) === 43) /* ++ */ || starBehindSep(text, i - 1);
    const glueRight = isGlue(text, j) || starAfterSep(text, j);
    if (!glueLeft && !glueRight) visit(run);
    // Skip the whole token so a glued tail ("1Z999AA10123456784") cannot start a run of its own.
    i = j;
    while (i < n && isGlue(text, i)) i++;
  }
}

/** Digits of groups [a, b) of a run. */
export function groupDigits(text: string, run: NumericRun, a: number, b: number): string {
  let s = '';
  for (let g = a; g < b; g++) s += text.slice(run.groupStart[g], run.groupEnd[g]);
  return s;
}

/** Text offset where group g starts, including its "(" if any. */
export function groupOuterStart(run: NumericRun, g: number): number {
  return run.paren[g] ? run.groupStart[g] - 1 : run.groupStart[g];
}

/** Text offset where group g ends, including its ")" if any. */
export function groupOuterEnd(run: NumericRun, g: number): number {
  return run.paren[g] ? run.groupEnd[g] + 1 : run.groupEnd[g];
}
