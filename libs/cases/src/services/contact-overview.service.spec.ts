import { CompanyService, ContactService, DeviceService, NotFoundError } from '@switchboard/core';
import { TicketQueryService } from '@switchboard/tickets';
import { newTestService } from '@switchboard/testing';
import { CaseRepository } from '../repositories/case.repository.js';
import { ContactOverviewService } from './contact-overview.service.js';

const me = { id: 'a1', name: 'Ada' } as never;
const contact = {
  id: 'c1',
  companyId: 'co',
  firstName: 'Jo',
  lastName: 'Doe',
  email: 'jo@x',
  phone: '1',
  language: null,
  createdAt: '',
};

describe('ContactOverviewService', () => {
  it('collects the contact, company, newest tickets, chats and the devices of its company', async () => {
    const { sut, fake } = newTestService(ContactOverviewService);
    fake(ContactService).get.mockResolvedValue(contact);
    fake(CompanyService).get.mockResolvedValue({ id: 'co', name: 'Acme', createdAt: '', updatedAt: '' });
    fake(TicketQueryService).list.mockResolvedValue({
      items: [{ number: 7, title: 'VPN', status: 'open', statusCategory: 'open', updatedAt: 'u' }] as never,
      nextCursor: null,
    });
    fake(CaseRepository).listByContact.mockResolvedValue([
      {
        id: 'case-0000-abcdefgh',
        type: 'live_chat',
        status: 'resolved',
        question: 'Hi',
        ticketNumber: null,
        createdAt: new Date(0),
      },
    ] as never);
    fake(DeviceService).listForContact.mockResolvedValue([
      { id: 'd1', companyId: 'co', name: 'PC-1', os: 'Windows', lastSeenAt: null },
      { id: 'd2', companyId: 'other', name: 'PC-2', os: 'Linux', lastSeenAt: null },
    ] as never);

    const o = await sut.overview('c1', me);

    expect(fake(ContactService).get).toHaveBeenCalledWith('c1', me);
    expect(fake(TicketQueryService).list).toHaveBeenCalledWith({ requester: 'c1', sort: '-updated', limit: 10 }, me);
    expect(o.companyId).toBe('co');
    expect(o.company).toEqual({ id: 'co', name: 'Acme' });
    expect(o.tickets.map((t) => t.number)).toEqual([7]);
    expect(o.chats[0]).toMatchObject({ shortId: 'abcdefgh', createdAt: new Date(0).toISOString() });
    expect(o.devices.map((d) => d.name)).toEqual(['PC-1']);
  });

  it('refuses a contact outside the viewer companies before reading anything else', async () => {
    const { sut, fake } = newTestService(ContactOverviewService);
    fake(ContactService).get.mockRejectedValue(new NotFoundError('Contact', 'c1'));
    await expect(sut.overview('c1', me)).rejects.toBeInstanceOf(NotFoundError);
  });
});
