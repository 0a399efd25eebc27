import { ConflictError, DomainEventBus, PiiMasker, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { MessageEntity } from '../entities/message.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { MessageRepository } from '../repositories/message.repository.js';
import { ConversationFanout } from './conversation-fanout.service.js';
import { ConversationLanguageService } from './conversation-language.service.js';
import { ConversationMessageService } from './conversation-message.service.js';
import { MessageWriter } from './message-writer.service.js';
import { AgentMessageRules } from './agent-message-rules.service.js';

const stored = (over: Partial<MessageEntity> = {}) =>
  Object.assign(new MessageEntity(), {
    id: 'm1',
    conversationId: 'c1',
    seq: 1,
    clientId: 'k1',
    kind: 'text',
    body: 'hi',
    authorKind: 'contact',
    authorName: 'Jane',
    authorContactId: 'ct',
    authorAccountId: null,
    createdAt: new Date(0),
    ...over,
  });

describe('ConversationMessageService', () => {
  function build() {
    const t = newTestService(ConversationMessageService);
    t.fake(ConversationRepository).findById.mockResolvedValue(
      Object.assign(new ConversationEntity(), { id: 'c1', companyId: 'co', channel: 'portal' }),
    );
    t.fake(PiiMasker).maskInbound.mockImplementation(((s: string | null) =>
      s === null ? null : s.replace(/\d/g, '#')) as never);
    t.fake(ConversationFanout).emit.mockReturnValue(undefined);
    t.fake(DomainEventBus).publish.mockResolvedValue(undefined);
    t.fake(ConversationLanguageService).resolve.mockImplementation(async (_id, text) =>
      typeof text === 'string' ? text : text.fr,
    );
    t.fake(AgentMessageRules).check.mockResolvedValue(undefined);
    return t;
  }
  const jane = { kind: 'contact' as const, id: 'ct', name: 'Jane' };

  it("stores a system line in the conversation's language (#16)", async () => {
    const { sut, fake } = build();
    fake(MessageWriter).write.mockResolvedValueOnce({ message: { body: 'x' } } as never);
    await sut.postSystemMessage('c1', { en: 'Ada joined the chat', fr: 'Ada a rejoint la discussion' });
    expect(fake(MessageWriter).write).toHaveBeenCalledWith(
      expect.objectContaining({ body: 'Ada a rejoint la discussion', kind: 'system' }),
    );
  });

  it('last: the newest messages as the repository reads them (oldest first), the limit clamped', async () => {
    const { sut, fake } = build();
    fake(MessageRepository).listLast.mockResolvedValue([stored({ seq: 11 }), stored({ id: 'm2', seq: 12 })]);
    expect((await sut.last('c1', 50)).map((m) => m.seq)).toEqual([11, 12]);
    expect(fake(MessageRepository).listLast).toHaveBeenCalledWith('c1', 50);
    await sut.last('c1', 0);
    expect(fake(MessageRepository).listLast).toHaveBeenLastCalledWith('c1', 1);
  });

  it('refuses an empty or too long text before any I/O', async () => {
    const { sut, fake } = build();
    await expect(sut.post({ conversationId: 'c1', author: jane, body: '  ' })).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
    await expect(sut.post({ conversationId: 'c1', author: jane, body: 'x'.repeat(11), maxLength: 10 })).rejects.toThrow(
      'Messages are limited to 10 characters',
    );
    expect(fake(ConversationRepository).findById).not.toHaveBeenCalled();
  });

  it("runs the floors' rules on a technician's text only, before anything is written", async () => {
    const { sut, fake } = build();
    fake(AgentMessageRules).check.mockRejectedValueOnce(new ValidationFailedError('reserved', { body: ['no <'] }));
    const ada = { kind: 'technician' as const, id: 'a1', name: 'Ada' };
    await expect(sut.post({ conversationId: 'c1', author: ada, body: 'a < b' })).rejects.toThrow('reserved');
    expect(fake(AgentMessageRules).check).toHaveBeenCalledWith('c1', 'a < b');
    expect(fake(MessageWriter).write).not.toHaveBeenCalled();
    fake(MessageWriter).write.mockResolvedValue({ message: stored(), duplicate: true } as never);
    await sut.post({ conversationId: 'c1', author: jane, body: 'a < b' });
    expect(fake(AgentMessageRules).check).toHaveBeenCalledTimes(1);
  });

  it('masks the text on ingest, writes it, delivers it to the room but the sender; the company is read once', async () => {
    const { sut, fake } = build();
    fake(MessageWriter).write.mockResolvedValue({
      message: stored({ body: 'card ####' }),
      duplicate: false,
      conversation: { channel: 'portal', companyId: 'co' },
    } as never);
    const out = await sut.post({ conversationId: 'c1', author: jane, body: 'card 4242', originSocketId: 's1' });
    await sut.post({ conversationId: 'c1', author: jane, body: 'again 1' });
    expect(out.duplicate).toBe(false);
    expect(fake(MessageWriter).write).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ body: 'card ####', authorKind: 'contact', authorContactId: 'ct' }),
    );
    expect(fake(ConversationRepository).findById).toHaveBeenCalledTimes(1);
    expect(fake(ConversationFanout).emit).toHaveBeenCalledWith(
      'portal',
      'c1',
      'conversation.message',
      expect.objectContaining({ conversationId: 'c1' }),
      's1',
    );
  });

  it('a retried clientId answers with the stored message and delivers nothing', async () => {
    const { sut, fake } = build();
    fake(MessageWriter).write.mockResolvedValue({ message: stored(), duplicate: true, conversation: null } as never);
    const out = await sut.post({ conversationId: 'c1', author: jane, body: 'hi', clientId: 'k1' });
    expect(out).toMatchObject({ duplicate: true, message: { id: 'm1' } });
    expect(fake(ConversationFanout).emit).not.toHaveBeenCalled();
    expect(fake(DomainEventBus).publish).not.toHaveBeenCalled();
  });

  it('a system line on an ended conversation is dropped (null), other errors surface', async () => {
    const { sut, fake } = build();
    fake(MessageWriter).write.mockRejectedValueOnce(new ConflictError('ended'));
    await expect(sut.postSystemMessage('c1', 'joined')).resolves.toBeNull();
    fake(MessageWriter).write.mockRejectedValueOnce(new Error('disk'));
    await expect(sut.postSystemMessage('c1', 'joined')).rejects.toThrow('disk');
  });
});
