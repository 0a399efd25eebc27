import { CsatSurveysService, EndUserTicketsService } from '@switchboard/tickets';
import { newTestService } from '@switchboard/testing';
import { PortalCsatService } from './portal-csat.service.js';

const WHO = { sessionId: 's', portalId: 'p', companyId: 'co', contactId: 'c1' };

describe('PortalCsatService', () => {
  it('answers the survey of the contact’s own ticket (another’s ticket is the finder’s 404)', async () => {
    const t = newTestService(PortalCsatService);
    t.fake(EndUserTicketsService).find.mockResolvedValue({ id: 't1', number: 7 } as never);
    t.fake(CsatSurveysService).answerForTicket.mockResolvedValue();
    await t.sut.answer(WHO, 7, { score: 5 });
    expect(t.fake(EndUserTicketsService).find).toHaveBeenCalledWith(7, WHO);
    expect(t.fake(CsatSurveysService).answerForTicket).toHaveBeenCalledWith('t1', 'c1', { score: 5 });
  });
});
