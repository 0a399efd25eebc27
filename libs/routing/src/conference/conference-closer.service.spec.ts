import { Clock, TransactionRunner } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import type { ConferenceEntity } from '../entities/conference.entity';
import { ConferenceRepository } from '../repositories/conference.repository';
import { AgentStateService } from '../services/agent-state.service';
import { WrapUpObligationService } from '../wrap-up/wrap-up-obligation.service';
import { ConferenceAnnouncer } from './conference-announcer.service';
import { ConferenceCloser } from './conference-closer.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const joinedAt = new Date('2026-01-01T09:55:00.000Z');
const base = {
  id: 'k1',
  conversationId: 'c1',
  companyId: 'co1',
  queueId: 'q1',
  agentId: 'b1',
  agentName: 'Bob',
  requestedById: 'a1',
  joinedAt,
} as ConferenceEntity;

describe('ConferenceCloser', () => {
  function setup(moved = true) {
    const t = newTestService(ConferenceCloser);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(ConferenceRepository).move.mockResolvedValue(moved);
    t.fake(ConversationTimers).cancel.mockResolvedValue();
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(AgentStateService).releaseSlot.mockResolvedValue();
    t.fake(ConversationService).removeParticipant.mockResolvedValue();
    t.fake(ConversationService).postSystemMessage.mockResolvedValue(null);
    t.fake(WrapUpObligationService).open.mockResolvedValue({} as never);
    t.fake(ConferenceAnnouncer).closed.mockResolvedValue();
    t.fake(ConferenceAnnouncer).changed.mockReturnValue();
    return t;
  }

  it('cancel: the ringing request is withdrawn and the slot freed', async () => {
    const { sut, fake } = setup();
    expect(await sut.cancel({ ...base, state: 'ringing' })).toBe(true);
    expect(fake(ConferenceRepository).move).toHaveBeenCalledWith(
      'k1',
      'ringing',
      { state: 'cancelled', endedAt: now },
      {},
    );
    expect(fake(ConversationTimers).cancel).toHaveBeenCalledWith('routing.conference-offer', 'c1', {});
    expect(fake(AgentStateService).releaseSlot).toHaveBeenCalledWith('b1');
    expect(fake(ConferenceAnnouncer).closed).toHaveBeenCalledWith(expect.objectContaining({ id: 'k1' }), 'withdrawn');
  });

  it('finish with leaving: the agent leaves with a line, owes a wrap-up holding the slot (handle time from joining)', async () => {
    const { sut, fake } = setup();
    expect(await sut.finish({ ...base, state: 'joined' }, 'conference_ended', true)).toBe(true);
    expect(fake(ConversationService).removeParticipant).toHaveBeenCalledWith('c1', 'technician', 'b1', {
      announce: false,
    });
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledWith('c1', {
      en: 'Bob left the conversation',
      fr: 'Bob a quitté la conversation',
    });
    expect(fake(WrapUpObligationService).open).toHaveBeenCalledWith({
      conversationId: 'c1',
      accountId: 'b1',
      queueId: 'q1',
      companyId: 'co1',
      cause: 'conference_ended',
      acceptedAt: joinedAt,
    });
    expect(fake(AgentStateService).releaseSlot).not.toHaveBeenCalled();
    expect(fake(ConferenceAnnouncer).changed).toHaveBeenCalledWith(expect.objectContaining({ state: 'ended' }));
  });

  it('finish after the chat ended: no leaving line; lost races do nothing', async () => {
    const ended = setup();
    await ended.sut.finish({ ...base, state: 'joined' }, 'customer_ended', false);
    expect(ended.fake(ConversationService).removeParticipant).not.toHaveBeenCalled();
    expect(ended.fake(WrapUpObligationService).open).toHaveBeenCalledWith(
      expect.objectContaining({ cause: 'customer_ended' }),
    );
    const lost = setup(false);
    expect(await lost.sut.finish({ ...base, state: 'joined' }, 'ended', false)).toBe(false);
    expect(await lost.sut.cancel({ ...base, state: 'ringing' })).toBe(false);
    expect(lost.fake(WrapUpObligationService).open).not.toHaveBeenCalled();
    expect(lost.fake(AgentStateService).releaseSlot).not.toHaveBeenCalled();
  });
});
