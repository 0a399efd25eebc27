// Non-repeating bench text: corpus lines whose digits (and the letters of annotated PII: IBAN BBANs,
// email local parts and domains) are replaced by random ones of the same shape, from a seeded PRNG, so
// every pass is new text and no verdict cache can be hit by repetition. Words without digits
// (the context keywords) are kept, so the context logic is exercised as on real text.
//
// Annotated PII is re-rolled until an independent validator accepts it again (Luhn + network prefix
// kept for cards, ibantools for IBANs, issued ranges for SSNs, libphonenumber-js for phones), so the
// random text keeps a realistic share of valid entities and gold spans keep their offsets.
import { composeIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export interface ShapedItem {
  text: string;
  entities: { type: string; start: number; end: number }[];
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';

/** Same shape: digit -> digit, A-Z -> A-Z, a-z -> a-z; `keepDigits` leading digits left alone. */
function reshape(s: string, rnd: () => number, keepDigits = 0, letters = true): string {
  let out = '';
  let seen = 0;
  for (const c of s) {
    if (isDigit(c)) {
      out += seen++ < keepDigits ? c : String.fromCharCode(48 + Math.floor(rnd() * 10));
    } else if (letters && isUpper(c)) out += String.fromCharCode(65 + Math.floor(rnd() * 26));
    else if (letters && isLower(c)) out += String.fromCharCode(97 + Math.floor(rnd() * 26));
    else out += c;
  }
  return out;
}

function luhnOk(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let x = d.charCodeAt(i) - 48;
    if (dbl && (x *= 2) > 9) x -= 9;
    sum += x;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

function validSsn(d: string): boolean {
  const area = +d.slice(0, 3);
  return area !== 0 && area !== 666 && area < 900 && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

function phoneOk(v: string): boolean {
  const compact = v.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
  const e164 = compact.startsWith('+') ? compact : compact.startsWith('00') ? '+' + compact.slice(2) : null;
  if (e164) return parsePhoneNumberFromString(e164)?.isValid() ?? false;
  return (['US', 'GB', 'FR', 'DE'] as CountryCode[]).some(
    (r) => parsePhoneNumberFromString(compact, r)?.isValid() ?? false,
  );
}

function rerollEntity(type: string, v: string, rnd: () => number): string {
  for (let attempt = 0; attempt < 4000; attempt++) {
    switch (type) {
      case 'CREDIT_CARD': {
        const r = reshape(v, rnd, 2);
        if (luhnOk(r.replace(/\D/g, ''))) return r;
        break;
      }
      case 'IBAN': {
        // Keep the country, shape the BBAN, recompute the check digits.
        const bbanShape = v.slice(4);
        const r = reshape(bbanShape, rnd);
        const compact = r.replace(/[\s-]/g, '');
        const iban = composeIBAN({ countryCode: v.slice(0, 2).toUpperCase(), bban: compact.toUpperCase() });
        if (iban && isValidIBAN(iban)) {
          const lower = v.slice(0, 2) !== v.slice(0, 2).toUpperCase();
          const check = iban.slice(2, 4);
          const bban = lower ? r.toLowerCase() : r.replace(/[a-z]/g, (c) => c.toUpperCase());
          return v.slice(0, 2) + check + bban;
        }
        break;
      }
      case 'US_SSN': {
        const r = reshape(v, rnd);
        if (validSsn(r.replace(/\D/g, ''))) return r;
        break;
      }
      case 'PHONE': {
        // Keep the country code / area or mobile prefix so the number stays plausible.
        const r = reshape(v, rnd, v.trimStart().startsWith('+') || v.startsWith('00') ? 4 : 3);
        if (phoneOk(r)) return r;
        break;
      }
      case 'EMAIL': {
        const dot = v.lastIndexOf('.');
        return reshape(v.slice(0, dot), rnd) + v.slice(dot); // TLD kept
      }
    }
  }
  return v;
}

/** Randomises one line (outside annotated spans: only the digits of tokens that contain one). */
export function shapeRandom(item: ShapedItem, rnd: () => number): ShapedItem {
  const { text, entities } = item;
  let out = '';
  let last = 0;
  // Outside PII the first digit of each group is kept (and "19"/"20" of years), so dates, IPs,
  // prices and ids keep their look; everything else in the token is new.
  const plain = (s: string): string =>
    s.replace(/[^\s]+/g, (tok) => {
      if (!/\d/.test(tok)) return tok;
      return tok.replace(/\d+|[^\d]+/g, (part) => {
        if (!isDigit(part[0])) return part; // keywords glued to ids ("v2.3.1", "INV-", "#") stay
        const keep = part.length === 4 && /^(?:19|20)/.test(part) ? 2 : 1;
        return reshape(part, rnd, keep);
      });
    });
  for (const e of entities) {
    out += plain(text.slice(last, e.start));
    out += rerollEntity(e.type, text.slice(e.start, e.end), rnd);
    last = e.end;
  }
  out += plain(text.slice(last));
  return { text: out, entities };
}
