import { ValidationFailedError } from '@switchboard/core';
import { checkAttachments, truncateBody } from './comment-body.js';

describe('truncateBody', () => {
  it('keeps bodies up to 64K characters as they are', () => {
    const body = 'a'.repeat(65_536);
    expect(truncateBody(body)).toEqual({ body, truncated: false });
  });

  it('cuts longer bodies to 64K characters ending with an ellipsis', () => {
    const result = truncateBody('b'.repeat(70_000));
    expect(result.truncated).toBe(true);
    expect(Array.from(result.body)).toHaveLength(65_536);
    expect(result.body.endsWith('b…')).toBe(true);
  });

  it('counts code points, never splitting an emoji', () => {
    const result = truncateBody('😀'.repeat(65_537));
    expect(result.truncated).toBe(true);
    expect(Array.from(result.body)).toHaveLength(65_536);
    expect(result.body.endsWith('😀…')).toBe(true);
  });
});

describe('checkAttachments', () => {
  it('accepts exactly 20 MB in total', () => {
    expect(() =>
      checkAttachments([
        { id: 'f', name: 'a', size: 10 * 1024 * 1024, contentType: 'x/y' },
        { id: 'f', name: 'b', size: 10 * 1024 * 1024, contentType: 'x/y' },
      ]),
    ).not.toThrow();
  });

  it('rejects more with a field error', () => {
    expect(() => checkAttachments([{ id: 'f', name: 'a', size: 20 * 1024 * 1024 + 1, contentType: 'x/y' }])).toThrow(
      ValidationFailedError,
    );
  });
});
