import { TechnicianDirectory } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AgentStateRepository } from '../repositories/agent-state.repository.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { ChatAvailability } from './chat-availability.service.js';

describe('ChatAvailability', () => {
  it('pool: anyone Available who serves the company', async () => {
    const { sut, fake } = newTestService(ChatAvailability);
    fake(TechnicianDirectory).anyoneAvailable.mockResolvedValue(true);
    expect(await sut.anyoneAvailable('co', null)).toBe(true);
  });

  it('queue: only a serving member with a free slot counts', async () => {
    const { sut, fake } = newTestService(ChatAvailability);
    fake(QueueRepository).findById.mockResolvedValue({ memberIds: ['a1', 'a2'] } as never);
    fake(TechnicianDirectory).serving.mockResolvedValue({ serving: [{ id: 'a2' }] as never, refused: [] });
    fake(AgentStateRepository).freeAgents.mockResolvedValue([]);
    expect(await sut.anyoneAvailable('co', 'q1')).toBe(false);
    expect(fake(AgentStateRepository).freeAgents).toHaveBeenCalledWith(['a2']);
  });

  it('a deleted queue reaches nobody', async () => {
    const { sut, fake } = newTestService(ChatAvailability);
    fake(QueueRepository).findById.mockResolvedValue(null);
    expect(await sut.anyoneAvailable('co', 'gone')).toBe(false);
  });
});
