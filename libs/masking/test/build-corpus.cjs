// Builds corpus.json from corpus.source.txt. Expected masked text is computed here from the
// annotations with its own tiny masking routine (independent of the library under test).
// Run: node libs/masking/test/build-corpus.cjs
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ANN = /\{\{(CREDIT_CARD|IBAN|US_SSN|EMAIL|PHONE)\|([^}]+)\}\}/g;
function maskValue(type, v) {
  if (type === 'EMAIL') {
    const at = v.lastIndexOf('@');
    const local = [...v.slice(0, at)];
    return local[0] + '*'.repeat(local.length - 1) + v.slice(at);
  }
  const chars = [...v.replace(/\s/g, '')];
  let keep = 4;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (keep > 0 && /[0-9]/.test(chars[i])) keep--;
    else chars[i] = '*';
  }
  return chars.join('');
}

const src = fs.readFileSync(path.join(__dirname, 'corpus.source.txt'), 'utf8');
const items = [];
for (const line of src.split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const m = /^(en|fr)\| (.*)$/.exec(line);
  if (!m) throw new Error('bad line: ' + line);
  const [, lang, body] = m;
  const types = [];
  const entities = [];
  let text = '';
  let expected = '';
  let last = 0;
  for (const a of body.matchAll(ANN)) {
    const plain = body.slice(last, a.index);
    text += plain;
    expected += plain;
    entities.push({ type: a[1], start: text.length, end: text.length + a[2].length, value: a[2] });
    text += a[2];
    expected += maskValue(a[1], a[2]);
    types.push(a[1]);
    last = a.index + a[0].length;
  }
  text += body.slice(last);
  expected += body.slice(last);
  // "mixed": has PII and other digits outside it (order ids, dates, prices) that must stay.
  const outside = entities.reduceRight((t, e) => t.slice(0, e.start) + t.slice(e.end), text);
  const kind = types.length === 0 ? 'negative' : /\d/.test(outside) ? 'mixed' : 'positive';
  items.push({ lang, kind, text, expected, types, entities });
}
fs.writeFileSync(path.join(__dirname, 'corpus.json'), JSON.stringify(items, null, 1) + '\n');
const count = (f) => items.filter(f).length;
console.log(
  `${items.length} lines: ${count((i) => i.kind === 'positive')} positive, ${count((i) => i.kind === 'mixed')} mixed, ${count((i) => i.kind === 'negative')} negative; EN ${count((i) => i.lang === 'en')}, FR ${count((i) => i.lang === 'fr')}`,
);
