import { AccountService, Clock, TransactionRunner } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { OfferDispatcher } from '../offers/offer-dispatcher.service.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { AgentStatePush } from './agent-state-push.service.js';
import { AgentStateService } from './agent-state.service.js';

const now = new Date('2026-01-01T10:00:00.000Z');

describe('AgentStateService', () => {
  function setup() {
    const t = newTestService(AgentStateService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(AgentStatePush).push.mockResolvedValue(null);
    t.fake(OfferDispatcher).dispatchForAgent.mockResolvedValue();
    return t;
  }

  it('reads Not ready or Available from the pool availability before the first switch', async () => {
    const { sut, fake } = setup();
    fake(AgentStateRepository).findById.mockResolvedValue(null);
    fake(AccountService).get.mockResolvedValue({ availability: 'available' } as never);
    expect(await sut.get('a1')).toEqual({ state: 'available', since: now.toISOString(), activeChats: 0, maxChats: 3 });
  });

  it('switches the state in one transaction and the pool availability with it', async () => {
    const { sut, fake } = setup();
    const row = { id: 'a1', state: 'available', activeChats: 1, maxChats: 3, stateSince: now, idleSince: now };
    fake(AgentStateRepository).ensure.mockResolvedValue(row as never);
    fake(AgentStateRepository).choose.mockResolvedValue();
    fake(AgentStateRepository).findById.mockResolvedValue(row as never);
    // The pushed row decides the dispatch (one read).
    fake(AgentStatePush).push.mockResolvedValue(row as never);
    fake(AccountService).setAvailability.mockResolvedValue({} as never);
    expect(await sut.choose('a1', 'available')).toMatchObject({ state: 'available', activeChats: 1 });
    expect(fake(AgentStateRepository).choose).toHaveBeenCalledWith('a1', 'available', now, {});
    expect(fake(AccountService).setAvailability).toHaveBeenCalledWith('a1', 'available');
    // The top bar hears it, and what waits in the agent's queues is offered.
    expect(fake(AgentStatePush).push).toHaveBeenCalledWith('a1');
    expect(fake(OfferDispatcher).dispatchForAgent).toHaveBeenCalledWith('a1');
  });

  it('RONA frees the slot and is pushed, without offering anything', async () => {
    const { sut, fake } = setup();
    fake(AgentStateRepository).rona.mockResolvedValue();
    await sut.rona('a1');
    expect(fake(AgentStateRepository).rona).toHaveBeenCalledWith('a1', now);
    expect(fake(AgentStatePush).push).toHaveBeenCalledWith('a1');
    expect(fake(OfferDispatcher).dispatchForAgent).not.toHaveBeenCalled();
  });
});
