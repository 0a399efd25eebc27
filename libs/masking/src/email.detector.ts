// Email addresses: dot-atom local part (letters incl. accented, digits, ._%+-), dotted domain, letter TLD.
// Work is anchored on "@" (found with indexOf), so text without addresses costs almost nothing.
// "*" is deliberately not a local-part character so a masked address ("m******@x.com") is not re-detected.
import type { Span } from './credit-card.detector.js';

const DOMAIN_RE = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}*])/uy;
const LOCAL_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

// "logo@2x.png" is an asset name, not an address: file extensions are not (used) TLDs.
const FILE_EXT = new Set(
  'png jpg jpeg gif svg webp bmp ico tif tiff heic pdf txt log js ts css scss html htm json xml yml yaml csv doc docx xls xlsx ppt pptx exe dll'.split(' '),
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
    const local = text.slice(s, at);
    const before = s > 0 ? text.charCodeAt(s - 1) : 0;
    const ok =
      local.length > 0 &&
      before !== 64 /* @ */ &&
      local.charCodeAt(0) !== 46 &&
      local.charCodeAt(local.length - 1) !== 46 &&
      local.indexOf('..') < 0 &&
      // Masked numbers end in digits: "****7542.melissa@x" must not turn into a new address.
      !(before === 42 && local.charCodeAt(0) >= 48 && local.charCodeAt(0) <= 57);
    let next = at + 1;
    if (ok) {
      DOMAIN_RE.lastIndex = at + 1;
      const m = DOMAIN_RE.exec(text);
      if (m !== null) {
        const d = m[0];
        const end = at + 1 + d.length;
        if (!FILE_EXT.has(d.slice(d.lastIndexOf('.') + 1).toLowerCase())) {
          out({ start: s, end });
          minStart = end;
          next = end;
        }
      }
    }
    at = text.indexOf('@', next);
  }
}
