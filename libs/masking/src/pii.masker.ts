// Masking: replaces each detected span in place; text outside spans is copied untouched.
import { DetectedEntity, MaskOptions, MaskResult } from './masking.types.js';
import { detect } from './pii.detector.js';

const isWs = (c: number): boolean =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 160 ||
  c === 0x202f ||
  c === 0x2007 ||
  c === 0x2009 ||
  c === 0x3000;

/** Whitespace removed, everything but the last four digits replaced by "*". */
export function maskNumber(value: string): string {
  // Index of the 4th digit from the end (or of the first digit when fewer): digits from there are kept.
  let keepFrom = value.length;
  for (let i = value.length - 1, k = 0; i >= 0 && k < 4; i--) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      keepFrom = i;
      k++;
    }
  }
  let out = '';
  let stars = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isWs(c)) continue;
    if (i >= keepFrom && c >= 48 && c <= 57) {
      if (stars > 0) {
        out += '*'.repeat(stars);
        stars = 0;
      }
      out += value[i];
    } else stars++;
  }
  return stars > 0 ? out + '*'.repeat(stars) : out;
}

/** First character of the local part and the whole domain kept: "melissa@gmail.com" -> "m******@gmail.com". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 1) return value;
  // Array.from keeps astral/accented characters whole.
  const local = Array.from(value.slice(0, at));
  return local[0] + '*'.repeat(local.length - 1) + value.slice(at);
}

export function maskEntity(e: DetectedEntity): string {
  return e.type === 'EMAIL' ? maskEmail(e.value) : maskNumber(e.value);
}

export function mask(text: string, options?: MaskOptions): MaskResult {
  const entities = detect(text, options);
  if (entities.length === 0) return { text, entities };
  let out = '';
  let last = 0;
  for (const e of entities) {
    out += text.slice(last, e.start) + maskEntity(e);
    last = e.end;
  }
  out += text.slice(last);
  // Masking must be idempotent (a masked text shown again is shown the same). A card inside a longer
  // run of digits ("SSN 536228726- 4111 1111 1111 1111") hides its neighbour from the run-level
  // detectors; once the card is asterisks, the neighbour stands alone and is found. One more pass on
  // the masked text finds it now, so it is masked the first time (entities stay the first pass's).
  const again = detect(out, options);
  if (again.length === 0) return { text: out, entities };
  let second = '';
  last = 0;
  for (const e of again) {
    second += out.slice(last, e.start) + maskEntity(e);
    last = e.end;
  }
  return { text: second + out.slice(last), entities };
}
