import { DomainEventBus } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { WrapUpDueListener } from './wrap-up-due.listener';
import { WrapUpObligationService } from './wrap-up-obligation.service';

const acceptedAt = new Date('2026-01-01T09:00:00.000Z');
const accepted = { id: 'c1', companyId: 'co1', queueId: 'q1', state: 'accepted', offeredTo: 'a1', leftAt: acceptedAt };

describe('WrapUpDueListener', () => {
  function setup(contact: unknown, queueExists = true) {
    const t = newTestService(WrapUpDueListener);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queueExists ? ({ id: 'q1' } as never) : null);
    t.fake(WrapUpObligationService).open.mockResolvedValue({} as never);
    return t;
  }

  it('subscribes to conversation.ended', () => {
    const { sut, fake } = setup(null);
    fake(DomainEventBus).subscribe.mockReturnValue(undefined as never);
    sut.onModuleInit();
    expect(fake(DomainEventBus).subscribe).toHaveBeenCalledWith('conversation.ended', expect.any(Function));
  });

  it.each([
    ['customer_ended', true, 'customer_ended'],
    ['agent_ended', true, 'ended'],
    ['resolved', true, 'ended'],
    ['agent_ended', false, 'queue_deleted'],
  ])('an accepted chat ended (%s, queue exists: %s) opens the agent’s wrap-up (%s)', async (reason, exists, cause) => {
    const { sut, fake } = setup(accepted, exists);
    await sut.ended('c1', reason);
    expect(fake(WrapUpObligationService).open).toHaveBeenCalledWith({
      conversationId: 'c1',
      accountId: 'a1',
      queueId: 'q1',
      companyId: 'co1',
      cause,
      acceptedAt,
    });
  });

  it('nothing for a pool chat or a contact that never reached an agent', async () => {
    for (const contact of [null, { ...accepted, state: 'withdrawn' }, { ...accepted, state: 'overflowed' }]) {
      const { sut, fake } = setup(contact);
      await sut.ended('c1', 'customer_ended');
      expect(fake(WrapUpObligationService).open).not.toHaveBeenCalled();
    }
  });
});
