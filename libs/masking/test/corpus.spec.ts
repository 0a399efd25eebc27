import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect, mask } from '../src/index.js';
import type { EntityType } from '../src/index.js';

interface CorpusItem {
  lang: 'en' | 'fr';
  kind: 'positive' | 'mixed' | 'negative';
  text: string;
  expected: string;
  types: EntityType[];
}

// corpus.json is generated from corpus.source.txt by build-corpus.cjs (expected text from annotations).
const corpus: CorpusItem[] = JSON.parse(readFileSync(join(__dirname, 'corpus.json'), 'utf8'));

describe('chat corpus', () => {
  it('is big and varied enough', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const hard = corpus.filter((c) => c.kind !== 'positive').length;
    expect(hard / corpus.length).toBeGreaterThanOrEqual(0.4);
    expect(corpus.some((c) => c.lang === 'fr')).toBe(true);
  });

  it.each(corpus.map((c) => [c.text, c] as const))('masks %s', (_text, item) => {
    const result = mask(item.text);
    expect(result.text).toBe(item.expected);
    expect(result.entities.map((e) => e.type)).toEqual(item.types);
    // Idempotent on every line.
    expect(mask(result.text).text).toBe(result.text);
  });

  it('reports original offsets and values', () => {
    for (const item of corpus) {
      for (const e of detect(item.text)) expect(item.text.slice(e.start, e.end)).toBe(e.value);
    }
  });
});
