import { DomainEventBus } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { AutomationService } from './automation.service.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketSentimentService } from './ticket-sentiment.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';

function setup(sentiment: TicketEntity['sentiment']) {
  const t = newTestService(TicketSentimentService);
  const ticket = Object.assign(new TicketEntity(), { id: 't1', number: 9, companyId: 'co1', sentiment });
  const cs = new TicketChangeSet(ticket);
  t.fake(TicketUnitOfWork).onTicket.mockImplementation(async (_n, _me, work) => {
    await work(cs, 'tx' as never);
    return cs;
  });
  t.fake(TicketUnitOfWork).save.mockResolvedValue(undefined);
  t.fake(AutomationService).run.mockResolvedValue(undefined);
  t.fake(TicketActivityService).record.mockImplementation(() => undefined);
  t.fake(DomainEventBus).publish.mockResolvedValue(undefined);
  return { ...t, ticket, cs };
}

describe('TicketSentimentService', () => {
  it('a new label: stored, one activity line, sentiment.changed rules in the change, then the typed event', async () => {
    const t = setup('neutral');
    expect(await t.sut.apply(9, 'negative', -0.7, 'feature-sentiment')).toBe(true);
    expect(t.ticket.sentiment).toBe('negative');
    expect(t.fake(TicketActivityService).record).toHaveBeenCalledWith(
      t.cs,
      expect.objectContaining({ kind: 'system' }),
      'sentiment',
      'neutral',
      'negative',
    );
    expect(t.fake(AutomationService).run).toHaveBeenCalledWith('sentiment.changed', t.cs, 'tx');
    expect(t.fake(TicketUnitOfWork).save).toHaveBeenCalledWith(t.cs, 'tx');
    expect(t.fake(DomainEventBus).publish).toHaveBeenCalledWith('ticket.sentiment.changed', {
      ticketId: 't1',
      number: 9,
      companyId: 'co1',
      from: 'neutral',
      to: 'negative',
      score: -0.7,
      pluginId: 'feature-sentiment',
    });
  });

  it('the same label writes nothing, runs no rule and publishes nothing', async () => {
    const t = setup('negative');
    expect(await t.sut.apply(9, 'negative', -0.9, 'feature-sentiment')).toBe(false);
    expect(t.fake(TicketActivityService).record).not.toHaveBeenCalled();
    expect(t.fake(AutomationService).run).not.toHaveBeenCalled();
    expect(t.fake(TicketUnitOfWork).save).not.toHaveBeenCalled();
    expect(t.fake(DomainEventBus).publish).not.toHaveBeenCalled();
  });

  it("reads the end user's latest public messages, oldest first", async () => {
    const t = setup(null);
    t.fake(TicketFinder).get.mockResolvedValue(Object.assign(new TicketEntity(), { id: 't1', companyId: 'co1' }));
    const newest = Object.assign(new TicketCommentEntity(), { id: 'b', body: 'new' });
    const older = Object.assign(new TicketCommentEntity(), { id: 'a', body: 'old' });
    t.fake(TicketCommentRepository).latestFromEndUser.mockResolvedValue([newest, older]);
    const c = await t.sut.endUserConversation(9, 5);
    expect(t.fake(TicketCommentRepository).latestFromEndUser).toHaveBeenCalledWith('t1', 5);
    expect(c).toEqual({ ticketId: 't1', companyId: 'co1', messages: [older, newest] });
  });
});
