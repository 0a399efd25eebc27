// Payment card numbers: 13-19 digits with a known network prefix/length and a valid Luhn checksum.
// Luhn alone is weak (1 in 10 random numbers pass), so the network table, the grouping shape and the
// surrounding words (IMEI, SIRET, order...) do most of the false-positive filtering.
import { classifyContext, Ctx, Kw } from './context.util.js';
import { luhnRange } from './luhn.util.js';
import { groupDigits, groupOuterEnd, groupOuterStart, NumericRun } from './numeric-run.scanner.js';

export interface Span {
  start: number;
  end: number;
}

// Leading digits of d[o...] as numbers (d holds ASCII digits).
const dg = (d: string, i: number): number => d.charCodeAt(i) - 48;

/** True when the prefix belongs to a card network that issues numbers of this length. */
export function isKnownNetwork(d: string): boolean {
  return knownNetworkAt(d, 0, d.length);
}

/** isKnownNetwork for the `len` digits starting at offset `o` of `d`, without a substring. */
function knownNetworkAt(d: string, o: number, len: number): boolean {
  const p2 = dg(d, o) * 10 + dg(d, o + 1);
  const p3 = p2 * 10 + dg(d, o + 2);
  const p4 = p3 * 10 + dg(d, o + 3);
  if (d.charCodeAt(o) === 52 /* 4: Visa */) return len === 13 || len === 16 || len === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // Amex
  // Maestro before Discover/UnionPay: its prefixes are more specific.
  if (
    p4 === 5018 ||
    p4 === 5020 ||
    p4 === 5038 ||
    p4 === 5893 ||
    p4 === 6304 ||
    p4 === 6759 ||
    (p4 >= 6761 && p4 <= 6763)
  ) {
    return len === 13 || len >= 16;
  }
  // Wider Maestro IIN ranges (50xx, 56-58), incl. French CB/Maestro co-badged cards.
  if (p2 === 50 || (p2 >= 56 && p2 <= 58)) return len === 13 || len >= 16;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) return len >= 16; // Discover
  if (len >= 16) {
    const p6 = p4 * 100 + dg(d, o + 4) * 10 + dg(d, o + 5);
    if (p6 >= 622126 && p6 <= 622925) return true; // Discover co-branded UnionPay
  }
  if (p2 === 62 || p2 === 81) return len >= 16; // UnionPay
  if (p4 >= 3528 && p4 <= 3589) return len >= 16; // JCB
  // Diners: 14 digits (classic) or 16/19 (Mastercard-routed); 15 is left out to spare IMEIs.
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39)
    return len === 14 || len === 16 || len === 19;
  return false;
}

/** Accepts "4-4-4-4", "4-6-5", "4-6-4", "4-4-4-4-3"... and rejects SIRET-like "3-3-3-5" groupings. */
function cardLikeGrouping(run: NumericRun, a: number, b: number): boolean {
  if (b - a === 1) return true;
  const sep = run.sep[a + 1];
  if (sep !== ' ' && sep !== '-') return false;
  for (let g = a; g < b; g++) {
    if (run.paren[g]) return false;
    if (g > a && run.sep[g] !== sep) return false;
    const len = run.groupEnd[g] - run.groupStart[g];
    if (g === a ? len !== 4 : g < b - 1 ? len < 4 || len > 6 : len > 6) return false;
  }
  return true;
}

// Per-run digit string and group offsets into it, so windows of groups are checked without building
// one string per window.
const offsets: number[] = [];

/** isKnownNetwork + Luhn on digits[from, to) without a substring. */
function validWindow(digits: string, from: number, to: number): boolean {
  return knownNetworkAt(digits, from, to - from) && luhnRange(digits, from, to);
}

export function detectCardsInRun(text: string, run: NumericRun, out: (s: Span) => void): void {
  if (run.plus || run.digitCount < 13) return;
  const groups = run.groups;
  const digits = groupDigits(text, run, 0, groups);
  offsets.length = 0;
  for (let g = 0, o = 0; g <= groups; g++) {
    offsets.push(o);
    if (g < groups) o += run.groupEnd[g] - run.groupStart[g];
  }
  // Longest valid window of whole groups, scanning left to right; windows never split a group.
  for (let a = 0; a < groups; a++) {
    let best = -1;
    let len = 0;
    for (let b = a + 1; b <= groups; b++) {
      len += run.groupEnd[b - 1] - run.groupStart[b - 1];
      if (len > 19) break;
      if (len < 13) continue;
      if (validWindow(digits, offsets[a], offsets[b]) && cardLikeGrouping(run, a, b)) best = b;
    }
    if (best < 0) continue;
    const start = groupOuterStart(run, a);
    const end = groupOuterEnd(run, best - 1);
    const ctx = classifyContext(text, start, end, Kw.Card);
    if (ctx === Ctx.Negative) continue;
    // Bare 14-digit numbers are far more often SIRETs than Diners cards: want a card word.
    if (end - start === 14 && best - a === 1 && ctx !== Ctx.Positive) continue;
    out({ start, end });
    a = best - 1;
  }
}
