// Benchmark: @switchboard/masking vs redact-pii (SyncRedactor) on the annotated chat corpus.
// Run: node -r ./scripts/register.cjs bench/masking/masking.bench.ts   (not part of npm test)
//
// Scoring (span level, per type): gold spans come from corpus annotations. A predicted span counts as a
// true positive when it has the same type and overlaps at least half of a not-yet-matched gold span
// (i.e. the masked output hides it); any other prediction of that type is a false positive; unmatched
// gold spans are false negatives. redact-pii returns only text, so its spans are recovered by aligning
// the literal text between its placeholders (CREDIT_CARD_NUMBER, ...) with the original. Its types map
// CREDIT_CARD_NUMBER->CREDIT_CARD, EMAIL_ADDRESS->EMAIL, PHONE_NUMBER->PHONE,
// US_SOCIAL_SECURITY_NUMBER->US_SSN; it has no IBAN detector (recall 0). Its other placeholders
// (DIGITS, PERSON_NAME, ZIPCODE...) are not scored.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES, mask } from '@switchboard/masking';
import type { EntityType } from '@switchboard/masking';
import { setPhoneCacheEnabled } from '../../libs/masking/src/phone.detector.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SyncRedactor } = require('redact-pii');

interface Gold {
  type: EntityType;
  start: number;
  end: number;
}
interface Item {
  lang: string;
  kind: string;
  text: string;
  expected: string;
  entities: Gold[];
}
type Span = Gold;

const root = join(__dirname, '..', '..');
const corpus: Item[] = JSON.parse(readFileSync(join(root, 'libs/masking/test/corpus.json'), 'utf8'));
const redactor = new SyncRedactor();

const PLACEHOLDERS: Record<string, EntityType | null> = {
  CREDIT_CARD_NUMBER: 'CREDIT_CARD', EMAIL_ADDRESS: 'EMAIL', PHONE_NUMBER: 'PHONE', US_SOCIAL_SECURITY_NUMBER: 'US_SSN',
  DIGITS: null, PERSON_NAME: null, ZIPCODE: null, STREET_ADDRESS: null, IP_ADDRESS: null, URL: null,
  USERNAME: null, PASSWORD: null, CREDENTIALS: null,
};
const PH_RE = new RegExp(`(${Object.keys(PLACEHOLDERS).join('|')})`, 'g');

/** Recovers redact-pii's spans by locating the unchanged text between placeholders in the original. */
function redactPiiSpans(text: string): Span[] {
  const out = redactor.redact(text) as string;
  const parts = out.split(PH_RE); // literal, placeholder, literal, ...
  const spans: Span[] = [];
  let pos = parts[0].length;
  if (text.slice(0, pos) !== parts[0]) return spans;
  for (let i = 1; i < parts.length; i += 2) {
    const type = PLACEHOLDERS[parts[i]];
    const lit = parts[i + 1];
    let next = lit === '' ? (i + 2 < parts.length ? pos + 1 : text.length) : text.indexOf(lit, pos + 1);
    if (next < 0) next = text.length;
    if (type) spans.push({ type, start: pos, end: next });
    pos = next + lit.length;
  }
  return spans;
}

const ourSpans = (text: string): Span[] => mask(text).entities;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
function score(spansOf: (t: string) => Span[]): Record<EntityType, Counts> {
  const res = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, Counts>;
  for (const item of corpus) {
    const pred = spansOf(item.text);
    const used = new Set<Gold>();
    for (const p of pred) {
      const g = item.entities.find((g) => !used.has(g) && g.type === p.type && Math.min(p.end, g.end) - Math.max(p.start, g.start) >= (g.end - g.start) / 2);
      if (g) {
        used.add(g);
        res[p.type].tp++;
      } else res[p.type].fp++;
    }
    for (const g of item.entities) if (!used.has(g)) res[g.type].fn++;
  }
  return res;
}
const pr = (c: Counts) => ({
  precision: c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp),
  recall: c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn),
  ...c,
});

function throughput(fn: (t: string) => unknown, targetBytes: number): number {
  const lines = corpus.map((c) => c.text);
  const bytesPerPass = Buffer.byteLength(lines.join('\n'), 'utf8');
  const passes = Math.max(1, Math.ceil(targetBytes / bytesPerPass));
  for (let w = 0; w < 20; w++) for (const l of lines) fn(l); // warm-up (JIT)
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const l of lines) fn(l);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return (bytesPerPass * passes) / 1e6 / s;
}

function wholeStringThroughput(targetBytes: number): number {
  const chunk = corpus.map((c) => c.text).join('\n') + '\n';
  const big = chunk.repeat(Math.ceil(targetBytes / Buffer.byteLength(chunk)));
  for (let w = 0; w < 3; w++) mask(big.slice(0, 400_000));
  const t0 = process.hrtime.bigint();
  mask(big);
  return Buffer.byteLength(big) / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** 1,000-character messages assembled from shuffled corpus lines (deterministic PRNG). */
function messages(count: number): string[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const res: string[] = [];
  for (let i = 0; i < count; i++) {
    let m = '';
    while (m.length < 1000) m += corpus[Math.floor(rnd() * corpus.length)].text + ' ';
    res.push(m.slice(0, 1000));
  }
  return res;
}

function latency(fn: (t: string) => unknown, msgs: string[], rounds: number): { p50: number; p99: number; mean: number } {
  for (const m of msgs) fn(m);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const m of msgs) {
      const t0 = process.hrtime.bigint();
      fn(m);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p99: q(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

// ---- run ----
const ours = score(ourSpans);
const theirs = score(redactPiiSpans);
const msgs = messages(1000);
const MB = 4_000_000;

const oursTp = throughput((t) => mask(t), MB);
const oursWhole = wholeStringThroughput(MB);
const oursLat = latency((t) => mask(t), msgs, 5);
setPhoneCacheEnabled(false);
const oursTpCold = throughput((t) => mask(t), MB);
const oursLatCold = latency((t) => mask(t), msgs, 3);
setPhoneCacheEnabled(true);
const theirsTp = throughput((t) => redactor.redact(t), 400_000);
const theirsLat = latency((t) => redactor.redact(t), msgs.slice(0, 200), 1);

const pct = (x: number) => (x * 100).toFixed(1).padStart(6) + '%';
console.log(`corpus: ${corpus.length} lines (${corpus.filter((c) => c.kind === 'negative').length} negative, ${corpus.filter((c) => c.kind === 'mixed').length} mixed, ${corpus.filter((c) => c.kind === 'positive').length} positive)\n`);
console.log('type           | switchboard P / R       | redact-pii P / R        | gold');
for (const t of ENTITY_TYPES) {
  const a = pr(ours[t]);
  const b = pr(theirs[t]);
  console.log(`${t.padEnd(14)} | ${pct(a.precision)} / ${pct(a.recall)}     | ${pct(b.precision)} / ${pct(b.recall)}     | ${a.tp + a.fn}`);
}
const f = (x: number) => x.toFixed(3);
console.log(`\nthroughput (per message, corpus x ~4 MB): switchboard ${oursTp.toFixed(1)} MB/s (phone cache off: ${oursTpCold.toFixed(1)} MB/s), single 4 MB string ${oursWhole.toFixed(1)} MB/s; redact-pii ${theirsTp.toFixed(2)} MB/s`);
console.log(`latency 1,000-char message: switchboard p50 ${f(oursLat.p50)} ms, p99 ${f(oursLat.p99)} ms (cache off p50 ${f(oursLatCold.p50)}, p99 ${f(oursLatCold.p99)}); redact-pii p50 ${f(theirsLat.p50)} ms, p99 ${f(theirsLat.p99)} ms`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  corpus: { lines: corpus.length, negative: corpus.filter((c) => c.kind === 'negative').length, mixed: corpus.filter((c) => c.kind === 'mixed').length },
  matching: 'same type and overlap >= 50% of the gold span; one prediction per gold span',
  switchboard: {
    perType: Object.fromEntries(ENTITY_TYPES.map((t) => [t, pr(ours[t])])),
    throughputMBps: oursTp, throughputColdCacheMBps: oursTpCold, throughputSingleStringMBps: oursWhole,
    latency1kMs: oursLat, latency1kColdCacheMs: oursLatCold,
  },
  redactPii: {
    perType: Object.fromEntries(ENTITY_TYPES.map((t) => [t, pr(theirs[t])])),
    throughputMBps: theirsTp, latency1kMs: theirsLat,
  },
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/masking.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten bench/results/masking.json');
