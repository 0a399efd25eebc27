import { assertSafeInput, findUnsafeInput, toStorable, unsafeTextProblem } from './unsafe-text.guard.js';

describe('unsafe text', () => {
  it('names NUL, lone surrogates and accepts valid pairs', () => {
    expect(unsafeTextProblem('a\u0000')).toMatch(/NUL/);
    expect(unsafeTextProblem('a\ud800')).toMatch(/surrogate/);
    expect(unsafeTextProblem('a\udc00b')).toMatch(/surrogate/);
    expect(unsafeTextProblem('emoji 😀 ok')).toBeNull();
  });

  it('finds the path of the first bad value or key, and deep nesting without recursing', () => {
    expect(findUnsafeInput({ a: [{ b: 'x\u0000' }] }, '')).toEqual({
      path: 'a.0.b',
      problem: expect.stringMatching(/NUL/),
    });
    expect(findUnsafeInput({ 'k\u0000': 1 }, '')?.problem).toMatch(/field name/);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(findUnsafeInput(deep, 'body')?.problem).toMatch(/nested too deeply/);
    expect(findUnsafeInput({ a: { b: [1, 'ok'] }, f: Buffer.from([0]) }, '')).toBeNull();
  });

  it('throws a 400 ValidationFailedError naming the field', () => {
    expect(() => assertSafeInput({ title: '\u0000' })).toThrow(/title must not contain NUL/);
  });

  it('makes plugin output storable without touching bytes', () => {
    const data = Buffer.from([0, 1]);
    const out = toStorable({ subject: 'a\u0000b', list: ['\ud800'], attachment: { data } });
    expect(out).toEqual({ subject: 'ab', list: ['\ufffd'], attachment: { data } });
    expect(out.attachment.data).toBe(data);
  });
});
