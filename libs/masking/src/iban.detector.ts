// IBANs of every country, compact or printed in groups, validated against ibantools' country table
// (country length, BBAN format, national check function, mod-97 check digits), which makes false
// positives about 1 in 97 * format odds.
//
// ibantools' isValidIBAN re-creates the BBAN RegExp and several strings on every call (3-5 µs per
// candidate); its table is compiled here once instead (see isValidIbanCompact, which
// iban.detector.spec.ts checks against isValidIBAN on random samples).
import { countrySpecs } from 'ibantools';
import type { Span } from './credit-card.detector.js';

interface IbanSpec {
  chars: number;
  bban: RegExp;
  check: ((bban: string) => boolean) | undefined;
}
// ibantools' French (FR, MC) RIB key check maps letters to digits through arrays and strings and
// computes mod 97 by 6-digit chunks; the same arithmetic on char codes (the BBAN format was already
// checked, so it is [0-9A-Z] only). iban.detector.spec.ts compares both on random RIBs with letters.
const FRENCH_CHECK = countrySpecs.FR?.bban_validation_func;
// A,J->1 B,K,S->2 C,L,T->3 D,M,U->4 E,N,V->5 F,O,W->6 G,P,X->7 H,Q,Y->8 I,R,Z->9
const FRENCH_LETTER = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9];
function frenchCheck(bban: string): boolean {
  let r = 0;
  for (let i = 0; i < bban.length; i++) {
    const c = bban.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 90) d = FRENCH_LETTER[c - 65];
    else return FRENCH_CHECK!(bban); // anything else: let ibantools decide
    r = (r * 10 + d) % 97;
  }
  return r === 0;
}

// Indexed by the two country-code letters: (c1 - 65) * 26 + (c2 - 65), upper case.
const SPECS: (IbanSpec | undefined)[] = new Array(26 * 26).fill(undefined);
for (const [cc, spec] of Object.entries(countrySpecs)) {
  if (!/^[A-Z]{2}$/.test(cc) || !spec.chars || !spec.bban_regexp) continue;
  SPECS[(cc.charCodeAt(0) - 65) * 26 + cc.charCodeAt(1) - 65] = {
    chars: spec.chars,
    bban: new RegExp(spec.bban_regexp),
    check: spec.bban_validation_func === FRENCH_CHECK ? frenchCheck : spec.bban_validation_func,
  };
}
/** Letter index 0-25 of an ASCII letter (any case), or -1. */
function letter(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  return -1;
}
function specAt(text: string, i: number): IbanSpec | undefined {
  const a = letter(text.charCodeAt(i));
  const b = letter(text.charCodeAt(i + 1));
  return a < 0 || b < 0 ? undefined : SPECS[a * 26 + b];
}

// Two letters + two check digits, then up to 34 alphanumerics with optional single spaces/dashes.
const IBAN_RE = /(?<![A-Za-z0-9\u00C0-\u024F])[A-Za-z]{2}\d{2}(?:[ \u00A0\u202F-]?[A-Za-z0-9]){10,34}/y;
const ALNUM_RE = /[A-Za-z0-9]/;

/** ISO 13616 mod-97 check on a compact IBAN (any case), without allocating: a cheap gate before ibantools. */
function mod97(iban: string): boolean {
  let r = 0;
  const n = iban.length;
  for (let k = 0; k < n; k++) {
    const i = k + 4 < n ? k + 4 : k + 4 - n; // rearranged: BBAN first, then country + check digits
    let c = iban.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else {
      if (c >= 97) c -= 32;
      if (c < 65 || c > 90) return false;
      r = (r * 100 + (c - 55)) % 97;
    }
  }
  return r === 1;
}

/**
 * Same verdict as ibantools' isValidIBAN(compact.toUpperCase()) for a compact IBAN (letters and
 * digits only, any case, two digits at 2-3).
 */
export function isValidIbanCompact(compact: string): boolean {
  const spec = specAt(compact, 0);
  if (spec === undefined || compact.length !== spec.chars) return false;
  const c2 = compact.charCodeAt(2) - 48;
  const c3 = compact.charCodeAt(3) - 48;
  if (c2 < 0 || c2 > 9 || c3 < 0 || c3 > 9) return false;
  // ibantools compares 98 - (mod 97 of BBAN + country + "00") with the check digits: mod97() === 1
  // plus check digits in 02..98 is the same condition (01, 00 and 99 are its mod-97 aliases).
  const check = c2 * 10 + c3;
  if (check < 2 || check > 98 || !mod97(compact)) return false;
  const bban = compact.slice(4).toUpperCase();
  return spec.bban.test(bban) && (spec.check === undefined || spec.check(bban));
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Leftmost position >= from of two ASCII letters followed by two digits (what /[A-Za-z]{2}\d\d/g
 * would find), or -1: a cheap necessary condition for IBAN_RE, found by looking for digit pairs.
 */
function nextHead(text: string, from: number): number {
  const n = text.length;
  for (let i = from + 2; i + 1 < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 57 || c < 48) continue;
    if (
      isDigit(text.charCodeAt(i + 1)) &&
      isAsciiLetter(text.charCodeAt(i - 1)) &&
      isAsciiLetter(text.charCodeAt(i - 2))
    )
      return i - 2;
  }
  return -1;
}
/** [A-Za-z0-9\u00C0-\u024F]: IBAN_RE's look-behind class. */
const isBoundaryChar = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || (c >= 0xc0 && c <= 0x24f);

export function detectIbans(text: string, out: (s: Span) => void): void {
  // Equivalent to running IBAN_RE globally: the leftmost position where the head matches, the
  // look-behind holds and the whole pattern matches (sticky, at that position).
  let from = 0;
  for (;;) {
    const at = nextHead(text, from);
    if (at < 0) return;
    from = at + 1;
    if (at > 0 && isBoundaryChar(text.charCodeAt(at - 1))) continue;
    const spec = specAt(text, at);
    // No country spec: the global regex would match here and then move on by one character too.
    if (spec === undefined) continue;
    IBAN_RE.lastIndex = at;
    const m = IBAN_RE.exec(text);
    if (m === null) continue;
    const raw = m[0];
    const want = spec.chars;
    // Take exactly the country's length; the IBAN must end at a token boundary.
    // Built from whole separator-free pieces (usually the 4-character groups), not char by char.
    let compact = '';
    let count = 0;
    let piece = 0;
    let i = 0;
    for (; i < raw.length && count < want; i++) {
      const ch = raw.charCodeAt(i);
      if ((ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) count++;
      else {
        if (i > piece) compact += raw.slice(piece, i);
        piece = i + 1;
      }
    }
    if (i > piece) compact = piece === 0 ? raw.slice(0, i) : compact + raw.slice(piece, i);
    const endIdx = at + i;
    if (count === want && !ALNUM_RE.test(text.charAt(endIdx)) && isValidIbanCompact(compact)) {
      out({ start: at, end: endIdx });
      from = endIdx;
    }
    // Otherwise the greedy match may have swallowed the start of a real IBAN ("ab12 FR76 ..."): retry just after.
  }
}
