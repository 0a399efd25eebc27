import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';
import { AgentPicker } from '../services/agent-picker.service.js';
import { OfferAnnouncer } from './offer-announcer.service.js';
import { OfferDispatcher } from './offer-dispatcher.service.js';

const now = new Date('2026-01-01T10:00:00.000Z');
const queue = { id: 'q1', name: 'Billing', memberIds: ['a1', 'a2'], offerTimeoutSeconds: 20 };
const contact = { id: 'c1', queueId: 'q1', companyId: 'co', state: 'waiting', triedIds: ['a1'] };

describe('OfferDispatcher', () => {
  function setup() {
    const t = newTestService(OfferDispatcher);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(QueueRepository).ofWaitingContact.mockResolvedValue({ queue, companyId: 'co' } as never);
    t.fake(RoutingContactRepository).lockWaiting.mockResolvedValue(contact as never);
    t.fake(QueueRepository).findById.mockResolvedValue(queue as never);
    t.fake(ConversationTimers).schedule.mockResolvedValue();
    t.fake(OfferAnnouncer).offered.mockResolvedValue();
    t.fake(AgentPicker).prefetch.mockResolvedValue(true);
    return t;
  }

  it('skips tried agents, moves the contact to offered and arms the expiry in one transaction', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).pick.mockResolvedValue('a2');
    fake(RoutingContactRepository).offer.mockResolvedValue(true);
    expect(await sut.dispatch('c1')).toBe(true);
    const expires = new Date(now.getTime() + 20_000);
    expect(fake(RoutingContactRepository).lockWaiting).toHaveBeenCalledWith('c1', {});
    expect(fake(AgentPicker).pick).toHaveBeenCalledWith(queue, 'co', ['a1'], {}, expect.any(Map));
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
    expect(fake(AgentPicker).pick).toHaveBeenLastCalledWith(queue, 'co', [], {}, expect.any(Map));
  });

  it('a contact offered meanwhile by another instance rolls the decision back and announces nothing', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).pick.mockResolvedValue('a2');
    fake(RoutingContactRepository).offer.mockResolvedValue(false);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(ConversationTimers).schedule).not.toHaveBeenCalled();
    expect(fake(OfferAnnouncer).offered).not.toHaveBeenCalled();
  });

  it('a contact another decision holds is left to it (no agent claimed)', async () => {
    const { sut, fake } = setup();
    fake(RoutingContactRepository).lockWaiting.mockResolvedValue(null);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(AgentPicker).pick).not.toHaveBeenCalled();
  });

  it('nobody free at the prefetch: no transaction, the contact keeps waiting', async () => {
    const { sut, fake } = setup();
    fake(AgentPicker).prefetch.mockResolvedValue(false);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(TransactionRunner).run).not.toHaveBeenCalled();
    expect(fake(AgentPicker).pick).not.toHaveBeenCalled();
  });

  it('an empty queue costs one read', async () => {
    const { sut, fake } = setup();
    fake(QueueRepository).list.mockResolvedValue([queue] as never);
    fake(RoutingContactRepository).waiting.mockResolvedValue([]);
    await sut.dispatchForAgent('a1');
    expect(fake(TransactionRunner).run).not.toHaveBeenCalled();
  });

  it('leaves a contact that is not waiting alone', async () => {
    const { sut, fake } = setup();
    fake(QueueRepository).ofWaitingContact.mockResolvedValue(null);
    expect(await sut.dispatch('c1')).toBe(false);
    expect(fake(AgentPicker).prefetch).not.toHaveBeenCalled();
    expect(fake(TransactionRunner).run).not.toHaveBeenCalled();
  });

  it("an agent's sweep offers the oldest waiting contacts of their queues until nobody can take one", async () => {
    const { sut, fake } = setup();
    fake(QueueRepository).list.mockResolvedValue([queue, { ...queue, id: 'q2', memberIds: ['a3'] }] as never);
    const second = { ...contact, id: 'c2', triedIds: [] };
    fake(RoutingContactRepository)
      .nextWaiting.mockResolvedValueOnce(contact as never)
      .mockResolvedValueOnce(second as never)
      .mockResolvedValueOnce({ ...contact, id: 'c3', triedIds: [] } as never);
    fake(RoutingContactRepository).waiting.mockResolvedValue([contact] as never);
    fake(AgentPicker).pick.mockResolvedValueOnce('a2').mockResolvedValueOnce('a1').mockResolvedValue(null);
    fake(RoutingContactRepository).offer.mockResolvedValue(true);
    await sut.dispatchForAgent('a1');
    expect(fake(RoutingContactRepository).nextWaiting).toHaveBeenCalledTimes(3);
    expect(fake(RoutingContactRepository).nextWaiting).toHaveBeenCalledWith(['q1'], {});
    expect(fake(OfferAnnouncer).offered.mock.calls.map((c) => [c[0].id, c[2]])).toEqual([
      ['c1', 'a2'],
      ['c2', 'a1'],
    ]);
    // One directory memo for the whole sweep; the queues read once.
    const memos = new Set(fake(AgentPicker).pick.mock.calls.map((c) => c[4]));
    expect(memos.size).toBe(1);
    // Filled outside the transactions, for the oldest contact's company.
    expect(fake(AgentPicker).prefetch).toHaveBeenCalledWith(queue, 'co', [...memos][0]);
    expect(fake(QueueRepository).list).toHaveBeenCalledTimes(1);
    expect(fake(QueueRepository).findById).not.toHaveBeenCalled();
  });
});
