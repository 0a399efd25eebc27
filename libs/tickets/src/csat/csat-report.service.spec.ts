import { AccountService, Clock, CompanyService, FakeClock } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { CsatReportService } from './csat-report.service.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

describe('CsatReportService', () => {
  it('per technician and per company: responses, one-decimal average, % of 4–5, since N days on the clock', async () => {
    const clock = new FakeClock();
    const t = newTestService(CsatReportService, { types: [[Clock, clock]] });
    t.fake(CsatSurveyRepository).aggregate.mockImplementation(async (by) =>
      by === 'assigneeId'
        ? [
            { key: 'a1', responses: 3, average: 11 / 3, satisfied: 2 },
            { key: null, responses: 1, average: 3, satisfied: 0 },
          ]
        : [{ key: 'co', responses: 4, average: 3.5, satisfied: 2 }],
    );
    t.fake(AccountService).getMany.mockResolvedValue([{ id: 'a1', name: 'Ann' }] as never);
    t.fake(CompanyService).get.mockResolvedValue({ id: 'co', name: 'Acme' } as never);
    const report = await t.sut.report(30);
    expect(t.fake(CsatSurveyRepository).aggregate).toHaveBeenCalledWith(
      'assigneeId',
      new Date(clock.nowMs() - 30 * 86_400_000),
    );
    expect(report.total).toEqual({ responses: 4, average: 3.5, satisfiedPercent: 50 });
    expect(report.technicians).toEqual([
      { id: 'a1', name: 'Ann', responses: 3, average: 3.7, satisfiedPercent: 67 },
      { id: null, name: 'Unassigned', responses: 1, average: 3, satisfiedPercent: 0 },
    ]);
    expect(report.companies).toEqual([{ id: 'co', name: 'Acme', responses: 4, average: 3.5, satisfiedPercent: 50 }]);
  });
});
