import { RealtimeService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { estimateWait, QueuePositionService } from './queue-position.service.js';

describe('QueuePositionService', () => {
  it('sends each queued visitor their place and position × the recent average wait', async () => {
    const { sut, fake } = newTestService(QueuePositionService);
    fake(QueueRepository).findById.mockResolvedValue({ id: 'q1' } as never);
    fake(RoutingContactRepository).queued.mockResolvedValue([{ id: 'c1' }, { id: 'c2' }] as never);
    fake(RoutingContactRepository).averageWaitSeconds.mockResolvedValue(30.4);
    fake(RealtimeService).emit.mockReturnValue();
    await sut.publish('q1');
    expect(fake(RealtimeService).emit.mock.calls).toEqual([
      ['portal', 'conversation:c1', 'queue.position', { conversationId: 'c1', position: 1, estimatedWaitSeconds: 30 }],
      ['portal', 'conversation:c2', 'queue.position', { conversationId: 'c2', position: 2, estimatedWaitSeconds: 61 }],
    ]);
  });

  it('guesses 60 s a place before any history', async () => {
    const { sut, fake } = newTestService(QueuePositionService);
    fake(QueueRepository).findById.mockResolvedValue({ id: 'q1' } as never);
    fake(RoutingContactRepository).queued.mockResolvedValue([{ id: 'c1' }] as never);
    fake(RoutingContactRepository).averageWaitSeconds.mockResolvedValue(null);
    fake(RealtimeService).emit.mockReturnValue();
    await sut.publish('q1');
    expect(fake(RealtimeService).emit.mock.calls[0][3]).toMatchObject({ estimatedWaitSeconds: 60 });
    expect(estimateWait(3, 0)).toBe(0);
  });
});
