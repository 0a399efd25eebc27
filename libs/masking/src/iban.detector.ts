// IBANs of every country, compact or printed in groups, validated by ibantools (country length,
// BBAN format, mod-97 check digits), which makes false positives about 1 in 97 * format odds.
import { countrySpecs, isValidIBAN } from 'ibantools';
import type { Span } from './credit-card.detector.js';

// Two letters + two check digits, then up to 34 alphanumerics with optional single spaces/dashes.
const IBAN_RE = /(?<![A-Za-z0-9\u00C0-\u024F])[A-Za-z]{2}\d{2}(?:[ \u00A0\u202F-]?[A-Za-z0-9]){10,34}/g;
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

export function detectIbans(text: string, out: (s: Span) => void): void {
  IBAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RE.exec(text)) !== null) {
    const raw = m[0];
    const spec = countrySpecs[raw.slice(0, 2).toUpperCase()];
    const want = spec?.chars;
    let found = false;
    if (want) {
      // Take exactly the country's length; the IBAN must end at a token boundary.
      let compact = '';
      let i = 0;
      for (; i < raw.length && compact.length < want; i++) {
        const ch = raw[i];
        if (ALNUM_RE.test(ch)) compact += ch;
      }
      const endIdx = m.index + i;
      if (compact.length === want && !ALNUM_RE.test(text.charAt(endIdx)) && mod97(compact) && isValidIBAN(compact.toUpperCase())) {
        out({ start: m.index, end: endIdx });
        IBAN_RE.lastIndex = endIdx;
        found = true;
      }
    }
    // The greedy match may have swallowed the start of a real IBAN ("ab12 FR76 ..."): retry just after.
    if (!found) IBAN_RE.lastIndex = m.index + 1;
  }
}
