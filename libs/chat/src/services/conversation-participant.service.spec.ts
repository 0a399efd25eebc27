import { Clock, ConflictError, FakeClock, type Tx } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ParticipantRepository } from '../repositories/participant.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationMessageService } from './conversation-message.service.js';
import { ConversationParticipantService } from './conversation-participant.service.js';
import { ConversationTimers } from './conversation-timers.service.js';
import { ParticipantCache } from './participant-cache.js';

const tx = { manager: 'tx' } as unknown as Tx;

const NOW = Date.UTC(2026, 0, 1);
const conversation = (status: string) =>
  Object.assign(new ConversationEntity(), { id: 'c1', companyId: 'co', channel: 'portal', status });

describe('ConversationParticipantService', () => {
  const build = () => newTestService(ConversationParticipantService, { types: [[Clock, new FakeClock(NOW)]] });

  it('an owner technician joining turns a waiting conversation active, announces and fans out', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(conversation('waiting'));
    fake(ParticipantRepository).find.mockResolvedValue(null);
    fake(ParticipantRepository).insertWithoutReload.mockResolvedValue(undefined);
    fake(ParticipantCache).forget.mockReturnValue(undefined);
    fake(ConversationRepository).runInTransaction.mockImplementation(((work: (tx: Tx) => Promise<unknown>) =>
      work(tx)) as never);
    fake(ConversationRepository).transition.mockResolvedValue(true);
    fake(ConversationTimers).cancelAll.mockResolvedValue(undefined);
    fake(ConversationMessageService).postSystemMessage.mockResolvedValue(null);
    fake(ConversationFanout).emit.mockReturnValue(undefined);
    const view = await sut.add('c1', { kind: 'technician', refId: 'a1', name: 'Ada' });
    expect(view).toMatchObject({ kind: 'technician', id: 'a1', role: 'owner', joinedAt: new Date(NOW).toISOString() });
    expect(fake(ConversationRepository).transition).toHaveBeenCalledWith('c1', ['waiting'], { status: 'active' }, tx);
    // Taken: the waiting timers go in the same transaction.
    expect(fake(ConversationTimers).cancelAll).toHaveBeenCalledWith('c1', tx);
    expect(fake(ConversationMessageService).postSystemMessage).toHaveBeenCalledWith('c1', {
      en: 'Ada joined the chat',
      fr: 'Ada a rejoint la discussion',
    });
    expect(fake(ParticipantCache).forget).toHaveBeenCalledWith('c1', 'technician', 'a1');
    // A new participant is one INSERT (no save: no re-read, no transaction of its own).
    expect(fake(ParticipantRepository).insertWithoutReload).toHaveBeenCalledWith(
      expect.objectContaining({ conversationId: 'c1', kind: 'technician', refId: 'a1', role: 'owner' }),
    );
  });

  it('an owner joining a conversation that is already active leaves its timers alone', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(conversation('active'));
    fake(ParticipantRepository).find.mockResolvedValue(null);
    fake(ParticipantRepository).insertWithoutReload.mockResolvedValue(undefined);
    fake(ParticipantCache).forget.mockReturnValue(undefined);
    fake(ConversationRepository).runInTransaction.mockImplementation(((work: (tx: Tx) => Promise<unknown>) =>
      work(tx)) as never);
    fake(ConversationRepository).transition.mockResolvedValue(false);
    fake(ConversationFanout).emit.mockReturnValue(undefined);
    await sut.add('c1', { kind: 'technician', refId: 'a1', name: 'Ada' }, { announce: false });
    expect(fake(ConversationTimers).cancelAll).not.toHaveBeenCalled();
  });

  it('a member joining silently neither activates nor announces', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(conversation('waiting'));
    fake(ParticipantRepository).find.mockResolvedValue(null);
    fake(ParticipantRepository).insertWithoutReload.mockResolvedValue(undefined);
    fake(ParticipantCache).forget.mockReturnValue(undefined);
    fake(ConversationFanout).emit.mockReturnValue(undefined);
    await sut.add('c1', { kind: 'contact', refId: 'ct', name: 'Jane', role: 'member' }, { announce: false });
    expect(fake(ConversationRepository).transition).not.toHaveBeenCalled();
    expect(fake(ConversationMessageService).postSystemMessage).not.toHaveBeenCalled();
  });

  it('nobody joins an ended conversation', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(conversation('ended'));
    await expect(sut.add('c1', { kind: 'technician', refId: 'a1', name: 'Ada' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('leaving twice is one leave', async () => {
    const { sut, fake } = build();
    fake(ConversationRepository).findById.mockResolvedValue(conversation('active'));
    fake(ParticipantRepository).find.mockResolvedValue({ name: 'Ada', leftAt: new Date(0) } as never);
    await sut.remove('c1', 'technician', 'a1');
    expect(fake(ParticipantRepository).save).not.toHaveBeenCalled();
  });
});
