import { ContactService, PiiMasker } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketActivityService } from '../services/ticket-activity.service.js';
import { TicketChangeSet } from '../services/ticket-change-set.js';
import { TicketUnitOfWork } from '../services/ticket-unit-of-work.service.js';
import { CsatRecorder } from './csat-recorder.service.js';
import type { CsatSurveyEntity } from './csat-survey.entity.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

const SURVEY = { id: 's1', ticketId: 't1', contactId: 'c1', companyId: 'co', resolution: 2 } as CsatSurveyEntity;

function build(stored: boolean, latest: Record<string, unknown> = {}) {
  const t = newTestService(CsatRecorder);
  const ticket = Object.assign(new TicketEntity(), { id: 't1', number: 7, companyId: 'co', csatScore: null });
  const cs = new TicketChangeSet(ticket);
  t.fake(TicketRepository).findById.mockResolvedValue(ticket);
  t.fake(ContactService).getMany.mockResolvedValue([{ id: 'c1', firstName: 'Jane', lastName: 'Doe' }] as never);
  t.fake(PiiMasker).maskInbound.mockImplementation(((text: string) => text.replace(/\d{4}/g, '****')) as never);
  t.fake(TicketUnitOfWork).onTicket.mockImplementation(async (_n, _me, work) => {
    await work(cs, 'tx' as never);
    return cs;
  });
  t.fake(TicketUnitOfWork).save.mockResolvedValue();
  t.fake(TicketActivityService).record.mockImplementation(() => undefined);
  t.fake(CsatSurveyRepository).answer.mockResolvedValue(stored);
  t.fake(CsatSurveyRepository).findById.mockResolvedValue({ ...SURVEY, ...latest } as never);
  return { ...t, cs, ticket };
}

describe('CsatRecorder', () => {
  it('stores the answer once, masked, with the activity line as the requester and the header score', async () => {
    const { sut, fake, ticket, cs } = build(true);
    await sut.record(SURVEY, { score: 4, comment: ' card 1234 ' }, new Date());
    expect(fake(CsatSurveyRepository).answer).toHaveBeenCalledWith('s1', 4, 'card ****', expect.any(Date), 'tx');
    expect(fake(TicketActivityService).record).toHaveBeenCalledWith(
      cs,
      { kind: 'contact', id: 'c1', name: 'Jane Doe' },
      'csat',
      null,
      { score: 4, comment: 'card ****', resolution: 2 },
    );
    expect(ticket.csatScore).toBe(4);
  });

  it('an answer that loses the race is 409, or 410 when the survey was superseded meanwhile', async () => {
    await expect(build(false).sut.record(SURVEY, { score: 4 }, new Date())).rejects.toMatchObject({ status: 409 });
    await expect(
      build(false, { supersededAt: new Date() }).sut.record(SURVEY, { score: 4 }, new Date()),
    ).rejects.toMatchObject({ status: 410 });
  });
});
