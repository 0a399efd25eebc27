import { Clock, TransactionRunner, type AccountPrincipal } from '@switchboard/core';
import { ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { ContactReleaseRegistry } from '../offers/contact-release.registry';
import { AgentStateRepository } from '../repositories/agent-state.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { ContactHandover } from './contact-handover.service';
import { ContactTransferCheck } from './contact-transfer-check.service';
import { ContactTransferService } from './contact-transfer.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const me = { id: 'a1', name: 'Ada', role: 'technician' } as AccountPrincipal;
const contact = { id: 'c1', companyId: 'co1', state: 'accepted', offeredTo: 'a1', queueId: 'q1', triedIds: [] };
const queue = { id: 'q1', name: 'Billing', offerTimeoutSeconds: 20, maxWaitSeconds: 600 };
const released = async () => undefined;
const wrapUp = { id: 'w1', conversationId: 'c1', cause: 'transferred', openedAt: now, wrappedAt: null };

describe('ContactTransferService', () => {
  function setup() {
    const t = newTestService(ContactTransferService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(ContactTransferCheck).held.mockResolvedValue({ contact, queue } as never);
    t.fake(ContactTransferCheck).assertNoConference.mockResolvedValue();
    t.fake(ConversationTimers).schedule.mockResolvedValue();
    t.fake(ContactHandover).complete.mockResolvedValue(wrapUp as never);
    t.fake(RoutingContactRepository).handOver.mockResolvedValue(true);
    t.fake(ContactReleaseRegistry).released.mockResolvedValue(released);
    return t;
  }

  it('exactly one of queueId / accountId (400 naming the rule)', async () => {
    const { sut } = setup();
    await expect(sut.transfer('c1', {}, me)).rejects.toMatchObject({ status: 400, message: /exactly one/ });
    await expect(sut.transfer('c1', { queueId: 'q2', accountId: 'a2' }, me)).rejects.toMatchObject({ status: 400 });
  });

  it('to a queue: waiting there (arrival kept), A tried, a fresh max wait, then the handover', async () => {
    const { sut, fake } = setup();
    fake(ContactTransferCheck).targetQueue.mockResolvedValue({ id: 'q2', name: 'Sales', maxWaitSeconds: 60 } as never);
    const r = await sut.transfer('c1', { queueId: 'q2' }, me);
    expect(r).toMatchObject({ target: { kind: 'queue', id: 'q2', name: 'Sales' }, wrapUp: { cause: 'transferred' } });
    expect(fake(RoutingContactRepository).handOver).toHaveBeenCalledWith(
      'c1',
      'a1',
      expect.objectContaining({
        state: 'waiting',
        queueId: 'q2',
        triedIds: ['a1'],
        transferFromId: 'a1',
        transferToId: null,
      }),
      {},
    );
    expect(fake(ConversationTimers).schedule).toHaveBeenCalledWith(
      'routing.max-wait',
      'c1',
      new Date(now.getTime() + 60_000),
      {},
      {},
    );
    // The case is released in the same transaction (the tx the move used); its notice goes to the handover.
    expect(fake(ContactReleaseRegistry).released).toHaveBeenCalledWith('c1', me, {});
    expect(fake(ContactHandover).complete).toHaveBeenCalledWith(
      expect.anything(),
      me,
      { kind: 'queue', queueId: 'q2' },
      released,
    );
  });

  it('to an agent: slot claimed, offered with the queue offer timeout, in one transaction', async () => {
    const { sut, fake } = setup();
    fake(ContactTransferCheck).targetAgent.mockResolvedValue({ id: 'a2', name: 'Bob' } as never);
    fake(AgentStateRepository).claimSlot.mockResolvedValue(true);
    const r = await sut.transfer('c1', { accountId: 'a2' }, me);
    expect(r.target).toEqual({ kind: 'agent', id: 'a2', name: 'Bob' });
    const expires = new Date(now.getTime() + 20_000);
    expect(fake(RoutingContactRepository).handOver).toHaveBeenCalledWith(
      'c1',
      'a1',
      expect.objectContaining({ state: 'offered', offeredTo: 'a2', offerExpiresAt: expires, transferToId: 'a2' }),
      {},
    );
    expect(fake(ConversationTimers).schedule).toHaveBeenCalledWith(
      'routing.offer',
      'c1',
      expires,
      { agentId: 'a2' },
      {},
    );
    expect(fake(ContactReleaseRegistry).released).toHaveBeenCalledWith('c1', me, {});
    expect(fake(ContactHandover).complete).toHaveBeenCalledWith(
      expect.anything(),
      me,
      expect.objectContaining({ kind: 'agent', agentId: 'a2', queueName: 'Billing', expiresAt: expires }),
      released,
    );
  });

  it('a lost race (slot taken, or the contact moved meanwhile) is a 409 and nothing follows', async () => {
    const { sut, fake } = setup();
    fake(ContactTransferCheck).targetAgent.mockResolvedValue({ id: 'a2', name: 'Bob' } as never);
    fake(AgentStateRepository).claimSlot.mockResolvedValue(false);
    await expect(sut.transfer('c1', { accountId: 'a2' }, me)).rejects.toMatchObject({ status: 409, message: /Bob/ });
    fake(AgentStateRepository).claimSlot.mockResolvedValue(true);
    fake(RoutingContactRepository).handOver.mockResolvedValue(false);
    await expect(sut.transfer('c1', { accountId: 'a2' }, me)).rejects.toMatchObject({ status: 409 });
    expect(fake(ContactReleaseRegistry).released).not.toHaveBeenCalled();
    expect(fake(ContactHandover).complete).not.toHaveBeenCalled();
  });

  it('a conference open (or opened by another instance meanwhile) is a 409 checked after the move, in its transaction', async () => {
    const { sut, fake } = setup();
    const order: string[] = [];
    fake(RoutingContactRepository).handOver.mockImplementation(async () => (order.push('move'), true));
    fake(ContactTransferCheck).assertNoConference.mockImplementation(async (id, tx) => {
      order.push(`conference ${id} ${JSON.stringify(tx)}`);
      throw Object.assign(new Error('open'), { status: 409, code: 'CONFERENCE_ALREADY_OPEN' });
    });
    fake(ContactTransferCheck).targetAgent.mockResolvedValue({ id: 'a2', name: 'Bob' } as never);
    fake(AgentStateRepository).claimSlot.mockResolvedValue(true);
    await expect(sut.transfer('c1', { accountId: 'a2' }, me)).rejects.toMatchObject({
      code: 'CONFERENCE_ALREADY_OPEN',
    });
    // The move takes the contact's row lock first (the conference request's order), then the check.
    expect(order).toEqual(['move', 'conference c1 {}']);
    expect(fake(AgentStateRepository).claimSlot).not.toHaveBeenCalled();
    fake(ContactTransferCheck).targetQueue.mockResolvedValue({ id: 'q2', name: 'Sales', maxWaitSeconds: 60 } as never);
    await expect(sut.transfer('c1', { queueId: 'q2' }, me)).rejects.toMatchObject({ status: 409 });
    expect(fake(ContactReleaseRegistry).released).not.toHaveBeenCalled();
    expect(fake(ContactHandover).complete).not.toHaveBeenCalled();
  });
});
