// Fast, allocation-light replica of what `parsePhoneNumberFromString(x[, region]).isValid()/isPossible()`
// computes for a plain digit string ("+" + digits, or national digits with a default region).
//
// libphonenumber-js re-creates every metadata RegExp (`new RegExp('^(?:' + p + ')$')`) and several
// wrapper objects on each call, which costs 5-20 µs per candidate; here each numbering plan is
// compiled once (lazily, per country / calling code, never per text) and validation is a handful of
// pre-compiled regex tests. The steps mirror libphonenumber-js 1.x `parse()` exactly (IDD stripping,
// calling code extraction, national prefix for parsing + transform rule, country disambiguation for
// shared calling codes, type patterns); `phone-numbering.spec.ts` checks verdict equality against
// the library on large random samples. Anything unusual returns `undefined` so the caller can fall
// back to libphonenumber-js itself.
import { Metadata } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/max/metadata';
import { DigitDfa, digitDfa } from './digit-dfa.js';

export const enum PhoneVerdict {
  None = 0,
  Possible = 1,
  Valid = 2,
}

interface TypeRule {
  re: RegExp;
  lengths: number[] | undefined;
  source: string;
}

interface Plan {
  callingCode: string;
  /** `^(?:national_prefix_for_parsing)`, or null. */
  npfp: RegExp | null;
  transform: string | undefined;
  /** `^(?:general national number pattern)$` */
  general: RegExp;
  lengths: number[] | undefined;
  /** `^(?:leading digits)` for countries sharing a calling code, or null. */
  leading: RegExp | null;
  hasTypes: boolean;
  fixed: TypeRule | null;
  /** MOBILE type present but with an empty pattern (libphonenumber: FIXED_LINE_OR_MOBILE). */
  others: TypeRule[];
  /** `^(?:IDD prefix)` or null. */
  idd: RegExp | null;
  nonGeographic: boolean;
  /** Last hasNumberType question and answer for this plan (asked twice per verdict: country choice, then validity). */
  memoNn: string;
  memoType: boolean;
  /** `fixed` (if any) then `others`: the type rules in DFA bit order. */
  types: TypeRule[];
  /**
   * One DFA for the general pattern (bit 0) and `types` (bit i + 1 for types[i]), so a number is
   * checked against all of them in one walk; null if a pattern is outside the DFA's syntax.
   */
  dfa: DigitDfa | null;
  /** Prefix DFA for `leading` (bit 0), or null. */
  leadingDfa: DigitDfa | null;
}

const NON_FIXED = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

const json = metadataJson as unknown as MetadataJson;
const meta = new Metadata(json) as unknown as {
  selectNumberingPlan(key: string): void;
  numberingPlan: {
    callingCode(): string;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    leadingDigits(): string | undefined;
    hasTypes(): boolean;
    type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
    IDDPrefix(): string | undefined;
  };
  hasCallingCode(cc: string): boolean;
  hasCountry(c: string): boolean;
  getCountryCodesForCallingCode(cc: string): string[] | undefined;
  isNonGeographicCallingCode(cc: string): boolean;
};

// Bounded by the metadata itself (~250 countries + ~10 non-geographic codes).
const plans = new Map<string, Plan | null>();
const isCallingCodeKey = (k: string): boolean => k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57;

function compile(key: string): Plan | null {
  try {
    if (isCallingCodeKey(key) ? !meta.hasCallingCode(key) : !meta.hasCountry(key)) return null;
    meta.selectNumberingPlan(key);
  } catch {
    return null;
  }
  const np = meta.numberingPlan;
  const rule = (t: string): TypeRule | null => {
    const def = np.type(t);
    if (!def || !def.pattern()) return null;
    return { re: new RegExp('^(?:' + def.pattern() + ')$'), lengths: def.possibleLengths(), source: def.pattern() };
  };
  const npfp = np.nationalPrefixForParsing();
  const leading = np.leadingDigits();
  const idd = np.IDDPrefix();
  const hasTypes = np.hasTypes();
  const others: TypeRule[] = [];
  let fixed: TypeRule | null = null;
  if (hasTypes) {
    fixed = rule('FIXED_LINE');
    for (const t of NON_FIXED) {
      const r = rule(t);
      if (r) others.push(r);
    }
  }
  const general = np.nationalNumberPattern();
  return {
    callingCode: np.callingCode(),
    npfp: npfp ? new RegExp('^(?:' + npfp + ')') : null,
    transform: np.nationalPrefixTransformRule(),
    general: new RegExp('^(?:' + general + ')$'),
    lengths: np.possibleLengths(),
    leading: leading ? new RegExp('^(?:' + leading + ')') : null,
    hasTypes,
    fixed,
    others,
    idd: idd ? new RegExp('^(?:' + idd + ')') : null,
    nonGeographic: isCallingCodeKey(key) && meta.isNonGeographicCallingCode(key),
    memoNn: '',
    memoType: false,
    types: fixed ? [fixed, ...others] : others,
    dfa: digitDfa([general, ...(fixed ? [fixed.source] : []), ...others.map((r) => r.source)]),
    leadingDfa: leading ? digitDfa([leading]) : null,
  };
}

function plan(key: string): Plan | null {
  let p = plans.get(key);
  if (p === undefined) {
    p = compile(key);
    plans.set(key, p);
  }
  return p;
}

// Per calling code: the plans of the countries sharing it, in metadata order, and a combined
// leading-digits regex for the tail of that list made only of countries with leading digits (so a
// miss on it skips testing them one by one; a hit falls back to the ordered loop).
interface CallingCode {
  countries: string[] | null;
  plans: (Plan | null)[];
  tailFrom: number;
  tailLeading: RegExp | null;
  /** Prefix DFA of tailLeading, or null. */
  tailDfa: DigitDfa | null;
  nonGeographic: boolean;
  main: Plan | null;
}
const callingCodes = new Map<string, CallingCode | null>();
// HAS_CC[k][v] === 1 when the (k+1)-digit string of v (zero-padded) is a calling code in the metadata
// (meta.hasCallingCode), so "+digits" is split without slicing candidate prefixes. Built once.
const HAS_CC: Uint8Array[] = [1, 2, 3].map((len) => {
  const t = new Uint8Array(10 ** len);
  for (let v = 0; v < t.length; v++) if (meta.hasCallingCode(String(v).padStart(len, '0'))) t[v] = 1;
  return t;
});
function callingCode(cc: string): CallingCode | null {
  let c = callingCodes.get(cc);
  if (c === undefined) {
    if (!meta.hasCallingCode(cc)) c = null;
    else {
      const countries = meta.getCountryCodesForCallingCode(cc) ?? null;
      const ps = countries ? countries.map((k) => plan(k)) : [];
      let tailFrom = ps.length;
      while (tailFrom > 0 && ps[tailFrom - 1] !== null && ps[tailFrom - 1]!.leading !== null) tailFrom--;
      const tail = ps.slice(tailFrom).map((p) => p!.leading!.source.slice(1));
      c = {
        countries,
        plans: ps,
        tailFrom,
        tailLeading: tail.length > 1 ? new RegExp('^(?:' + tail.join('|') + ')') : null,
        tailDfa: tail.length > 1 ? digitDfa([tail.join('|')]) : null,
        nonGeographic: meta.isNonGeographicCallingCode(cc),
        main: plan(cc),
      };
    }
    callingCodes.set(cc, c);
  }
  return c;
}

const typeMatches = (nn: string, r: TypeRule | null): boolean =>
  r !== null && (r.lengths === undefined || r.lengths.indexOf(nn.length) >= 0) && r.re.test(nn);

/** `^(?:general pattern)$`.test(nn), through the plan's DFA when it has one. */
function generalMatches(p: Plan, nn: string): boolean {
  const m = p.dfa === null ? undefined : p.dfa.match(nn);
  return m === undefined ? p.general.test(nn) : (m & 1) !== 0;
}

/** `^(?:leading digits)`.test(nn) for a plan with leading digits. */
function leadingMatches(p: Plan, nn: string): boolean {
  const m = p.leadingDfa === null ? undefined : p.leadingDfa.prefixMask(nn);
  return m === undefined ? p.leading!.test(nn) : m !== 0;
}

function tailMatches(info: CallingCode, nn: string): boolean {
  const m = info.tailDfa === null ? undefined : info.tailDfa.prefixMask(nn);
  return m === undefined ? info.tailLeading!.test(nn) : m !== 0;
}

/** getNumberType(...) !== undefined */
function hasNumberType(nn: string, p: Plan): boolean {
  if (nn === p.memoNn && nn !== '') return p.memoType;
  p.memoNn = nn;
  return (p.memoType = hasNumberTypeUncached(nn, p));
}

function hasNumberTypeUncached(nn: string, p: Plan): boolean {
  const m = p.dfa === null ? undefined : p.dfa.match(nn);
  if (m !== undefined) {
    if ((m & 1) === 0) return false;
    const types = p.types;
    for (let i = 0; i < types.length; i++) {
      const r = types[i];
      if ((m & (2 << i)) !== 0 && (r.lengths === undefined || r.lengths.indexOf(nn.length) >= 0)) return true;
    }
    return false;
  }
  if (!p.general.test(nn)) return false;
  if (typeMatches(nn, p.fixed)) return true;
  for (let i = 0; i < p.others.length; i++) if (typeMatches(nn, p.others[i])) return true;
  return false;
}

/** checkNumberLength() for a plan's possible lengths. */
function lengthCheck(
  nn: string,
  lengths: number[] | undefined,
): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  if (!lengths) return 'IS_POSSIBLE';
  const n = nn.length;
  if (lengths[0] === n) return 'IS_POSSIBLE';
  if (lengths[0] > n) return 'TOO_SHORT';
  if (lengths[lengths.length - 1] < n) return 'TOO_LONG';
  return lengths.indexOf(n, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

// One-entry memo: a verdict asks the same (calling code, national number) question twice in a row
// (national-prefix check, then country selection). Reset by every phoneVerdict call.
let memoCc = '';
let memoNn = '';
let memoCountry: string | undefined;
function countryByCallingCode(cc: string, nn: string): string | undefined {
  if (cc === memoCc && nn === memoNn) return memoCountry;
  memoCc = cc;
  memoNn = nn;
  return (memoCountry = countryByCallingCodeUncached(cc, nn));
}

function countryByCallingCodeUncached(cc: string, nn: string): string | undefined {
  const info = callingCode(cc);
  const list = info === null ? null : info.countries;
  if (info === null || list === null) return undefined;
  if (list.length === 1) return list[0];
  for (let i = 0; i < list.length; i++) {
    if (i === info.tailFrom && info.tailLeading !== null && !(nn && tailMatches(info, nn))) return undefined;
    const p = info.plans[i];
    if (p === null) continue;
    if (p.leading !== null) {
      if (nn && leadingMatches(p, nn)) return list[i];
    } else if (hasNumberType(nn, p)) return list[i];
  }
  return undefined;
}

function stripNationalPrefix(number: string, p: Plan): string {
  if (!number || p.npfp === null) return number;
  const m = p.npfp.exec(number);
  if (m === null) return number;
  const groups = m.length - 1;
  const captured = groups > 0 && m[groups];
  if (p.transform && captured) return number.replace(p.npfp, p.transform);
  return number.slice(m[0].length);
}

/** extractNationalNumber(number, undefined, metadata with plan `p` selected). */
function extractNationalNumber(number: string, p: Plan): string {
  const nn = stripNationalPrefix(number, p);
  if (nn === number) return number;
  if (generalMatches(p, number) && !generalMatches(p, nn)) return number;
  if (p.lengths) {
    const c = countryByCallingCode(p.callingCode, nn);
    const lengths = c !== undefined ? plan(c)?.lengths : p.lengths;
    const r = lengthCheck(nn, lengths);
    if (r === 'TOO_SHORT' || r === 'INVALID_LENGTH') return number;
  }
  return nn;
}

/** Possible national number lengths of a region (metadata), or undefined. */
export function nationalLengths(region: string): readonly number[] | undefined {
  return plan(region)?.lengths;
}

/**
 * Verdict of libphonenumber-js for "+digits" (no region) or national digits with `region`, or
 * `undefined` when this replica does not handle the case (caller falls back to the library).
 */
export function phoneVerdict(input: string, region?: string): PhoneVerdict | undefined {
  if (input.length > 250) return undefined;
  memoCc = '';
  let number: string | undefined = input;
  let cc: string | undefined;
  let country: string | undefined;
  let p: Plan | null = null;
  let regionPlan: Plan | null = null;
  if (region !== undefined) {
    regionPlan = plan(region);
    if (regionPlan === null) return undefined; // unknown region: the library ignores it, keep its behaviour
  }

  if (number.charCodeAt(0) !== 43 /* + */) {
    let international = false;
    if (regionPlan !== null && regionPlan.idd !== null) {
      const m = regionPlan.idd.exec(number);
      if (m !== null) {
        const rest = number.slice(m[0].length);
        if (rest && rest.charCodeAt(0) !== 48 && rest !== number) {
          number = '+' + rest;
          international = true;
        }
      }
    }
    if (!international) {
      if (regionPlan !== null && number.startsWith(regionPlan.callingCode)) {
        // Number written with its calling code but without "+" ("1 800 ..." in the US).
        const shorter = number.slice(regionPlan.callingCode.length);
        const nnShort = extractNationalNumber(shorter, regionPlan);
        const nnFull = extractNationalNumber(number, regionPlan);
        if (
          (!generalMatches(regionPlan, nnFull) && generalMatches(regionPlan, nnShort)) ||
          lengthCheck(nnFull, regionPlan.lengths) === 'TOO_LONG'
        ) {
          cc = regionPlan.callingCode;
          number = shorter;
        }
      }
    }
  }
  if (cc === undefined && number.charCodeAt(0) === 43) {
    if (number.charCodeAt(1) === 48) return PhoneVerdict.None;
    // Same search as slicing 1-3 digits and asking callingCode(), on integers (see HAS_CC).
    let v = 0;
    for (let i = 2; i - 1 <= 3 && i <= number.length; i++) {
      const d = number.charCodeAt(i - 1) - 48;
      if (d < 0 || d > 9) break; // not a calling code; callingCode() would say null too
      v = v * 10 + d;
      if (HAS_CC[i - 2][v] === 1) {
        cc = number.slice(1, i);
        number = number.slice(i);
        break;
      }
    }
    if (cc === undefined) return PhoneVerdict.None;
  }

  if (cc !== undefined) {
    const info = callingCode(cc);
    if (info === null || info.nonGeographic) return undefined;
    p = info.main;
  } else if (number && regionPlan !== null) {
    country = region;
    p = regionPlan;
    cc = regionPlan.callingCode;
  } else return PhoneVerdict.None;
  if (p === null) return undefined;
  if (!number) return PhoneVerdict.None;

  const nn = extractNationalNumber(number, p);
  const exact = countryByCallingCode(cc, nn);
  if (exact !== undefined) country = exact;
  if (nn.length < 2 || nn.length > 17) return PhoneVerdict.None;

  const sel = plan(country ?? cc);
  if (sel === null) return undefined;
  const valid = sel.hasTypes ? hasNumberType(nn, sel) : generalMatches(sel, nn);
  if (valid) return PhoneVerdict.Valid;
  if (!sel.lengths) return undefined;
  return sel.lengths.indexOf(nn.length) >= 0 ? PhoneVerdict.Possible : PhoneVerdict.None;
}
