import { AccessPolicy, NotFoundError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationEntity } from '../entities/conversation.entity.js';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ConversationRecordService } from './conversation-record.service.js';

const row = () =>
  Object.assign(new ConversationEntity(), {
    id: 'c1',
    companyId: 'co',
    channel: 'portal',
    status: 'waiting',
    meta: { a: 1 },
  });

describe('ConversationRecordService', () => {
  it("a technician who does not serve the conversation's company gets a 404", async () => {
    const { sut, fake } = newTestService(ConversationRecordService);
    fake(ConversationRepository).findById.mockResolvedValue(row());
    fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(sut.getForTechnician('c1', { id: 'a1' } as never)).rejects.toBeInstanceOf(NotFoundError);
    fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    await expect(sut.getForTechnician('c1', { id: 'a1' } as never)).resolves.toMatchObject({ id: 'c1' });
  });

  it('patchMeta merges into the stored meta', async () => {
    const { sut, fake } = newTestService(ConversationRecordService);
    fake(ConversationRepository).findById.mockResolvedValue(row());
    fake(ConversationRepository).updateMeta.mockResolvedValue(undefined);
    const view = await sut.patchMeta('c1', { b: 2 });
    expect(fake(ConversationRepository).updateMeta).toHaveBeenCalledWith('c1', { a: 1, b: 2 });
    expect(view.meta).toEqual({ a: 1, b: 2 });
  });

  it('an unknown conversation is a 404', async () => {
    const { sut, fake } = newTestService(ConversationRecordService);
    fake(ConversationRepository).findById.mockResolvedValue(null);
    await expect(sut.get('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
