import { PlaceholderStream } from './placeholder-stream.js';
import { PromptPlaceholders } from './prompt-placeholders.js';

describe('PlaceholderStream', () => {
  const placeholders = () => {
    const p = new PromptPlaceholders((text) => {
      const at = text.indexOf('4111 1111 1111 1111');
      return at < 0 ? [] : [{ type: 'CREDIT_CARD', start: at, end: at + 19 }];
    });
    p.mask('card 4111 1111 1111 1111');
    return p;
  };

  it('restores a placeholder split across deltas, and never emits half of one', () => {
    const out: string[] = [];
    const stream = new PlaceholderStream(
      placeholders(),
      () => '****1111',
      (t) => out.push(t),
    );
    for (const piece of ['We refund [CA', 'RD-', '1] today', ' [not a placeholder', ']']) stream.push(piece);
    stream.end();
    expect(out.join('')).toBe('We refund ****1111 today [not a placeholder]');
    expect(out.some((t) => t.includes('[CA'))).toBe(false);
  });

  it('flushes an unclosed bracket at the end as plain text', () => {
    const out: string[] = [];
    const stream = new PlaceholderStream(
      placeholders(),
      (v) => v,
      (t) => out.push(t),
    );
    stream.push('see [CARD');
    stream.end();
    expect(out.join('')).toBe('see [CARD');
  });
});
