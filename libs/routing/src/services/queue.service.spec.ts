import {
  AccessPolicy,
  AccountService,
  Clock,
  CompanyService,
  NotFoundError,
  ValidationFailedError,
} from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository.js';
import { QueueService } from './queue.service.js';

const now = new Date('2026-01-01T10:00:00.000Z');
const queue = (companyIds: string[]) =>
  ({
    id: 'q1',
    name: 'Q',
    nameKey: 'q',
    companyIds,
    memberIds: [],
    offerTimeoutSeconds: 20,
    maxWaitSeconds: 600,
    createdAt: now,
    updatedAt: now,
  }) as never;

describe('QueueService', () => {
  it('creates a queue with the default timers', async () => {
    const { sut, fake } = newTestService(QueueService);
    fake(Clock).now.mockReturnValue(now);
    fake(CompanyService).exists.mockResolvedValue(true);
    fake(AccountService).getMany.mockResolvedValue([{ id: 'a1' }] as never);
    fake(QueueRepository).findByNameKey.mockResolvedValue(null);
    fake(QueueRepository).insert.mockImplementation(async (e) => e);
    const view = await sut.create({ name: ' First line ', companyIds: ['c1', 'c1'], memberIds: ['a1'] });
    expect(view).toMatchObject({
      name: 'First line',
      companyIds: ['c1'],
      offerTimeoutSeconds: 20,
      maxWaitSeconds: 600,
    });
  });

  it('names unknown companies and accounts in the field errors', async () => {
    const { sut, fake } = newTestService(QueueService);
    fake(Clock).now.mockReturnValue(now);
    fake(CompanyService).exists.mockResolvedValue(false);
    fake(AccountService).getMany.mockResolvedValue([]);
    await expect(sut.create({ name: 'Q', companyIds: ['c9'], memberIds: ['a9'] })).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
  });

  it('hides a queue of companies the technician does not serve (404, no existence oracle)', async () => {
    const { sut, fake } = newTestService(QueueService);
    fake(QueueRepository).findById.mockResolvedValue(queue(['c2']));
    fake(AccessPolicy).companyFilter.mockReturnValue(['c1']);
    await expect(sut.get('q1', {} as never)).rejects.toBeInstanceOf(NotFoundError);
  });
});
