import { Clock, ConflictError, FakeClock, NotFoundError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { SavedViewEntity } from '../entities/saved-view.entity.js';
import { SavedViewRepository } from '../repositories/saved-view.repository.js';
import { MAX_SAVED_VIEWS, SavedViewService } from './saved-view.service.js';

const tina = { id: 'acc-tina', name: 'Tina', role: 'technician' } as never;
const NOW = new Date('2026-12-03T09:00:00Z');

const stored = (): SavedViewEntity =>
  Object.assign(new SavedViewEntity(), {
    id: 'v1',
    accountId: 'acc-tina',
    name: 'Critical',
    filters: { priority: 'critical' },
    position: 2,
    createdAt: NOW,
  });

describe('SavedViewService', () => {
  function build() {
    const t = newTestService(SavedViewService, { types: [[Clock, new FakeClock(NOW)]] });
    t.fake(SavedViewRepository).insert.mockImplementation(async (v) => v);
    t.fake(SavedViewRepository).save.mockImplementation(async (v) => v);
    return t;
  }

  it("saves the caller's view after the last one, trimmed, with blank filters dropped", async () => {
    const { sut, fake } = build();
    fake(SavedViewRepository).countOfAccount.mockResolvedValue(3);
    fake(SavedViewRepository).nextPosition.mockResolvedValue(3);
    const view = await sut.create(
      { name: '  Mine, critical ', filters: { assignee: 'me', q: '  ', status: '' } },
      tina,
    );
    expect(view).toMatchObject({
      name: 'Mine, critical',
      builtIn: false,
      filters: { assignee: 'me' },
      position: 3,
      createdAt: NOW.toISOString(),
    });
    expect(fake(SavedViewRepository).nextPosition).toHaveBeenCalledWith('acc-tina');
    expect(fake(SavedViewRepository).insert.mock.calls[0][0]).toMatchObject({ accountId: 'acc-tina', id: view.id });
  });

  it('refuses more than the cap of views (each costs a COUNT on every list)', async () => {
    const { sut, fake } = build();
    fake(SavedViewRepository).countOfAccount.mockResolvedValue(MAX_SAVED_VIEWS);
    await expect(sut.create({ name: 'One more', filters: {} }, tina)).rejects.toBeInstanceOf(ConflictError);
    expect(fake(SavedViewRepository).insert).not.toHaveBeenCalled();
  });

  it('renames, refilters and moves only the fields given', async () => {
    const { sut, fake } = build();
    fake(SavedViewRepository).findOwn.mockResolvedValue(stored());
    expect(await sut.update('v1', { name: ' Urgent ' }, tina)).toMatchObject({
      name: 'Urgent',
      filters: { priority: 'critical' },
      position: 2,
    });
    fake(SavedViewRepository).findOwn.mockResolvedValue(stored());
    expect(await sut.update('v1', { filters: { q: ' fax ' }, position: 0 }, tina)).toMatchObject({
      name: 'Critical',
      filters: { q: 'fax' },
      position: 0,
    });
    expect(fake(SavedViewRepository).findOwn).toHaveBeenCalledWith('v1', 'acc-tina');
  });

  it("another account's (or an unknown) view is a 404 and nothing is written or deleted", async () => {
    const { sut, fake } = build();
    fake(SavedViewRepository).findOwn.mockResolvedValue(null);
    await expect(sut.update('v9', { name: 'x' }, tina)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sut.remove('v9', tina)).rejects.toBeInstanceOf(NotFoundError);
    expect(fake(SavedViewRepository).save).not.toHaveBeenCalled();
    expect(fake(SavedViewRepository).deleteById).not.toHaveBeenCalled();
  });

  it('deletes an own view', async () => {
    const { sut, fake } = build();
    fake(SavedViewRepository).findOwn.mockResolvedValue(stored());
    fake(SavedViewRepository).deleteById.mockResolvedValue(true);
    await sut.remove('v1', tina);
    expect(fake(SavedViewRepository).deleteById).toHaveBeenCalledWith('v1');
  });
});
