import { Clock, ConflictError, NotFoundError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { WrapUpReasonRepository } from '../repositories/wrap-up-reason.repository.js';
import { WrapUpReasonService } from './wrap-up-reason.service.js';

const now = new Date('2026-01-01T10:00:00.000Z');

describe('WrapUpReasonService', () => {
  it('creates an active reason with a trimmed label', async () => {
    const { sut, fake } = newTestService(WrapUpReasonService);
    fake(Clock).now.mockReturnValue(now);
    fake(WrapUpReasonRepository).findByLabelKey.mockResolvedValue(null);
    fake(WrapUpReasonRepository).insert.mockImplementation(async (e) => e);
    expect(await sut.create({ label: '  Solved ' })).toMatchObject({ label: 'Solved', labelFr: null, active: true });
  });

  it('keeps an optional French label, trimmed; a blank one clears it', async () => {
    const { sut, fake } = newTestService(WrapUpReasonService);
    fake(Clock).now.mockReturnValue(now);
    fake(WrapUpReasonRepository).findByLabelKey.mockResolvedValue(null);
    fake(WrapUpReasonRepository).insert.mockImplementation(async (e) => e);
    fake(WrapUpReasonRepository).save.mockImplementation(async (e) => e);
    const created = await sut.create({ label: 'Solved', labelFr: ' Résolu ' });
    expect(created.labelFr).toBe('Résolu');
    fake(WrapUpReasonRepository).findById.mockResolvedValue({ ...created, labelKey: 'solved' } as never);
    expect((await sut.update(created.id, { labelFr: '  ' })).labelFr).toBeNull();
  });

  it('refuses a label another reason has (any case) with 409', async () => {
    const { sut, fake } = newTestService(WrapUpReasonService);
    fake(Clock).now.mockReturnValue(now);
    fake(WrapUpReasonRepository).findByLabelKey.mockResolvedValue({ id: 'other' } as never);
    await expect(sut.create({ label: 'SOLVED' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an inactive reason cannot be picked at wrap-up', async () => {
    const { sut, fake } = newTestService(WrapUpReasonService);
    fake(WrapUpReasonRepository).findById.mockResolvedValue({ id: 'r1', active: false } as never);
    await expect(sut.active('r1')).rejects.toBeInstanceOf(NotFoundError);
  });
});
