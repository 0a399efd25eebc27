import { RealtimeService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { estimateWait, QueuePositionService } from './queue-position.service.js';

describe('QueuePositionService', () => {
  function setup(ids: string[], listening: string[]) {
    const t = newTestService(QueuePositionService);
    t.fake(QueueRepository).findById.mockResolvedValue({ id: 'q1' } as never);
    t.fake(RoutingContactRepository).queuedIds.mockResolvedValue(ids);
    t.fake(RoutingContactRepository).averageWaitSeconds.mockResolvedValue(30.4);
    t.fake(RealtimeService).occupiedRooms.mockResolvedValue(new Set(listening.map((id) => `conversation:${id}`)));
    t.fake(RealtimeService).emit.mockReturnValue();
    return t;
  }

  it('sends each listening visitor their place and position × the recent average wait', async () => {
    const { sut, fake } = setup(['c1', 'c2', 'c3'], ['c1', 'c3']);
    await sut.publish('q1');
    expect(fake(RealtimeService).occupiedRooms).toHaveBeenCalledWith('portal', [
      'conversation:c1',
      'conversation:c2',
      'conversation:c3',
    ]);
    // c2 has no socket anywhere: no packet (each would be a Redis publish).
    expect(fake(RealtimeService).emit.mock.calls).toEqual([
      ['portal', 'conversation:c1', 'queue.position', { conversationId: 'c1', position: 1, estimatedWaitSeconds: 30 }],
      ['portal', 'conversation:c3', 'queue.position', { conversationId: 'c3', position: 3, estimatedWaitSeconds: 91 }],
    ]);
  });

  it('guesses 60 s a place before any history', async () => {
    const { sut, fake } = setup(['c1'], ['c1']);
    fake(RoutingContactRepository).averageWaitSeconds.mockResolvedValue(null);
    await sut.publish('q1');
    expect(fake(RealtimeService).emit.mock.calls[0][3]).toMatchObject({ estimatedWaitSeconds: 60 });
    expect(estimateWait(3, 0)).toBe(0);
  });

  it('coalesces moves of one queue: calls during a run share the next run, which reads after them', async () => {
    const { sut, fake } = setup(['c1'], ['c1']);
    let release!: () => void;
    fake(RoutingContactRepository).queuedIds.mockImplementationOnce(
      () => new Promise<string[]>((r) => (release = () => r(['c1', 'c2']))),
    );
    const first = sut.publish('q1');
    await new Promise((r) => setImmediate(r)); // the first run is reading
    const second = sut.publish('q1');
    const third = sut.publish('q1');
    expect(third).toBe(second);
    release();
    await Promise.all([first, second, third]);
    expect(fake(RoutingContactRepository).queuedIds).toHaveBeenCalledTimes(2);
    // Another queue is not held up by this one.
    await sut.publish('q2');
    expect(fake(RoutingContactRepository).queuedIds).toHaveBeenCalledTimes(3);
  });
});
