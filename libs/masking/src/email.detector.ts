// Email addresses: dot-atom local part (letters incl. accented, digits, ._%+-), dotted domain, letter TLD.
// Work is anchored on "@" (found with indexOf), so text without addresses costs almost nothing.
// "*" is deliberately not a local-part character so a masked address ("m******@x.com") is not re-detected.
import type { Span } from './credit-card.detector.js';

const DOMAIN_RE =
  /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}*])/uy;
const LOCAL_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const TLD_RE = /^\p{L}{2,24}$/u;

// "logo@2x.png" is an asset name, not an address: file extensions are not (used) TLDs.
const FILE_EXT = new Set(
  'png jpg jpeg gif svg webp bmp ico tif tiff heic pdf txt log js ts css scss html htm json xml yml yaml csv doc docx xls xlsx ppt pptx exe dll'.split(
    ' ',
  ),
);

function isLocalChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c === 95 || c === 37 || c === 43 || c === 45) return true; // _ % + -
  return c >= 0xc0 && LOCAL_CHAR_RE.test(text[i]);
}

export function detectEmails(text: string, out: (s: Span) => void): void {
  let at = text.indexOf('@');
  let minStart = 0; // never start inside a previous address
  while (at >= 0) {
    // Walk left over the dot-atom local part.
    let s = at;
    while (s > minStart && (isLocalChar(text, s - 1) || text.charCodeAt(s - 1) === 46)) s--;
    // Local part text[s, at), checked on indices (no substring).
    const before = s > 0 ? text.charCodeAt(s - 1) : 0;
    const first = text.charCodeAt(s);
    let ok =
      at > s &&
      before !== 64 /* @ */ &&
      first !== 46 &&
      text.charCodeAt(at - 1) !== 46 &&
      // Masked numbers end in digits: "****7542.melissa@x" must not turn into a new address.
      !(before === 42 && first >= 48 && first <= 57);
    for (let k = s + 1; ok && k < at; k++) if (text.charCodeAt(k) === 46 && text.charCodeAt(k - 1) === 46) ok = false; // ".."
    let next = at + 1;
    if (ok) {
      // test() on the sticky regex moves lastIndex to the end of the domain without allocating a match.
      DOMAIN_RE.lastIndex = at + 1;
      if (DOMAIN_RE.test(text)) {
        let end = DOMAIN_RE.lastIndex;
        let dot = text.lastIndexOf('.', end - 1);
        if (FILE_EXT.has(text.slice(dot + 1, end).toLowerCase())) {
          // "statement bob@example.com.pdf" (#13.3: an address in a file name): the address is what is
          // left before the extension, when that is still a dotted domain; "logo@2x.png" is not.
          end = dot;
          dot = text.lastIndexOf('.', end - 1);
          const tld = text.slice(dot + 1, end);
          if (dot <= at || !TLD_RE.test(tld) || FILE_EXT.has(tld.toLowerCase())) end = -1;
        }
        if (end > 0) {
          out({ start: s, end });
          minStart = end;
          next = end;
        }
      }
    }
    at = text.indexOf('@', next);
  }
}

/**
 * Addresses as maskEmail leaves them ("m******@gmail.com"): no longer PII, but their text is no
 * number context either. Pass 1 never reads context inside an address; without this, pass 2 would
 * read it from the masked address ("m******@gmail.com.SSN 536228726" would gain an SSN).
 */
export function detectMaskedEmails(text: string, out: (s: Span) => void): void {
  let at = text.indexOf('@');
  while (at >= 0) {
    let s = at;
    while (s > 1 && text.charCodeAt(s - 1) === 42 /* * */) s--;
    if (s < at && s >= 1) {
      DOMAIN_RE.lastIndex = at + 1;
      if (DOMAIN_RE.test(text)) out({ start: s - 1, end: DOMAIN_RE.lastIndex });
    }
    at = text.indexOf('@', at + 1);
  }
}
