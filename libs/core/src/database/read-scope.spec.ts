import { forgetReads, inOpenReadScope, inReadScope, memoRead } from './read-scope';

describe('read scope', () => {
  it('outside a scope every read is sent', async () => {
    const load = jest.fn().mockResolvedValue(1);
    await memoRead('k', load);
    await memoRead('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(inOpenReadScope()).toBe(false);
  });

  it('inside, the same key is read once (concurrent readers share it); other keys are their own', async () => {
    const load = jest.fn().mockResolvedValue('rows');
    const other = jest.fn().mockResolvedValue('other');
    await inReadScope(async () => {
      expect(inOpenReadScope()).toBe(true);
      const [a, b] = await Promise.all([memoRead('k', load), memoRead('k', load)]);
      expect([a, b, await memoRead('k2', other)]).toEqual(['rows', 'rows', 'other']);
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed read is not kept; forgetReads sends the next one again', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue('ok');
    await inReadScope(async () => {
      await expect(memoRead('settings:global', load)).rejects.toThrow('down');
      expect(await memoRead('settings:global', load)).toBe('ok');
      forgetReads('settings:');
      await memoRead('settings:global', load);
    });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('work the scope started that runs after it settled (a timer, an event) reads afresh', async () => {
    const load = jest.fn().mockResolvedValue(1);
    let later: Promise<unknown> | undefined;
    await inReadScope(async () => {
      await memoRead('k', load);
      later = new Promise((resolve) => setImmediate(() => resolve(memoRead('k', load))));
    });
    await later;
    expect(load).toHaveBeenCalledTimes(2);
  });
});
