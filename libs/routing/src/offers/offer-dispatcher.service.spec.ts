import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentPicker } from '../services/agent-picker.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { OfferDispatcher } from './offer-dispatcher.service.js';
import { QueuePositionService } from './queue-position.service.js';

const now = new Date('2026-01-01T10:00:00.000Z');
const queue = { id: 'q1', name: 'Billing', memberIds: ['a1', 'a2'], offerTimeoutSeconds: 20 };
const contact = { id: 'c1', queueId: 'q1', companyId: 'co', state: 'waiting', triedIds: ['a1'] };

describe('OfferDispatcher', () => {
  function setup() {
    const t = newTestService(OfferDispatcher);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queue as never);
    t.fake(ConversationTimers).schedule.mockResolvedValue();
    t.fake(OfferAnnouncer).offered.mockResolvedValue();
    t.fake(QueuePositionService).publish.mockResolvedValue();
    return t;
  }

  it('skips tried agents, moves the contact to offered and arms the expiry in one transaction', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).pick.mockResolvedValue('a2');
    fake(RoutingContactRepository).offer.mockResolvedValue(true);
    expect(await sut.dispatch('c1')).toBe(true);
    const expires = new Date(now.getTime() + 20_000);
    expect(fake(AgentPicker).pick).toHaveBeenCalledWith(queue, 'co', ['a1'], {});
    expect(fake(RoutingContactRepository).offer).toHaveBeenCalledWith('c1', 'a2', expires, {});
    expect(fake(ConversationTimers).schedule).toHaveBeenCalledWith(
      'routing.offer',
      'c1',
      expires,
      { agentId: 'a2' },
      {},
    );
    expect(fake(OfferAnnouncer).offered).toHaveBeenCalledWith(contact, 'Billing', 'a2', expires);
  });

  it('falls back to tried agents when nobody else is Available', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).pick.mockResolvedValueOnce(null).mockResolvedValueOnce('a1');
    fake(RoutingContactRepository).offer.mockResolvedValue(true);
    expect(await sut.dispatch('c1')).toBe(true);
    expect(fake(AgentPicker).pick).toHaveBeenLastCalledWith(queue, 'co', [], {});
  });

  it('a contact offered meanwhile by another instance rolls the decision back and announces nothing', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).pick.mockResolvedValue('a2');
    fake(RoutingContactRepository).offer.mockResolvedValue(false);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(ConversationTimers).schedule).not.toHaveBeenCalled();
    expect(fake(OfferAnnouncer).offered).not.toHaveBeenCalled();
  });

  it('leaves a contact that is not waiting alone', async () => {
    const { sut, fake } = setup();
    fake(RoutingContactRepository).findById.mockResolvedValue({ ...contact, state: 'offered' } as never);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(QueueRepository).findById).not.toHaveBeenCalled();
  });
});
