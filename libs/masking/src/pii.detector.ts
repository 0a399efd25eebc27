// Entry point of detection: runs the enabled detectors and resolves overlaps. Pure and synchronous.
import { detectCardsInRun, Span } from './credit-card.detector.js';
import { detectEmails } from './email.detector.js';
import { detectIbans } from './iban.detector.js';
import { DEFAULT_REGIONS, DetectedEntity, DetectOptions, EntityType } from './masking.types.js';
import { scanRuns } from './numeric-run.scanner.js';
import { detectPhonesInRun } from './phone.detector.js';
import { detectSsnInRun } from './ssn.detector.js';

// Lower wins on overlap: the more self-validating a format, the higher its priority.
const PRIORITY: Record<EntityType, number> = { EMAIL: 0, IBAN: 1, CREDIT_CARD: 2, US_SSN: 3, PHONE: 4 };
const DIGIT_RE = /\d/;

interface Candidate extends Span {
  type: EntityType;
}

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
      const ranked = cands.slice(i, j).sort((x, y) => PRIORITY[x.type] - PRIORITY[y.type] || y.end - y.start - (x.end - x.start) || x.start - y.start);
      const local: Candidate[] = [];
      for (const c of ranked) if (!local.some((k) => c.start < k.end && k.start < c.end)) local.push(c);
      local.sort((x, y) => x.start - y.start);
      for (const c of local) kept.push(c);
    }
    i = j;
  }
  return kept;
}

export function detect(text: string, options?: DetectOptions): DetectedEntity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const types = options?.types;
  const want = (t: EntityType): boolean => types === undefined || types.includes(t);
  const regions = options?.regions && options.regions.length > 0 ? options.regions.map((r) => r.toUpperCase()) : DEFAULT_REGIONS;

  const cands: Candidate[] = [];
  const push = (type: EntityType) => (s: Span) => {
    cands.push({ type, start: s.start, end: s.end });
  };
  // Cheap pre-scans: most chat lines have no "@" and many no digit at all.
  if (want('EMAIL') && text.indexOf('@') >= 0) detectEmails(text, push('EMAIL'));
  if (DIGIT_RE.test(text)) {
    // Runs lying wholly inside an IBAN can only yield candidates that the IBAN outranks: skip them.
    const ibanFrom = cands.length;
    if (want('IBAN')) detectIbans(text, push('IBAN'));
    const early = cands.length; // emails [0, ibanFrom) then IBANs [ibanFrom, early), each sorted
    // An email overlapping an IBAN could make the IBAN lose: then scan everything as before.
    let ibanTo = early;
    for (let k = 0, m = ibanFrom; k < ibanFrom && m < early; ) {
      if (cands[k].start < cands[m].end && cands[m].start < cands[k].end) {
        ibanTo = ibanFrom;
        break;
      }
      if (cands[k].end <= cands[m].end) k++;
      else m++;
    }
    const card = want('CREDIT_CARD');
    const ssn = want('US_SSN');
    const phone = want('PHONE');
    if (card || ssn || phone) {
      const pushCard = push('CREDIT_CARD');
      const pushSsn = push('US_SSN');
      const pushPhone = push('PHONE');
      // Runs arrive left to right: forward-only cursors keep the span checks linear in the text.
      let ip = ibanFrom; // first IBAN not wholly before the run
      let ep = 0; // first email not wholly before the run
      let jp = ibanFrom; // same for IBANs, used for the card shortcut
      scanRuns(text, (run) => {
        if (run.digitCount < 7) return;
        while (ip < ibanTo && cands[ip].end <= run.start) ip++;
        if (ip < ibanTo && run.start >= cands[ip].start && run.end <= cands[ip].end) return;
        if (card) {
          const before = cands.length;
          detectCardsInRun(text, run, pushCard);
          // A card covering the whole run, overlapped by no email/IBAN, outranks anything else the run
          // could yield (SSN, phone): skip those detectors, the result is the same.
          if (cands.length > before && cands[before].start === run.start && cands[before].end === run.end) {
            while (ep < ibanFrom && cands[ep].end <= run.start) ep++;
            while (jp < early && cands[jp].end <= run.start) jp++;
            const hit = (ep < ibanFrom && cands[ep].start < run.end) || (jp < early && cands[jp].start < run.end);
            if (!hit) return;
          }
        }
        if (ssn) detectSsnInRun(text, run, pushSsn);
        if (phone) detectPhonesInRun(text, run, regions, pushPhone);
      });
    }
  }
  return resolveOverlaps(cands).map((c) => ({ type: c.type, start: c.start, end: c.end, value: text.slice(c.start, c.end) }));
}
