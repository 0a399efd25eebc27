import { Clock, FakeClock } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import { TicketChangeSet } from '../services/ticket-change-set.js';
import { CsatOpener, csatTokenHash } from './csat-opener.service.js';
import { CsatQuestionService } from './csat-question.service.js';
import { CsatSurveyRepository } from './csat-survey.repository.js';

const ACTOR = { kind: 'account' as const, id: 'a1', name: 'Tech' };

function build(from: { key: string; category: string }, to: { key: string; category: string }, enabled = true) {
  const t = newTestService(CsatOpener, { types: [[Clock, new FakeClock()]] });
  const ticket = Object.assign(new TicketEntity(), {
    id: 't1',
    companyId: 'co',
    requesterId: 'c1',
    assigneeId: 'a1',
    status: to.key,
    statusCategory: to.category,
    mergedIntoNumber: null,
  });
  const cs = new TicketChangeSet(ticket);
  cs.statusChange = { from: from.key, to: to.key, actor: ACTOR };
  t.fake(TicketStatusRepository).findByKey.mockResolvedValue(from as never);
  t.fake(CsatQuestionService).enabled.mockResolvedValue(enabled);
  t.fake(CsatSurveyRepository).supersedePending.mockResolvedValue();
  t.fake(CsatSurveyRepository).nextResolution.mockResolvedValue(2);
  t.fake(CsatSurveyRepository).insertWithoutReload.mockResolvedValue();
  return { ...t, cs };
}

const OPEN = { key: 'open', category: 'open' };
const RESOLVED = { key: 'resolved', category: 'done' };
const CLOSED = { key: 'closed', category: 'done' };

describe('CsatOpener', () => {
  it('entering the done category opens a survey (token kept in memory, its hash stored), superseding the old one', async () => {
    const { sut, fake, cs } = build(OPEN, RESOLVED);
    await sut.onSave(cs, 'tx' as never);
    const row = fake(CsatSurveyRepository).insertWithoutReload.mock.calls[0][0] as never as Record<string, unknown>;
    expect(row).toMatchObject({ ticketId: 't1', resolution: 2, contactId: 'c1', assigneeId: 'a1', score: null });
    expect(row.tokenHash).toBe(csatTokenHash(cs.csat!.token));
    expect(fake(CsatSurveyRepository).supersedePending).toHaveBeenCalledWith('t1', expect.any(Date), 'tx');
    // Saved again in the same unit of work: nothing more.
    await sut.onSave(cs, 'tx' as never);
    expect(fake(CsatSurveyRepository).insertWithoutReload).toHaveBeenCalledTimes(1);
  });

  it('resolved → closed is the same resolution; surveys off: none', async () => {
    for (const t of [build(RESOLVED, CLOSED), build(OPEN, RESOLVED, false)]) {
      await t.sut.onSave(t.cs, 'tx' as never);
      expect(t.fake(CsatSurveyRepository).insertWithoutReload).not.toHaveBeenCalled();
      expect(t.cs.csat).toBeNull();
    }
  });

  it('a reopening supersedes the pending survey', async () => {
    const { sut, fake, cs } = build(RESOLVED, OPEN);
    await sut.onSave(cs, 'tx' as never);
    expect(fake(CsatSurveyRepository).supersedePending).toHaveBeenCalledWith('t1', expect.any(Date), 'tx');
    expect(fake(CsatSurveyRepository).insertWithoutReload).not.toHaveBeenCalled();
  });
});
