// Entry point of detection: runs the enabled detectors and resolves overlaps. Pure and synchronous.
import { forgetContext } from './context.util.js';
import { detectCardsInRun, Span } from './credit-card.detector.js';
import { detectEmails, detectMaskedEmails } from './email.detector.js';
import { detectIbans } from './iban.detector.js';
import { DEFAULT_REGIONS, DetectedEntity, DetectOptions, EntityType } from './masking.types.js';
import { NumericRun, scanRuns } from './numeric-run.scanner.js';
import { detectPhonesInRun } from './phone.detector.js';
import { detectSsnInRun } from './ssn.detector.js';

// Lower wins on overlap: the more self-validating a format, the higher its priority.
const PRIORITY: Record<EntityType, number> = { EMAIL: 0, IBAN: 1, CREDIT_CARD: 2, US_SSN: 3, PHONE: 4 };

type Candidate = DetectedEntity;

function resolveOverlaps(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  cands.sort((x, y) => x.start - y.start || y.end - x.end);
  // Sweep clusters of transitively overlapping candidates; only inside a cluster does priority matter.
  const kept: Candidate[] = [];
  let i = 0;
  while (i < cands.length) {
    let j = i + 1;
    let end = cands[i].end;
    while (j < cands.length && cands[j].start < end) {
      if (cands[j].end > end) end = cands[j].end;
      j++;
    }
    if (j - i === 1) kept.push(cands[i]);
    else {
      const ranked = cands
        .slice(i, j)
        .sort(
          (x, y) => PRIORITY[x.type] - PRIORITY[y.type] || y.end - y.start - (x.end - x.start) || x.start - y.start,
        );
      const local: Candidate[] = [];
      for (const c of ranked) if (!local.some((k) => c.start < k.end && k.start < c.end)) local.push(c);
      local.sort((x, y) => x.start - y.start);
      for (const c of local) kept.push(c);
    }
    i = j;
  }
  return kept;
}

// Detector callbacks are module-level functions writing to `cands` (set by detect, which is
// synchronous and not re-entered), so a call allocates no closures; a candidate already is the
// DetectedEntity it may become, its value filled in only if it survives overlap resolution.
let cands: Candidate[] = [];
const pushEmail = (s: Span): void => {
  cands.push({ type: 'EMAIL', start: s.start, end: s.end, value: '' });
};
const pushIban = (s: Span): void => {
  cands.push({ type: 'IBAN', start: s.start, end: s.end, value: '' });
};
const pushCard = (s: Span): void => {
  cands.push({ type: 'CREDIT_CARD', start: s.start, end: s.end, value: '' });
};
const pushSsn = (s: Span): void => {
  cands.push({ type: 'US_SSN', start: s.start, end: s.end, value: '' });
};
const pushPhone = (s: Span): void => {
  cands.push({ type: 'PHONE', start: s.start, end: s.end, value: '' });
};

// Per-call state of the run visitor (see detect).
let vText = '';
let vRegions: readonly string[] = DEFAULT_REGIONS;
let vCard = false;
let vSsn = false;
let vPhone = false;
let vIbanFrom = 0;
let vEarly = 0;
let vIbanTo = 0;
let ip = 0; // first IBAN not wholly before the run
let ep = 0; // first email not wholly before the run
let jp = 0; // same for IBANs, used for the card shortcut

// Runs arrive left to right: forward-only cursors keep the span checks linear in the text.
function visitRun(run: NumericRun): void {
  if (run.digitCount < 7) return;
  const text = vText;
  while (ip < vIbanTo && cands[ip].end <= run.start) ip++;
  if (ip < vIbanTo && run.start >= cands[ip].start && run.end <= cands[ip].end) return;
  if (vCard) {
    const before = cands.length;
    detectCardsInRun(text, run, pushCard);
    // A card covering the whole run, overlapped by no email/IBAN, outranks anything else the run
    // could yield (SSN, phone): skip those detectors, the result is the same.
    if (cands.length > before && cands[before].start === run.start && cands[before].end === run.end) {
      while (ep < vIbanFrom && cands[ep].end <= run.start) ep++;
      while (jp < vEarly && cands[jp].end <= run.start) jp++;
      const hit = (ep < vIbanFrom && cands[ep].start < run.end) || (jp < vEarly && cands[jp].start < run.end);
      if (!hit) return;
    }
  }
  if (vSsn) detectSsnInRun(text, run, pushSsn);
  if (vPhone) detectPhonesInRun(text, run, vRegions, pushPhone);
}

/** The text with found[0..count) replaced by spaces (same length, so offsets stay valid). */
/** The text numbers read their context from: addresses (found or already masked) blanked out. */
function contextText(text: string, found: readonly Candidate[], emails: number): string {
  const masked: Candidate[] = [];
  if (text.indexOf('*@') >= 0)
    detectMaskedEmails(text, (s) => void masked.push({ type: 'EMAIL', start: s.start, end: s.end, value: '' }));
  if (!masked.length) return emails > 0 ? blankSpans(text, found, emails) : text;
  const spans = [...found.slice(0, emails), ...masked].sort((a, b) => a.start - b.start);
  return blankSpans(text, spans, spans.length);
}

function blankSpans(text: string, spans: readonly Candidate[], count: number): string {
  let out = '';
  let last = 0;
  for (let k = 0; k < count; k++) {
    const start = Math.max(spans[k].start, last);
    if (spans[k].end <= start) continue;
    out += text.slice(last, start) + ' '.repeat(spans[k].end - start);
    last = spans[k].end;
  }
  return out + text.slice(last);
}

/** Index of the first ASCII digit, or -1 (a plain loop: cheaper than a regex call on chat-sized lines). */
function firstDigit(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 57 && c >= 48) return i;
  }
  return -1;
}

export function detect(text: string, options?: DetectOptions): DetectedEntity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const types = options?.types;
  const all = types === undefined;
  const regions =
    options?.regions && options.regions.length > 0 ? options.regions.map((r) => r.toUpperCase()) : DEFAULT_REGIONS;

  const found: Candidate[] = (cands = []);
  // Cheap pre-scans: most chat lines have no "@" and many no digit at all.
  if ((all || types.includes('EMAIL')) && text.indexOf('@') >= 0) detectEmails(text, pushEmail);
  const digit = firstDigit(text);
  if (digit >= 0) {
    // Runs lying wholly inside an IBAN can only yield candidates that the IBAN outranks: skip them.
    const ibanFrom = found.length;
    if (all || types.includes('IBAN')) detectIbans(text, pushIban);
    const early = found.length; // emails [0, ibanFrom) then IBANs [ibanFrom, early), each sorted
    // An email overlapping an IBAN could make the IBAN lose: then scan everything as before.
    let ibanTo = early;
    for (let k = 0, m = ibanFrom; k < ibanFrom && m < early;) {
      if (found[k].start < found[m].end && found[m].start < found[k].end) {
        ibanTo = ibanFrom;
        break;
      }
      if (found[k].end <= found[m].end) k++;
      else m++;
    }
    vCard = all || types.includes('CREDIT_CARD');
    vSsn = all || types.includes('US_SSN');
    vPhone = all || types.includes('PHONE');
    if (vCard || vSsn || vPhone) {
      // Number context (keywords such as "v2.3.1", "order") is never read from inside an email: masking
      // the email would remove it and a second pass would find the number (mask must be idempotent).
      vText = contextText(text, found, ibanFrom);
      vRegions = regions;
      vIbanFrom = ibanFrom;
      vEarly = early;
      vIbanTo = ibanTo;
      ip = ibanFrom;
      ep = 0;
      jp = ibanFrom;
      // A run can start at most two characters before its first digit ("+ 4...", "(4...").
      scanRuns(text, visitRun, digit > 2 ? digit - 2 : 0);
      vText = '';
      forgetContext();
    }
  }
  cands = [];
  const kept = resolveOverlaps(found);
  for (let k = 0; k < kept.length; k++) kept[k].value = text.slice(kept[k].start, kept[k].end);
  return kept;
}
