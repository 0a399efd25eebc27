/**
 * Accuracy and speed of the embedded sentiment classifier (plugins/feature-sentiment) on the labelled
 * helpdesk set. Held-out split: every 5th English/French pair (ids 9-10, 19-20, ...), never looked at
 * while tuning the rules. Run: node -r ./scripts/register.cjs bench/sentiment/sentiment.bench.ts [--errors]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyEmbedded } from '../../plugins/feature-sentiment/src/embedded-classifier';

interface Labelled {
  id: number;
  lang: 'en' | 'fr';
  label: 'positive' | 'negative' | 'neutral';
  kind: string;
  text: string;
}
const LABELS = ['positive', 'negative', 'neutral'] as const;
const set = JSON.parse(readFileSync(join(__dirname, 'messages.json'), 'utf8')) as Labelled[];
const heldOut = (m: Labelled) => Math.floor((m.id - 1) / 2) % 5 === 4;
const showErrors = process.argv.includes('--errors');

const predictions = new Map<number, string>();
// Warm up, then time the whole set several times (language detection included: language null).
for (const m of set) classifyEmbedded([{ text: m.text, at: '', language: null }]);
const rounds = 20;
const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r++)
  for (const m of set) predictions.set(m.id, classifyEmbedded([{ text: m.text, at: '', language: null }]).label);
const micros = Number(process.hrtime.bigint() - started) / 1000 / (rounds * set.length);

function report(name: string, rows: Labelled[]) {
  const correct = rows.filter((m) => predictions.get(m.id) === m.label).length;
  const per = LABELS.map((label) => {
    const tp = rows.filter((m) => m.label === label && predictions.get(m.id) === label).length;
    const predicted = rows.filter((m) => predictions.get(m.id) === label).length;
    const actual = rows.filter((m) => m.label === label).length;
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    return { label, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, n: actual };
  });
  const macro = per.reduce((s, c) => s + c.f1, 0) / per.length;
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${name.padEnd(22)} n=${String(rows.length).padStart(3)}  accuracy ${f(correct / rows.length)}  macro-F1 ${f(macro)}  | ` +
      per.map((c) => `${c.label} P ${f(c.p)} R ${f(c.r)} F1 ${f(c.f1)} (n=${c.n})`).join('  '),
  );
}

for (const [split, filter] of [
  ['all', () => true],
  ['tuning', (m: Labelled) => !heldOut(m)],
  ['held-out', heldOut],
] as const) {
  const rows = set.filter(filter);
  report(`${split} / overall`, rows);
  report(
    `${split} / en`,
    rows.filter((m) => m.lang === 'en'),
  );
  report(
    `${split} / fr`,
    rows.filter((m) => m.lang === 'fr'),
  );
}
console.log(
  `classification time: ${micros.toFixed(1)} µs per message (${set.length} messages x ${rounds}, language detected)`,
);
if (showErrors)
  for (const m of set.filter((x) => !heldOut(x) && predictions.get(x.id) !== x.label))
    console.log(`  #${m.id} ${m.lang} ${m.kind} expected ${m.label} got ${predictions.get(m.id)}: ${m.text}`);
