// Phone numbers: international (+CC / 00CC, any country) and national formats of the configured
// regions, validated against libphonenumber-js "max" metadata. The numeric-run grammar plus shape
// rules (dates, IPs, versions) and context words keep ids, prices and tracking numbers out.
// Validation goes through phone-numbering.ts (the same verdicts as libphonenumber-js, with the
// metadata compiled once per country), so cost does not depend on numbers repeating; there is no
// verdict cache any more. libphonenumber-js itself is only called for the rare cases the replica
// declines (non-geographic calling codes, unknown regions).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import { classifyContext, Ctx, Kw } from './context.util.js';
import { nationalLengths, phoneVerdict, PhoneVerdict } from './phone-numbering.js';
import type { Span } from './credit-card.detector.js';
import { groupOuterEnd, groupOuterStart, NumericRun } from './numeric-run.scanner.js';

const enum Verdict {
  None = 0,
  Possible = 1,
  Valid = 2,
}

function international(e164: string): Verdict {
  const fast = phoneVerdict(e164);
  if (fast !== undefined) return fast as number as Verdict;
  const p = parsePhoneNumberFromString(e164);
  if (!p) return Verdict.None;
  return p.isValid() ? Verdict.Valid : p.isPossible() ? Verdict.Possible : Verdict.None;
}

// National (trunk) prefix per region, e.g. "0" for FR/GB/DE, "1" for US, none for IT/ES.
const trunkCache = new Map<string, string>();
function trunkPrefix(region: string): string {
  let t = trunkCache.get(region);
  if (t === undefined) {
    const entry = (metadata as unknown as { countries: Record<string, unknown[]> }).countries[region];
    t = entry && typeof entry[5] === 'string' ? entry[5] : '';
    trunkCache.set(region, t);
  }
  return t;
}

const nanpCache = new Map<string, boolean>();
function nanp(region: string): boolean {
  let v = nanpCache.get(region);
  if (v === undefined) {
    const entry = (metadata as unknown as { countries: Record<string, unknown[]> }).countries[region];
    v = !!entry && entry[0] === '1' && entry[1] === '011';
    nanpCache.set(region, v);
  }
  return v;
}

// Per regions list (the default list, or the one of the last call): trunk prefix, NANP flag and the
// usual written length (trunk + longest national number, e.g. 10 for FR, 11 for GB).
let infoFor: readonly string[] | null = null;
let infoTrunk: string[] = [];
let infoNanp: boolean[] = [];
let infoLen: number[] = [];

/** One region: Valid or None (see national). */
function nationalIn(digits: string, first: number, k: number, r: string): boolean {
  // libphonenumber tolerates a missing trunk prefix ("98765432" as DE); written chat numbers do not.
  const trunk = infoTrunk[k];
  if (trunk.length === 1 && trunk !== '1' && first !== trunk.charCodeAt(0)) return false;
  // North American plans (calling code 1, trunk "1"): national numbers have 10 digits starting
  // with 2-9 (after an optional trunk 1); a leading 0 can only be valid as the IDD prefix "011".
  // Otherwise at most "1" (calling code) and "1" (trunk) come off before a 10-digit national number.
  // Without a leading "1" nothing comes off: only 10 digits (or 7, local numbers) can be valid.
  // phone.detector.spec.ts checks these shortcuts against libphonenumber-js.
  if (
    infoNanp[k] &&
    (first === 48
      ? !digits.startsWith('011')
      : first === 49
        ? digits.length > 12
        : digits.length !== 10 && digits.length !== 7)
  )
    return false;
  const fast = phoneVerdict(digits, r);
  if (fast !== undefined) return fast === PhoneVerdict.Valid;
  const p = parsePhoneNumberFromString(digits, r as CountryCode);
  // A national number must stay national: "0033..." is handled as international, not as FR.
  return !!p && p.isValid();
}

function national(digits: string, regions: readonly string[]): Verdict {
  if (infoFor !== regions) {
    infoTrunk = regions.map(trunkPrefix);
    infoNanp = regions.map(nanp);
    infoLen = regions.map((r, k) => {
      const l = nationalLengths(r);
      return l && l.length > 0 ? infoTrunk[k].length + l[l.length - 1] : -1;
    });
    infoFor = regions;
  }
  const first = digits.charCodeAt(0);
  const n = digits.length;
  // The verdict is Valid if any region says so, in any order: regions whose usual length matches
  // go first (a French 10-digit number is not tried as British first), then the others.
  for (let k = 0; k < regions.length; k++)
    if (infoLen[k] === n && nationalIn(digits, first, k, regions[k])) return Verdict.Valid;
  for (let k = 0; k < regions.length; k++)
    if (infoLen[k] !== n && nationalIn(digits, first, k, regions[k])) return Verdict.Valid;
  return Verdict.None;
}

/** Group g is a year 19xx/20xx (groups hold digits only). */
function isYear(text: string, run: NumericRun, g: number): boolean {
  const s = run.groupStart[g];
  if (run.groupEnd[g] - s !== 4) return false;
  const a = text.charCodeAt(s);
  const b = text.charCodeAt(s + 1);
  return (a === 49 && b === 57) || (a === 50 && b === 48);
}
function looksLikeDateOrIp(text: string, run: NumericRun, a: number, b: number, plus: boolean): boolean {
  const n = b - a;
  const len = (g: number): number => run.groupEnd[g] - run.groupStart[g];
  let dots = 0;
  for (let g = a + 1; g < b; g++) if (run.sep[g] === '.') dots++;
  if (dots > 0) {
    if (n === 4 && len(a) <= 3 && len(a + 1) <= 3 && len(a + 2) <= 3 && len(a + 3) <= 3) return true; // IPv4
    // Versions, decimals; not "+1.415.555.2671", whose single digit is a country code.
    if (!plus) for (let g = a; g < b; g++) if (len(g) === 1) return true;
  }
  // yyyy-mm-dd / dd.mm.yyyy (optionally followed by a time group).
  for (let g = a; g + 2 < b; g++) {
    if (run.sep[g + 1] !== run.sep[g + 2] || run.sep[g + 1] === ' ') continue;
    if (
      (isYear(text, run, g) && len(g + 1) <= 2 && len(g + 2) <= 2) ||
      (isYear(text, run, g + 2) && len(g) <= 2 && len(g + 1) <= 2)
    )
      return true;
  }
  return false;
}

/** Evaluates groups [a, b) of a run as one phone number. */
function acceptPhone(text: string, run: NumericRun, a: number, b: number, regions: readonly string[]): Span | null {
  const plus = run.plus && a === 0;
  // Counts first, on indices: most group windows fail here and need no digit string at all.
  let nd = 0;
  // "1 2 3 4 5 6 7": a phone has at most one single-digit group (a country code or "6" in "+33 6 ...").
  let singles = 0;
  for (let g = a; g < b; g++) {
    const len = run.groupEnd[g] - run.groupStart[g];
    if (run.paren[g]) {
      // "+44 (0)20 ...": the parenthesised trunk prefix is not dialled from abroad.
      if (len === 1 && g > a && text.charCodeAt(run.groupStart[g]) === 48) continue;
    } else if (len === 1 && ++singles > 1) return null;
    nd += len;
  }
  if (nd < 7 || nd > 17) return null;
  let digits = '';
  let separated = false;
  for (let g = a; g < b; g++) {
    if (run.paren[g] && g > a && run.groupEnd[g] - run.groupStart[g] === 1 && text.charCodeAt(run.groupStart[g]) === 48)
      continue;
    digits += text.slice(run.groupStart[g], run.groupEnd[g]);
    if (g > a || run.paren[g]) separated = true;
  }
  if (b - a > 1 && looksLikeDateOrIp(text, run, a, b, plus)) return null;

  let verdict: Verdict;
  let kind: 'plus' | 'idd' | 'national';
  if (plus) {
    kind = 'plus';
    if (nd > 15) return null;
    verdict = international('+' + digits);
  } else if (digits.charCodeAt(0) === 48 && digits.charCodeAt(1) === 48) {
    // "0033 6 12..." — 00 is the international call prefix in FR/GB/DE and most of the world.
    if (digits.charCodeAt(2) === 48 || nd - 2 > 15) return null;
    kind = 'idd';
    const e164 = '+' + digits.slice(2);
    verdict = international(e164);
  } else {
    kind = 'national';
    verdict = national(digits, regions);
  }
  if (verdict === Verdict.None) return null;

  const start = plus ? run.start : groupOuterStart(run, a);
  const end = groupOuterEnd(run, b - 1);
  const ctx = classifyContext(text, start, end, Kw.Phone);
  if (ctx === Ctx.Negative) return null;
  if (kind === 'plus') return { start, end };
  if (verdict !== Verdict.Valid) return kind === 'idd' && ctx === Ctx.Positive ? { start, end } : null;
  if (kind === 'idd') return { start, end };
  // Unseparated, no trunk "0" (e.g. US "4155552671"): as likely an id as a phone, want a phone word.
  if (!separated && digits.charCodeAt(0) !== 48 && ctx !== Ctx.Positive && ctx !== Ctx.Weak) return null;
  return { start, end };
}

export function detectPhonesInRun(
  text: string,
  run: NumericRun,
  regions: readonly string[],
  out: (s: Span) => void,
): void {
  if (run.digitCount < 7) return;
  const groups = run.groups;
  const whole = acceptPhone(text, run, 0, groups, regions);
  if (whole) {
    out(whole);
    return;
  }
  // Two numbers written back to back ("06 12 34 56 78 07 98 76 54 32"): split only if every piece is a phone.
  if (groups > 24) return;
  // A piece needs at least 7 digits: fewer than 14 cannot make two of them.
  if (run.digitCount < 14) return;
  const pieces: Span[] = [];
  failedFrom = 0;
  if (partition(text, run, 0, groups, regions, pieces)) for (const p of pieces) out(p);
}

// Bit g set: groups [g, groups) were already found not to split into phones (groups <= 24), so the
// backtracking evaluates each window (a, b) at most once instead of once per path reaching a.
let failedFrom = 0;

/** Backtracking split of groups [a, groups) into phones; pieces are pushed in order on success. */
function partition(
  text: string,
  run: NumericRun,
  a: number,
  groups: number,
  regions: readonly string[],
  pieces: Span[],
): boolean {
  if (a === groups) return true;
  if (failedFrom & (1 << a)) return false;
  for (let b = groups; b > a; b--) {
    if (a === 0 && b === groups) continue;
    const found = acceptPhone(text, run, a, b, regions);
    if (!found) continue;
    pieces.push(found);
    if (partition(text, run, b, groups, regions, pieces)) return true;
    pieces.pop();
  }
  failedFrom |= 1 << a;
  return false;
}
