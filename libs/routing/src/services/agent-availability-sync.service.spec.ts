import { DomainEventBus } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AgentAvailabilitySync } from './agent-availability-sync.service.js';
import { AgentStateService } from './agent-state.service.js';

describe('AgentAvailabilitySync', () => {
  it('follows the pool availability: available → Available, unavailable → Not ready', async () => {
    const { sut, fake } = newTestService(AgentAvailabilitySync);
    let handler: ((e: { accountId: string; availability: string }) => Promise<void>) | undefined;
    fake(DomainEventBus).subscribe.mockImplementation(((_name: string, h: typeof handler) => {
      handler = h;
    }) as never);
    fake(AgentStateService).follow.mockResolvedValue();
    sut.onModuleInit();
    await handler!({ accountId: 'a1', availability: 'available' });
    await handler!({ accountId: 'a1', availability: 'unavailable' });
    expect(fake(AgentStateService).follow.mock.calls).toEqual([
      ['a1', 'available'],
      ['a1', 'not_ready'],
    ]);
  });
});
