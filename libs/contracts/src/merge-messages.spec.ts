import { mergeMessages, type MergeableMessage } from './merge-messages.js';

const msg = (id: string, seq: number, extra: Partial<MergeableMessage> & { body?: string } = {}) => ({
  id,
  seq,
  clientId: null,
  body: id,
  ...extra,
});
const pending = (clientId: string) => msg(clientId, Number.MAX_SAFE_INTEGER, { clientId, pending: 'sending' });

describe('mergeMessages', () => {
  it('returns the same list when nothing comes in', () => {
    const list = [msg('a', 1)];
    expect(mergeMessages(list, [])).toBe(list);
  });

  it('orders committed messages by seq, whatever the arrival order', () => {
    const merged = mergeMessages([msg('c', 3)], [msg('a', 1), msg('b', 2)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one copy of a re-delivered message (the last one in)', () => {
    const merged = mergeMessages([msg('a', 1, { body: 'old' })], [msg('a', 1, { body: 'new' }), msg('a', 1)]);
    expect(merged).toHaveLength(1);
    expect(merged[0].body).toBe('a');
  });

  it('replaces our optimistic copy by the committed one with the same clientId', () => {
    const merged = mergeMessages([msg('a', 1), pending('c-1')], [msg('m-9', 2, { clientId: 'c-1' })]);
    expect(merged.map((m) => [m.id, m.pending])).toEqual([
      ['a', undefined],
      ['m-9', undefined],
    ]);
  });

  it('keeps ours pending after the committed ones, in the order they were written', () => {
    const merged = mergeMessages([pending('c-1'), pending('c-2')], [msg('a', 5), msg('b', 6)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c-1', 'c-2']);
  });

  it('does not drop a committed message that happens to share a clientId with another committed one', () => {
    // Only a pending copy is ours to replace; two committed rows are both kept.
    const merged = mergeMessages([msg('a', 1, { clientId: 'x' })], [msg('b', 2, { clientId: 'x' })]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('marks a failed send like a pending one (kept at the end until acked)', () => {
    const failed = { ...pending('c-1'), pending: 'failed' as const };
    const merged = mergeMessages([failed], [msg('a', 1)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'c-1']);
  });

  it('does not mutate its inputs', () => {
    const list = [msg('b', 2), pending('c-1')];
    const before = JSON.stringify(list);
    mergeMessages(list, [msg('a', 1, { clientId: 'c-1' })]);
    expect(JSON.stringify(list)).toBe(before);
  });
});
