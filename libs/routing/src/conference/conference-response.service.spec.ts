import { Clock, TransactionRunner, type AccountPrincipal } from '@switchboard/core';
import { ConversationService, ConversationTimers } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { ConferenceRepository } from '../repositories/conference.repository';
import { AgentStateService } from '../services/agent-state.service';
import { ConferenceAnnouncer } from './conference-announcer.service';
import { ConferenceResponseService } from './conference-response.service';

const now = new Date('2026-01-01T10:00:00.000Z');
const bob = { id: 'b1', name: 'Bob', role: 'technician' } as AccountPrincipal;
const ringing = {
  id: 'k1',
  conversationId: 'c1',
  state: 'ringing',
  agentId: 'b1',
  agentName: 'Bob',
  requestedById: 'a1',
};

describe('ConferenceResponseService', () => {
  function setup(open: unknown = ringing, moved = true) {
    const t = newTestService(ConferenceResponseService);
    t.fake(Clock).now.mockReturnValue(now);
    t.fake(ConferenceRepository).findOpen.mockResolvedValue(open as never);
    t.fake(ConferenceRepository).move.mockResolvedValue(moved);
    t.fake(ConversationTimers).cancel.mockResolvedValue();
    t.fake(TransactionRunner).run.mockImplementation(((work: (tx: unknown) => unknown) => work({})) as never);
    t.fake(ConversationService).addParticipant.mockResolvedValue({} as never);
    t.fake(ConversationService).postSystemMessage.mockResolvedValue(null);
    t.fake(AgentStateService).releaseSlot.mockResolvedValue();
    t.fake(AgentStateService).rona.mockResolvedValue();
    t.fake(ConferenceAnnouncer).closed.mockResolvedValue();
    t.fake(ConferenceAnnouncer).changed.mockReturnValue();
    return t;
  }

  it('knows whether a conference rings for an agent (the gateway routes the answer)', async () => {
    expect(await setup().sut.ringsFor('c1', 'b1')).toBe(true);
    expect(await setup().sut.ringsFor('c1', 'a1')).toBe(false);
    expect(await setup({ ...ringing, state: 'joined' }).sut.ringsFor('c1', 'b1')).toBe(false);
    expect(await setup(null).sut.ringsFor('c1', 'b1')).toBe(false);
  });

  it('accept: joined with its deadline cancelled, a member (not owner), the line in both languages', async () => {
    const { sut, fake } = setup();
    expect(await sut.accept('c1', bob)).toEqual({ conversationId: 'c1' });
    expect(fake(ConferenceRepository).move).toHaveBeenCalledWith(
      'k1',
      'ringing',
      { state: 'joined', joinedAt: now },
      {},
    );
    expect(fake(ConversationTimers).cancel).toHaveBeenCalledWith('routing.conference-offer', 'c1', {});
    expect(fake(ConversationService).addParticipant).toHaveBeenCalledWith(
      'c1',
      { kind: 'technician', refId: 'b1', name: 'Bob', role: 'member' },
      { announce: false },
    );
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledWith('c1', {
      en: 'Bob joined the conversation',
      fr: 'Bob a rejoint la conversation',
    });
    expect(fake(ConferenceAnnouncer).closed).toHaveBeenCalledWith(ringing, 'accepted');
    expect(fake(ConferenceAnnouncer).changed).toHaveBeenCalledWith(expect.objectContaining({ state: 'joined' }));
  });

  it('accept while End conference ended it on another instance (between the move and the add): not left in the chat', async () => {
    const { sut, fake } = setup();
    // Read as ringing, then (after the add) no longer open: finish() removed nobody, so accept does.
    fake(ConferenceRepository)
      .findOpen.mockResolvedValueOnce(ringing as never)
      .mockResolvedValueOnce(null);
    fake(ConversationService).removeParticipant.mockResolvedValue();
    expect(await sut.accept('c1', bob)).toEqual({ conversationId: 'c1' });
    expect(fake(ConversationService).addParticipant).toHaveBeenCalled();
    expect(fake(ConversationService).removeParticipant).toHaveBeenCalledWith('c1', 'technician', 'b1', {
      announce: false,
    });
    expect(fake(ConversationService).postSystemMessage).not.toHaveBeenCalled();
    expect(fake(ConferenceAnnouncer).closed).toHaveBeenCalledWith(ringing, 'accepted');
    expect(fake(ConferenceAnnouncer).changed).not.toHaveBeenCalled(); // its end was announced already
  });

  it('accept lost to the expiry on another instance: 409, nobody added', async () => {
    const { sut, fake } = setup(ringing, false);
    await expect(sut.accept('c1', bob)).rejects.toMatchObject({ status: 409 });
    expect(fake(ConversationService).addParticipant).not.toHaveBeenCalled();
  });

  it('decline frees the slot; answering what does not ring for you is 409', async () => {
    const { sut, fake } = setup();
    await sut.decline('c1', bob);
    expect(fake(AgentStateService).releaseSlot).toHaveBeenCalledWith('b1');
    expect(fake(ConferenceAnnouncer).changed).toHaveBeenCalledWith(expect.objectContaining({ state: 'declined' }));
    const other = { ...bob, id: 'x1' } as AccountPrincipal;
    await expect(setup().sut.decline('c1', other)).rejects.toMatchObject({ status: 409 });
  });

  it('expiry puts the asked agent in RONA; a stale timer (another conference) does nothing', async () => {
    const { sut, fake } = setup();
    await sut.expire('c1', 'k1');
    expect(fake(AgentStateService).rona).toHaveBeenCalledWith('b1');
    expect(fake(ConferenceAnnouncer).closed).toHaveBeenCalledWith(ringing, 'expired');
    const stale = setup();
    await stale.sut.expire('c1', 'older');
    expect(stale.fake(ConferenceRepository).move).not.toHaveBeenCalled();
  });
});
