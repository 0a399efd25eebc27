import { Clock, FakeClock, LoginAttemptStore } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { CsatQuestionService } from './csat-question.service.js';
import { CsatRecorder } from './csat-recorder.service.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';
import { CsatSurveysService } from './csat-surveys.service.js';

const TOKEN = 't'.repeat(43);
const SURVEY = {
  id: 's1',
  ticketId: 't1',
  contactId: 'c1',
  companyId: 'co',
  score: null,
  comment: null,
  answeredAt: null,
  supersededAt: null,
};

function build(survey: Record<string, unknown> | null = SURVEY, lockedUntil = 0) {
  const clock = new FakeClock();
  const t = newTestService(CsatSurveysService, { types: [[Clock, clock]] });
  t.fake(LoginAttemptStore).lockedUntil.mockResolvedValue(lockedUntil ? clock.nowMs() + lockedUntil : 0);
  t.fake(LoginAttemptStore).recordFailure.mockResolvedValue({} as never);
  t.fake(CsatSurveyRepository).findByTokenHash.mockResolvedValue(survey as never);
  t.fake(CsatSurveyRepository).latestForTicket.mockResolvedValue(survey as never);
  t.fake(CsatRecorder).record.mockResolvedValue();
  t.fake(CsatQuestionService).question.mockResolvedValue('How did we do?');
  t.fake(TicketRepository).findById.mockResolvedValue({ number: 7, title: 'Printer', assigneeId: 'a1' } as never);
  return t;
}

describe('CsatSurveysService', () => {
  it('shows the ticket’s number and title and the question, nothing internal', async () => {
    await expect(build().sut.view(TOKEN, 'en', '10.0.0.1')).resolves.toEqual({
      question: 'How did we do?',
      ticket: { number: 7, title: 'Printer' },
      state: 'pending',
      score: null,
      comment: null,
    });
  });

  it('unknown or malformed token: 404; answered: 409; superseded: 410; locked client: 429 before any lookup', async () => {
    await expect(build(null).sut.answer(TOKEN, { score: 4 }, 'ip')).rejects.toMatchObject({ status: 404 });
    const malformed = build();
    await expect(malformed.sut.answer('nope', { score: 4 }, 'ip')).rejects.toMatchObject({ status: 404 });
    expect(malformed.fake(CsatSurveyRepository).findByTokenHash).not.toHaveBeenCalled();
    await expect(
      build({ ...SURVEY, answeredAt: new Date() }).sut.answer(TOKEN, { score: 4 }, 'ip'),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      build({ ...SURVEY, supersededAt: new Date() }).sut.answer(TOKEN, { score: 4 }, 'ip'),
    ).rejects.toMatchObject({ status: 410 });
    const locked = build(SURVEY, 60_000);
    await expect(locked.sut.answer(TOKEN, { score: 4 }, 'ip')).rejects.toMatchObject({
      status: 429,
      details: { retryAfterSeconds: 60 },
    });
    expect(locked.fake(CsatSurveyRepository).findByTokenHash).not.toHaveBeenCalled();
    const ok = build();
    await ok.sut.answer(TOKEN, { score: 4, comment: 'Thanks' }, 'ip');
    expect(ok.fake(CsatRecorder).record).toHaveBeenCalledWith(
      SURVEY,
      { score: 4, comment: 'Thanks' },
      expect.any(Date),
    );
  });

  it('the portal ticket page: only the requester it was sent to sees and answers it', async () => {
    await expect(build().sut.forTicket('t1', 'c2', 'en')).resolves.toBeNull();
    await expect(build().sut.forTicket('t1', 'c1', 'en')).resolves.toMatchObject({ state: 'pending' });
    await expect(build().sut.answerForTicket('t1', 'c2', { score: 3 })).rejects.toMatchObject({ status: 404 });
  });
});
