import { AppConfig } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { SavedViewEntity } from '../entities/saved-view.entity.js';
import { SavedViewRepository } from '../repositories/saved-view.repository.js';
import { SavedViewCountsService } from './saved-view-counts.service.js';
import { TicketQueryService } from './ticket-query.service.js';

const tina = { id: 'acc-tina', name: 'Tina', role: 'technician' } as never;

describe('SavedViewCountsService', () => {
  it("lists the built-in views then the caller's own, each counted with the list's query for the caller", async () => {
    const t = newTestService(SavedViewCountsService, { types: [[AppConfig, { viewCountLimit: 1000 }]] });
    const own = Object.assign(new SavedViewEntity(), {
      id: 'v1',
      accountId: 'acc-tina',
      name: 'Critical',
      filters: { priority: 'critical' },
      position: 0,
      createdAt: new Date('2026-12-03T09:00:00Z'),
    });
    t.fake(SavedViewRepository).ofAccount.mockResolvedValue([own]);
    const counts: Record<string, number> = {
      'category:open,category:pending|me': 2,
      'category:open,category:pending|none': 3,
      'category:pending|': 1,
      'category:open,category:pending|': 6,
    };
    t.fake(TicketQueryService).count.mockImplementation(async (f) =>
      f.priority ? 4 : (counts[`${f.status}|${f.assignee ?? ''}`] ?? -1),
    );

    const views = await t.sut.list(tina);

    expect(views.map((v) => [v.id, v.builtIn, v.count, v.countCapped])).toEqual([
      ['mine', true, 2, false],
      ['unassigned', true, 3, false],
      ['waiting', true, 1, false],
      ['open', true, 6, false],
      ['v1', false, 4, false],
    ]);
    expect(views[4]).toMatchObject({ name: 'Critical', filters: { priority: 'critical' } });
    expect(t.fake(SavedViewRepository).ofAccount).toHaveBeenCalledWith('acc-tina');
    // One count per view, each for the caller (company scope and masking live in the list's query).
    expect(t.fake(TicketQueryService).count).toHaveBeenCalledTimes(5);
    for (const call of t.fake(TicketQueryService).count.mock.calls) expect(call.slice(1)).toEqual([tina, 1000]);
  });

  it('stops at the configured limit: more matches show as the limit with countCapped', async () => {
    const t = newTestService(SavedViewCountsService, { types: [[AppConfig, { viewCountLimit: 3 }]] });
    t.fake(SavedViewRepository).ofAccount.mockResolvedValue([]);
    // The query service counts up to limit + 1 (4 = "more than 3").
    t.fake(TicketQueryService).count.mockImplementation(async (f) => (f.assignee === 'me' ? 3 : 4));

    const views = await t.sut.list(tina);

    expect(views.map((v) => [v.id, v.count, v.countCapped])).toEqual([
      ['mine', 3, false],
      ['unassigned', 3, true],
      ['waiting', 3, true],
      ['open', 3, true],
    ]);
    expect(t.fake(TicketQueryService).count.mock.calls.every((c) => c[2] === 3)).toBe(true);
  });
});
