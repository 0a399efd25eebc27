import { Clock, ContactService, FakeClock, SettingsService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { CsatSurveysService, EndUserTicketsService } from '@switchboard/tickets';
import { PortalTicketReadRepository } from '../repositories/portal-ticket-read.repository.js';
import { PortalTicketsService } from './portal-tickets.service.js';

const WHO = { sessionId: 's', portalId: 'p', companyId: 'co', contactId: 'c1' };
const ticket = (number: number, statusCategory: string, updatedAt: string, activityStatus = 'read') =>
  ({
    number,
    title: `T${number}`,
    status: statusCategory === 'done' ? 'resolved' : 'open',
    statusCategory,
    activityStatus,
    updatedAt,
    createdAt: updatedAt,
  }) as never;

describe('PortalTicketsService', () => {
  it('lists open before done, newest first, unread when a technician answered since the last visit', async () => {
    const t = newTestService(PortalTicketsService, { types: [[Clock, new FakeClock()]] });
    t.fake(EndUserTicketsService).list.mockResolvedValue([
      ticket(1, 'done', '2026-01-03T00:00:00.000Z'),
      ticket(2, 'open', '2026-01-01T00:00:00.000Z', 'waiting_for_contact'),
      ticket(3, 'open', '2026-01-02T00:00:00.000Z', 'waiting_for_contact'),
    ]);
    t.fake(EndUserTicketsService).statusList.mockResolvedValue([
      { key: 'open', name: 'Open', nameFr: 'Ouvert' },
    ] as never);
    t.fake(PortalTicketReadRepository).readTimes.mockResolvedValue(new Map([[3, new Date('2026-01-05T00:00:00Z')]]));
    const list = await t.sut.list(WHO);
    expect(list.map((x) => [x.number, x.unread])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    expect(list[0]).toMatchObject({ statusName: 'Open', statusNameFr: 'Ouvert' });
    // A status the list does not know: its key, no French label.
    expect(list[2]).toMatchObject({ statusNameFr: null });
  });

  it('opening a ticket marks it read and says whether the reply box is offered', async () => {
    const clock = new FakeClock();
    const t = newTestService(PortalTicketsService, { types: [[Clock, clock]] });
    t.fake(EndUserTicketsService).get.mockResolvedValue({
      ticket: {
        ...(ticket(4, 'done', '2026-01-01T00:00:00.000Z') as object),
        id: 'tk4',
        status: 'closed',
        description: 'd',
        mergedInto: null,
      },
      comments: [],
    } as never);
    t.fake(EndUserTicketsService).statusList.mockResolvedValue([]);
    t.fake(SettingsService).get.mockResolvedValue('new_ticket' as never);
    t.fake(PortalTicketReadRepository).markRead.mockResolvedValue();
    t.fake(ContactService);
    const question = { question: 'Comment avons-nous fait ?', state: 'pending', score: null, comment: null } as const;
    t.fake(CsatSurveysService).forTicket.mockResolvedValue(question);
    const page = await t.sut.get(WHO, 4, 'fr');
    expect(page.canReply).toBe(false);
    // The satisfaction question of the resolved ticket, for this contact, in the page's language.
    expect(page.csat).toEqual(question);
    expect(t.fake(CsatSurveysService).forTicket).toHaveBeenCalledWith('tk4', 'c1', 'fr');
    expect(t.fake(PortalTicketReadRepository).markRead).toHaveBeenCalledWith('c1', 4, clock.now());
  });
});
