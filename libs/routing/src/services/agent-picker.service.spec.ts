import { TechnicianDirectory } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { QueueEntity } from '../entities/queue.entity.js';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { AgentPicker } from './agent-picker.service.js';

const queue = { memberIds: ['a1', 'a2', 'a3', 'a4'] } as QueueEntity;

describe('AgentPicker', () => {
  it('offers to the longest-idle serving member, skipping a lost race and the excluded', async () => {
    const { sut, fake } = newTestService(AgentPicker);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [{ id: 'a2' }, { id: 'a3' }, { id: 'a4' }] as never,
      refused: [{ id: 'a1', message: 'no access' }],
    });
    fake(AgentStateRepository).freeAgents.mockResolvedValue(['a3', 'a2']);
    fake(AgentStateRepository).claimSlot.mockImplementation(async (id) => id === 'a2');
    expect(await sut.pick(queue, 'co', ['a4'])).toBe('a2');
    expect(fake(TechnicianDirectory).serving).toHaveBeenCalledWith('co', ['a1', 'a2', 'a3']);
    expect(fake(AgentStateRepository).freeAgents).toHaveBeenCalledWith(['a2', 'a3'], undefined);
    expect(fake(AgentStateRepository).claimSlot.mock.calls.map((c) => c[0])).toEqual(['a3', 'a2']);
  });

  it('answers null when no member is left', async () => {
    const { sut } = newTestService(AgentPicker);
    expect(await sut.pick({ memberIds: ['a1'] } as QueueEntity, 'co', ['a1'])).toBeNull();
  });
});
