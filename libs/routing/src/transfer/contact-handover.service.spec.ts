import type { AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { OfferAnnouncer } from '../offers/offer-announcer.service';
import { OfferDispatcher } from '../offers/offer-dispatcher.service';
import { WrapUpObligationService } from '../wrap-up/wrap-up-obligation.service';
import type { HeldContact } from './contact-transfer-check.service';
import { ContactHandover } from './contact-handover.service';

const me = { id: 'a1', name: 'Ada', role: 'technician' } as AccountPrincipal;
const acceptedAt = new Date('2026-01-01T10:00:00.000Z');
const held = {
  contact: { id: 'c1', companyId: 'co1', state: 'accepted', offeredTo: 'a1', queueId: 'q1', leftAt: acceptedAt },
  queue: { id: 'q1', name: 'Billing' },
} as unknown as HeldContact;

describe('ContactHandover', () => {
  function setup() {
    const t = newTestService(ContactHandover);
    const order: string[] = [];
    const step = (name: string, value?: unknown) => () => (order.push(name), Promise.resolve(value as never));
    t.fake(WrapUpObligationService).open.mockImplementation(step('wrap-up', { id: 'w1' }));
    t.fake(ConversationService).postSystemMessage.mockImplementation(step('line', null));
    t.fake(ConversationService).removeParticipant.mockImplementation(step('leave'));
    t.fake(OfferDispatcher).requeued.mockImplementation(step('requeue', true));
    t.fake(OfferAnnouncer).offered.mockImplementation(step('offer'));
    // The release itself committed with the transfer; what is left here is its notice (case.updated).
    const released = jest.fn(step('release notice'));
    return { ...t, order, released };
  }

  it('opens A’s wrap-up (transferred), tells the customer, A leaves, the release is announced, then the queue offers it', async () => {
    const { sut, fake, order, released } = setup();
    expect(await sut.complete(held, me, { kind: 'queue', queueId: 'q2' }, released)).toEqual({ id: 'w1' });
    expect(fake(WrapUpObligationService).open).toHaveBeenCalledWith({
      conversationId: 'c1',
      accountId: 'a1',
      queueId: 'q1',
      companyId: 'co1',
      cause: 'transferred',
      acceptedAt,
    });
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledWith('c1', {
      en: 'Ada transferred the chat. Please wait for the next agent.',
      fr: 'Ada a transféré la discussion. Veuillez patienter, un autre agent va vous répondre.',
    });
    expect(fake(ConversationService).removeParticipant).toHaveBeenCalledWith('c1', 'technician', 'a1', {
      announce: false,
    });
    expect(fake(OfferDispatcher).requeued).toHaveBeenCalledWith('c1', 'q2');
    expect(released).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['wrap-up', 'line', 'leave', 'release notice', 'requeue']);
  });

  it('to an agent: the offer goes straight to them', async () => {
    const { sut, fake, order, released } = setup();
    const expiresAt = new Date();
    const contact = { ...held.contact, state: 'offered', offeredTo: 'a2' };
    await sut.complete(
      held,
      me,
      { kind: 'agent', agentId: 'a2', queueName: 'Billing', expiresAt, contact } as never,
      released,
    );
    expect(fake(OfferAnnouncer).offered).toHaveBeenCalledWith(contact, 'Billing', 'a2', expiresAt);
    expect(order.at(-1)).toBe('offer');
  });
});
