import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { AgentStateService } from '../services/agent-state.service';
import { ContactExitService } from './contact-exit.service';
import { OfferAnnouncer } from './offer-announcer.service';

describe('ContactExitService', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  function setup(contact: object | null) {
    const t = newTestService(ContactExitService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(RoutingContactRepository).move.mockResolvedValue(true);
    t.fake(ConversationTimers).cancel.mockResolvedValue(undefined as never);
    t.fake(ConversationService).patchMeta.mockResolvedValue(undefined as never);
    t.fake(ConversationService).end.mockResolvedValue(undefined as never);
    t.fake(OfferAnnouncer).left.mockResolvedValue(undefined);
    t.fake(OfferAnnouncer).queueMoved.mockResolvedValue(undefined);
    t.fake(AgentStateService).releaseSlot.mockResolvedValue(undefined as never);
    return t;
  }
  const ringing = { id: 'c1', queueId: 'q1', state: 'offered', offeredTo: 'a2', transferToId: 'a2' };

  it('overflow of a ringing contact: its offer closed with the cause (a transfer sender is told), slot freed, queue moved', async () => {
    const { sut, fake } = setup(ringing);
    const order: string[] = [];
    fake(OfferAnnouncer).left.mockImplementation(async (a, id, why) => void order.push(`left ${a} ${id} ${why}`));
    fake(AgentStateService).releaseSlot.mockImplementation(
      (async (a: string) => void order.push(`slot ${a}`)) as never,
    );
    fake(OfferAnnouncer).queueMoved.mockImplementation(async (q) => void order.push(`moved ${q}`));
    await sut.overflow('c1');
    expect(order).toEqual(['left a2 c1 overflowed', 'slot a2', 'moved q1']);
    expect(fake(RoutingContactRepository).move).toHaveBeenCalledWith(
      ringing,
      { state: 'overflowed', offeredTo: null, offerExpiresAt: null, leftAt: now },
      {},
    );
    expect(fake(ConversationService).end).toHaveBeenCalledWith('c1', expect.objectContaining({ reason: 'overflowed' }));
  });

  it('withdrawal of a ringing contact says withdrawn; a waiting one closes no offer', async () => {
    const { sut, fake } = setup(ringing);
    await sut.withdrawn('c1');
    expect(fake(OfferAnnouncer).left).toHaveBeenCalledWith('a2', 'c1', 'withdrawn');

    const waiting = setup({ ...ringing, state: 'waiting', offeredTo: null, transferToId: null });
    await waiting.sut.withdrawn('c1');
    expect(waiting.fake(OfferAnnouncer).left).not.toHaveBeenCalled();
    expect(waiting.fake(AgentStateService).releaseSlot).not.toHaveBeenCalled();
    expect(waiting.fake(OfferAnnouncer).queueMoved).toHaveBeenCalledWith('q1');
  });

  it('a contact moved by someone else first (accepted) is left alone', async () => {
    const { sut, fake } = setup({ ...ringing, state: 'accepted' });
    await sut.overflow('c1');
    expect(fake(RoutingContactRepository).move).not.toHaveBeenCalled();
    expect(fake(ConversationService).end).not.toHaveBeenCalled();
    expect(fake(OfferAnnouncer).left).not.toHaveBeenCalled();
  });
});
