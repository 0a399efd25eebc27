// Email addresses: dot-atom local part (letters incl. accented, digits, ._%+-), dotted domain, letter TLD.
// "*" is deliberately not a local-part character so a masked address ("m******@x.com") is not re-detected.
import type { Span } from './credit-card.detector.js';

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+\-@])(?!(?<=\*)\p{N})[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}*])/gu;

// "logo@2x.png" is an asset name, not an address: file extensions are not (used) TLDs.
const FILE_EXT = new Set(
  'png jpg jpeg gif svg webp bmp ico tif tiff heic pdf txt log js ts css scss html htm json xml yml yaml csv doc docx xls xlsx ppt pptx exe dll'.split(' '),
);

export function detectEmails(text: string, out: (s: Span) => void): void {
  EMAIL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL_RE.exec(text)) !== null) {
    const v = m[0];
    if (FILE_EXT.has(v.slice(v.lastIndexOf('.') + 1).toLowerCase())) continue;
    out({ start: m.index, end: m.index + v.length });
  }
}
