import { Clock, DomainEventBus, FakeClock, NotFoundError, type Tx } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationMessageService } from './conversation-message.service.js';
import { ConversationStateService } from './conversation-state.service.js';
import { ConversationTimers } from './conversation-timers.service.js';
import { ParticipantCache } from './participant-cache.js';

const NOW = Date.UTC(2026, 0, 1);
const tx = { manager: 'tx' } as unknown as Tx;
const row = (status: string) =>
  Object.assign(new ConversationEntity(), { id: 'c1', companyId: 'co', channel: 'agent', status, meta: {} });

describe('ConversationStateService', () => {
  function build() {
    const t = newTestService(ConversationStateService, { types: [[Clock, new FakeClock(NOW)]] });
    t.fake(ConversationRepository).runInTransaction.mockImplementation(((work: (tx: Tx) => Promise<unknown>) =>
      work(tx)) as never);
    return t;
  }

  it('activate: the winner swaps the timers inside the status change transaction', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).transition.mockResolvedValue(true);
    fake(ConversationTimers).cancelMany.mockResolvedValue(undefined);
    fake(ConversationTimers).arm.mockResolvedValue(undefined);
    const arm = [{ kind: 'idle', dueAt: new Date(NOW + 1) }];
    await expect(sut.activate('c1', { cancel: ['accept'], arm })).resolves.toBe(true);
    expect(fake(ConversationRepository).transition).toHaveBeenCalledWith('c1', ['waiting'], { status: 'active' }, tx);
    expect(fake(ConversationTimers).cancelMany).toHaveBeenCalledWith(['accept'], 'c1', tx);
    expect(fake(ConversationTimers).arm).toHaveBeenCalledWith('c1', arm, tx);
  });

  it('activate: a caller that lost the race touches no timer', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).transition.mockResolvedValue(false);
    await expect(sut.activate('c1', { cancel: ['accept'] })).resolves.toBe(false);
  });

  it('end: status, participants leaving and timer cancellation share one transaction; then fan-out and event', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(row('active'));
    fake(ConversationMessageService).postSystemMessage.mockResolvedValue(null);
    fake(ConversationRepository).transition.mockResolvedValue(true);
    fake(ParticipantRepository).leaveAll.mockResolvedValue(undefined);
    fake(ConversationTimers).cancelAll.mockResolvedValue(undefined);
    fake(ParticipantCache).forgetConversation.mockReturnValue(undefined);
    fake(ConversationFanout).emit.mockReturnValue(undefined);
    fake(DomainEventBus).publish.mockResolvedValue(undefined);
    await expect(sut.end('c1', { reason: 'idle', text: 'Bye' })).resolves.toBe(true);
    expect(fake(ConversationMessageService).postSystemMessage).toHaveBeenCalledWith('c1', 'Bye');
    expect(fake(ConversationRepository).transition).toHaveBeenCalledWith(
      'c1',
      ['waiting', 'active'],
      expect.objectContaining({ status: 'ended', endedReason: 'idle', endedAt: new Date(NOW) }),
      tx,
    );
    expect(fake(ParticipantRepository).leaveAll).toHaveBeenCalledWith('c1', new Date(NOW), tx);
    expect(fake(ConversationTimers).cancelAll).toHaveBeenCalledWith('c1', tx);
    expect(fake(DomainEventBus).publish).toHaveBeenCalledWith('conversation.ended', {
      conversationId: 'c1',
      companyId: 'co',
      channel: 'agent',
      reason: 'idle',
    });
    // `conversation.ending` first: what hangs on the chat writes its line before the end's line.
    const publish = fake(DomainEventBus).publish;
    expect(publish.mock.calls[0]).toEqual([
      'conversation.ending',
      { conversationId: 'c1', companyId: 'co', channel: 'agent', reason: 'idle' },
    ]);
    expect(publish.mock.invocationCallOrder[0]).toBeLessThan(
      fake(ConversationMessageService).postSystemMessage.mock.invocationCallOrder[0],
    );
  });

  it('end: an ended conversation, or a lost race, ends nothing and tells nobody', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValueOnce(row('ended'));
    await expect(sut.end('c1', { reason: 'idle' })).resolves.toBe(false);
    expect(fake(DomainEventBus).publish).not.toHaveBeenCalled();
    fake(ConversationRepository).findById.mockResolvedValueOnce(row('waiting'));
    fake(ConversationRepository).transition.mockResolvedValue(false);
    fake(DomainEventBus).publish.mockResolvedValue(undefined);
    await expect(sut.end('c1', { reason: 'idle' })).resolves.toBe(false);
    expect(fake(ConversationFanout).emit).not.toHaveBeenCalled();
    expect(fake(DomainEventBus).publish).not.toHaveBeenCalledWith('conversation.ended', expect.anything());
  });

  it('end: an unknown conversation is a 404', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(null);
    await expect(sut.end('nope', { reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
