import { RealtimeService, type AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { ContactExitService } from '../offers/contact-exit.service';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { QueueService } from '../services/queue.service';
import { QueueRemovalService } from './queue-removal.service';

const admin = { id: 'ad', role: 'admin' } as AccountPrincipal;

describe('QueueRemovalService', () => {
  it('deletes the queue, overflows what waits, alerts agents of running chats only', async () => {
    const t = newTestService(QueueRemovalService);
    const order: string[] = [];
    t.fake(QueueService).get.mockResolvedValue({ id: 'q1', name: 'Support desk' } as never);
    t.fake(QueueService).remove.mockImplementation(async () => void order.push('remove'));
    t.fake(RoutingContactRepository).ofQueue.mockImplementation(async (_q, states) =>
      states.includes('accepted')
        ? ([
            { id: 'live', companyId: 'co1', offeredTo: 'a1' },
            { id: 'done', companyId: 'co1', offeredTo: 'a2' },
          ] as never)
        : ([{ id: 'w1' }, { id: 'w2' }] as never),
    );
    t.fake(ContactExitService).overflow.mockImplementation(async (id) => void order.push(`overflow ${id}`));
    t.fake(ConversationService).get.mockImplementation(
      async (id) => ({ id, status: id === 'live' ? 'active' : 'ended' }) as never,
    );
    t.fake(RealtimeService).toAccount.mockReturnValue(undefined);
    await t.sut.remove('q1', admin);
    expect(order).toEqual(['remove', 'overflow w1', 'overflow w2']);
    expect(t.fake(RealtimeService).toAccount).toHaveBeenCalledTimes(1);
    expect(t.fake(RealtimeService).toAccount).toHaveBeenCalledWith('a1', 'contact.resource_deleted', {
      conversationId: 'live',
      companyId: 'co1',
      resource: 'queue',
      name: 'Support desk',
    });
  });

  it('an unknown queue is the 404 of QueueService.get, nothing removed', async () => {
    const t = newTestService(QueueRemovalService);
    t.fake(QueueService).get.mockRejectedValue(Object.assign(new Error('Queue not found'), { status: 404 }));
    await expect(t.sut.remove('q9', admin)).rejects.toMatchObject({ status: 404 });
    expect(t.fake(QueueService).remove).not.toHaveBeenCalled();
  });
});
