import { AccessPolicy, PiiMasker, PiiRevealPolicy } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketQueryService } from './ticket-query.service.js';

const tina = { id: 'acc-tina', name: 'Tina', role: 'technician', allCompanies: false, companyIds: ['co-1'] } as never;
const SCOPE = { byDefault: true, except: [] };

// count(): the saved views' badges (#15); it must build the very query the list pages through.
describe('TicketQueryService.count', () => {
  function build(masked = true) {
    const t = newTestService(TicketQueryService, {
      types: [
        [AccessPolicy, new AccessPolicy()],
        [PiiMasker, { active: masked, maskedCompanies: () => SCOPE }],
      ],
    });
    t.fake(PiiRevealPolicy).canReveal.mockReturnValue(false);
    return t;
  }

  it("counts with the list's filters for the caller: me, none, categories, company scope and masked search", async () => {
    const { sut, fake } = build();
    fake(TicketRepository).count.mockResolvedValue(4);
    expect(await sut.count({ status: 'category:open,pending', assignee: 'me', q: ' printer ' }, tina)).toBe(4);
    expect(fake(TicketRepository).count).toHaveBeenCalledWith(
      expect.objectContaining({
        statuses: ['pending'],
        statusCategories: ['open'],
        assigneeId: 'acc-tina',
        companyIds: ['co-1'],
        text: 'printer',
        maskedText: SCOPE,
      }),
    );
    await sut.count({ assignee: 'none' }, tina);
    expect(fake(TicketRepository).count).toHaveBeenLastCalledWith(expect.objectContaining({ assigneeId: null }));
  });

  it("a company outside the caller's scope counts nothing (empty scope), like the list", async () => {
    const { sut, fake } = build(false);
    fake(TicketRepository).count.mockResolvedValue(0);
    await sut.count({ company: 'co-2' }, tina);
    expect(fake(TicketRepository).count).toHaveBeenCalledWith(
      expect.objectContaining({ companyIds: [], companyId: 'co-2', maskedText: undefined }),
    );
  });

  it('retries a search that found nothing as a widened (substring) search, as the first list page does', async () => {
    const { sut, fake } = build();
    fake(TicketRepository).count.mockResolvedValueOnce(0).mockResolvedValueOnce(2);
    expect(await sut.count({ q: 'lophon' }, tina)).toBe(2);
    expect(fake(TicketRepository).count).toHaveBeenLastCalledWith(expect.objectContaining({ textWidened: true }));
    fake(TicketRepository).count.mockClear().mockResolvedValue(0);
    expect(await sut.count({ priority: 'high' }, tina)).toBe(0);
    expect(fake(TicketRepository).count).toHaveBeenCalledTimes(1);
  });
});
