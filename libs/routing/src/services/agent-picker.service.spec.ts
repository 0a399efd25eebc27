import { TechnicianDirectory } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { QueueEntity } from '../entities/queue.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { AgentPicker } from './agent-picker.service.js';

const queue = { memberIds: ['a1', 'a2', 'a3', 'a4'] } as QueueEntity;

describe('AgentPicker', () => {
  it('offers to the longest-idle free member who serves the company, skipping a lost race and the excluded', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).freeAgents.mockResolvedValue(['a1', 'a3', 'a2']);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [{ id: 'a2' }, { id: 'a3' }] as never,
      refused: [{ id: 'a1', message: 'no access' }],
    });
    fake(AgentStateRepository).claimSlotUnlessLocked.mockImplementation(async (id) => id === 'a2');
    expect(await sut.pick(queue, 'co', ['a4'])).toBe('a2');
    expect(fake(AgentStateRepository).freeAgents).toHaveBeenCalledWith(['a1', 'a2', 'a3'], undefined);
    // The directory is asked about the free agents only.
    expect(fake(TechnicianDirectory).serving).toHaveBeenCalledWith('co', ['a1', 'a3', 'a2']);
    expect(fake(AgentStateRepository).claimSlotUnlessLocked.mock.calls.map((c) => c[0])).toEqual(['a3', 'a2']);
  });

  it('claims the first free member known to serve in one step (the memo says so), without the long way', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).claimFirstFree.mockResolvedValue({ claimed: 'a3', anyFree: true });
    const memo = new Map([
      ['co:a1', false],
      ['co:a3', true],
    ]);
    expect(await sut.pick(queue, 'co', ['a4'], undefined, memo)).toBe('a3');
    // Those known not to serve and the excluded are left out; only the known ones may be claimed.
    expect(fake(AgentStateRepository).claimFirstFree).toHaveBeenCalledWith(['a2', 'a3'], ['a3'], undefined);
    expect(fake(AgentStateRepository).freeAgents).not.toHaveBeenCalled();
    expect(fake(TechnicianDirectory).serving).not.toHaveBeenCalled();
  });

  it('nobody free at all (the one-step claim says so): null without the long way', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).claimFirstFree.mockResolvedValue({ claimed: null, anyFree: false });
    expect(await sut.pick(queue, 'co', [], undefined, new Map([['co:a1', true]]))).toBeNull();
    expect(fake(AgentStateRepository).freeAgents).not.toHaveBeenCalled();
  });

  it('waits for agents another decision held before answering nobody', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).freeAgents.mockResolvedValue(['a1', 'a2']);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [{ id: 'a1' }, { id: 'a2' }] as never,
      refused: [],
    });
    fake(AgentStateRepository).claimSlotUnlessLocked.mockResolvedValue(false);
    fake(AgentStateRepository).claimSlot.mockImplementation(async (id) => id === 'a2');
    expect(await sut.pick(queue, 'co')).toBe('a2');
    expect(fake(AgentStateRepository).claimSlot.mock.calls.map((c) => c[0])).toEqual(['a1', 'a2']);
    fake(AgentStateRepository).claimSlot.mockResolvedValue(false);
    expect(await sut.pick(queue, 'co')).toBeNull();
  });

  it('asks the directory once per agent and company within one pass (the memo)', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).freeAgents.mockResolvedValue(['a1', 'a2']);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [{ id: 'a2' }] as never,
      refused: [{ id: 'a1', message: 'no access' }],
    });
    fake(AgentStateRepository).claimSlotUnlessLocked.mockResolvedValue(true);
    // The one-step claim answers null here (say, its row was held): the long way decides.
    fake(AgentStateRepository).claimFirstFree.mockResolvedValue({ claimed: null, anyFree: true });
    const memo = new Map<string, boolean>();
    expect(await sut.pick(queue, 'co', [], undefined, memo)).toBe('a2');
    expect(await sut.pick(queue, 'co', [], undefined, memo)).toBe('a2');
    expect(fake(TechnicianDirectory).serving).toHaveBeenCalledTimes(1);
    await sut.pick(queue, 'other', [], undefined, memo);
    expect(fake(TechnicianDirectory).serving).toHaveBeenLastCalledWith('other', ['a1', 'a2']);
  });

  it('prefetch fills the memo for the first free members, outside any transaction', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).freeAgents.mockResolvedValue(['a2', 'a1']);
    fake(TechnicianDirectory).serving.mockResolvedValue({ serving: [{ id: 'a2' }] as never, refused: [] });
    const memo = new Map<string, boolean>();
    expect(await sut.prefetch(queue, 'co', memo)).toBe(true);
    expect(fake(AgentStateRepository).freeAgents).toHaveBeenCalledWith(queue.memberIds);
    expect(memo).toEqual(
      new Map([
        ['co:a2', true],
        ['co:a1', false],
      ]),
    );
  });

  it('prefetch answers false when no member has a free slot (no directory read)', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(AgentStateRepository).freeAgents.mockResolvedValue([]);
    expect(await sut.prefetch(queue, 'co', new Map())).toBe(false);
    expect(fake(TechnicianDirectory).serving).not.toHaveBeenCalled();
  });

  it('answers null when no member is left', async () => {
    const { sut } = newTestService(AgentPicker);
    expect(await sut.pick({ memberIds: ['a1'] } as QueueEntity, 'co', ['a1'])).toBeNull();
  });
});
