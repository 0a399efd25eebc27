import { NotFoundError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { EndUserTicketsService } from './end-user-tickets.service.js';

const WHO = { contactId: 'c1', companyId: 'co' };

describe('EndUserTicketsService', () => {
  function build(ticket: Record<string, unknown> | null) {
    const t = newTestService(EndUserTicketsService);
    t.fake(TicketRepository).findByNumber.mockResolvedValue(
      ticket && ({ id: 't1', number: 3, companyId: 'co', requesterId: 'other', cc: [], ...ticket } as never),
    );
    t.fake(TicketCommentRepository).listForTicket.mockResolvedValue({
      items: [{ attachments: [{ id: 'pub' }] }] as never,
      nextCursor: null,
    });
    return t;
  }

  it('the requester and a contact in Cc may read; another contact, another company or an account in Cc may not', async () => {
    await expect(build({ requesterId: 'c1' }).sut.find(3, WHO)).resolves.toMatchObject({ id: 't1' });
    await expect(build({ cc: [{ kind: 'contact', id: 'c1' }] }).sut.find(3, WHO)).resolves.toBeTruthy();
    for (const t of [{}, { requesterId: 'c1', companyId: 'other' }, { cc: [{ kind: 'account', id: 'c1' }] }])
      await expect(build(t).sut.find(3, WHO)).rejects.toBeInstanceOf(NotFoundError);
    await expect(build(null).sut.find(3, WHO)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a file downloads only when a public comment carries it (reads public comments only)', async () => {
    const t = build({ requesterId: 'c1' });
    await expect(t.sut.attachment(3, 'pub', WHO)).resolves.toBeUndefined();
    await expect(t.sut.attachment(3, 'note-file', WHO)).rejects.toBeInstanceOf(NotFoundError);
    expect(t.fake(TicketCommentRepository).listForTicket).toHaveBeenCalledWith('t1', expect.anything(), true);
  });
});
