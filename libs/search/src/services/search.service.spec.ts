import { AccessPolicy, PiiMasker, PiiRevealPolicy, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { SearchRepository } from '../repositories/search.repository.js';
import { SearchService } from './search.service.js';

const me = { id: 'a1', role: 'technician', companyIds: ['co'] } as never;
const at = new Date('2026-01-05T09:00:00Z');

describe('SearchService', () => {
  function build(opts: { masked?: boolean } = {}) {
    const masker = {
      active: !!opts.masked,
      maskedCompanies: jest.fn().mockReturnValue({ byDefault: true, except: [] }),
      mode: jest.fn().mockReturnValue(opts.masked ? 'display' : 'off'),
      maskText: jest.fn((text: string) => (opts.masked ? text.replace(/\d(?=\d{4})/g, '*') : text)),
    };
    const t = newTestService(SearchService, { types: [[PiiMasker, masker]] });
    t.fake(AccessPolicy).companyFilter.mockReturnValue(['co']);
    t.fake(PiiRevealPolicy).canReveal.mockReturnValue(false);
    const repo = t.fake(SearchRepository);
    repo.tickets.mockResolvedValue([]);
    repo.comments.mockResolvedValue([]);
    repo.contacts.mockResolvedValue([]);
    repo.messages.mockResolvedValue([]);
    return t;
  }

  it('refuses a query with nothing to search (400 naming q)', async () => {
    const { sut } = build();
    await expect(sut.search({ q: '--' }, me)).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it("searches within the viewer's companies, raw when nothing is masked, and merges comment hits by ticket", async () => {
    const { sut, fake } = build();
    const ticket = { number: 7, title: 'Printer', status: 'open', companyId: 'co', updatedAt: at };
    fake(SearchRepository).tickets.mockResolvedValue([{ ...ticket, id: 't7', description: 'jammed printer' }]);
    fake(SearchRepository).comments.mockResolvedValue([
      { ...ticket, body: 'printer again' },
      { ...ticket, number: 8, title: 'Other', body: 'the printer', updatedAt: new Date('2026-01-06T00:00:00Z') },
    ]);
    const r = await sut.search({ q: 'printer', limit: 5 }, me);
    expect(fake(SearchRepository).tickets).toHaveBeenCalledWith(
      expect.objectContaining({ terms: ['printer'] }),
      { companyIds: ['co'], masked: undefined },
      5,
    );
    expect(r.tickets.map((h) => [h.number, h.matchedIn])).toEqual([
      [8, 'comment'],
      [7, 'ticket'],
    ]);
    expect(r.tickets[1].snippet.highlights.length).toBeGreaterThan(0);
  });

  it('masked viewers: the masked scope goes to the query, raw-only matches are dropped, snippets are masked', async () => {
    const { sut, fake } = build({ masked: true });
    fake(SearchRepository).contacts.mockResolvedValue([
      { id: 'p1', firstName: '+447966197542', lastName: 'Caller', email: 'c@x.example', phone: null, companyId: 'co' },
    ]);
    fake(SearchRepository).messages.mockResolvedValue([
      {
        conversationId: 'v1',
        subject: null,
        status: 'active',
        companyId: 'co',
        body: 'card 41111111 ok',
        createdAt: at,
        channel: 'portal',
        ticketNumber: null,
      },
    ]);
    const hidden = await sut.search({ q: '79661' }, me);
    expect(fake(SearchRepository).contacts).toHaveBeenCalledWith(
      expect.anything(),
      { companyIds: ['co'], masked: { byDefault: true, except: [] } },
      15,
    );
    expect(hidden.contacts).toEqual([]);
    const visible = await sut.search({ q: 'card' }, me);
    expect(visible.conversations[0].snippet.text).toBe('card ****1111 ok');
  });
});
