import type { AccountPrincipal, Tx } from '@switchboard/core';
import { ContactReleaseRegistry } from './contact-release.registry';

describe('ContactReleaseRegistry', () => {
  const agent = { id: 'a1' } as AccountPrincipal;
  const tx = {} as Tx;

  it('hands a released contact and the transaction to the registered handler, and refuses when none is registered', async () => {
    const registry = new ContactReleaseRegistry();
    await expect(registry.released('c1', agent, tx)).rejects.toThrow(/No handler/);
    const notice = jest.fn().mockResolvedValue(undefined);
    const handler = jest.fn().mockResolvedValue(notice);
    registry.register(handler);
    const announce = await registry.released('c1', agent, tx);
    expect(handler).toHaveBeenCalledWith('c1', agent, tx);
    expect(notice).not.toHaveBeenCalled(); // announced by the caller, after the commit
    await announce();
    expect(notice).toHaveBeenCalledTimes(1);
  });

  it('a handler with nothing to announce gives a no-op notice', async () => {
    const registry = new ContactReleaseRegistry();
    registry.register(jest.fn().mockResolvedValue(undefined));
    await expect((await registry.released('c1', agent, tx))()).resolves.toBeUndefined();
  });
});
