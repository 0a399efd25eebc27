import type { AccountPrincipal } from '@switchboard/core';
import { ContactReleaseRegistry } from './contact-release.registry';

describe('ContactReleaseRegistry', () => {
  it('hands a released contact to the registered handler, and refuses when none is registered', async () => {
    const registry = new ContactReleaseRegistry();
    const agent = { id: 'a1' } as AccountPrincipal;
    await expect(registry.released('c1', agent)).rejects.toThrow(/No handler/);
    const handler = jest.fn().mockResolvedValue(undefined);
    registry.register(handler);
    await registry.released('c1', agent);
    expect(handler).toHaveBeenCalledWith('c1', agent);
  });
});
