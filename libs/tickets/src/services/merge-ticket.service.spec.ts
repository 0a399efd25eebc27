import { DomainEventBus, NotFoundError, RealtimeService, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { MergeTicketService } from './merge-ticket.service.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketStatusService } from './ticket-status.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

const me = { id: 'tech-1', name: 'Tess', email: 't@x.test' } as never;
const ticket = (number: number, over: Partial<TicketEntity> = {}) =>
  Object.assign(new TicketEntity(), {
    id: `t${number}`,
    number,
    title: `T${number}`,
    status: 'open',
    companyId: 'co1',
    mergedIntoNumber: null,
    ...over,
  });

function setup(tickets: Record<number, TicketEntity>) {
  const t = newTestService(MergeTicketService);
  const saved: TicketChangeSet[][] = [];
  const locks: number[] = [];
  t.fake(TicketStatusService).require.mockResolvedValue(
    Object.assign(new TicketStatusEntity(), { key: 'closed', category: 'closed' }),
  );
  t.fake(TicketUnitOfWork).runMany.mockImplementation((work) => work('tx' as never));
  t.fake(TicketUnitOfWork).lock.mockImplementation(async (n) => {
    locks.push(n);
    if (!tickets[n]) throw new NotFoundError('Ticket', n);
    return tickets[n];
  });
  t.fake(TicketUnitOfWork).saveAll.mockImplementation(async (sets) => {
    saved.push(sets);
  });
  t.fake(TicketCommentRepository).moveAll.mockResolvedValue(undefined as never);
  t.fake(TicketActivityService).record.mockImplementation((cs, _a, action, _from, to) => {
    cs.activities.push({ action, toValue: to } as never);
  });
  t.fake(RealtimeService).emit.mockReturnValue(undefined as never);
  t.fake(DomainEventBus).publish.mockResolvedValue(undefined as never);
  t.fake(TicketViewBuilder).ticket.mockImplementation(async (x) => ({ number: x.number }) as never);
  return { ...t, saved, locks };
}

describe('MergeTicketService', () => {
  it('moves the comments to the target, closes the source (which keeps its log) and points it at the target, then announces it', async () => {
    const { sut, fake, saved, locks } = setup({ 8: ticket(8), 3: ticket(3) });
    await expect(sut.merge(8, 3, me)).resolves.toEqual({ number: 3 });
    expect(locks).toEqual([3, 8]); // number order, whatever the direction
    expect(fake(TicketCommentRepository).moveAll).toHaveBeenCalledWith('t8', 't3', 'tx');
    const [src, dst] = saved[0];
    expect(src.ticket).toMatchObject({ number: 8, status: 'closed', statusCategory: 'closed', mergedIntoNumber: 3 });
    expect(src.activities.map((a) => a.action)).toEqual(['status', 'merged']);
    expect(dst.activities.map((a) => a.action)).toEqual(['merged_from']);
    expect(src.activities[1]).toMatchObject({ toValue: { into: 3, title: expect.any(String) } });
    expect(src.statusChange).toMatchObject({ from: 'open', to: 'closed' });
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith('agent', expect.any(String), 'ticket.merged', {
      number: 8,
      into: 3,
    });
    expect(fake(DomainEventBus).publish).toHaveBeenCalledWith('ticket.merged', {
      ticketId: 't8',
      number: 8,
      companyId: 'co1',
      intoTicketId: 't3',
      intoNumber: 3,
    });
  });

  it('an already closed source gets no status line', async () => {
    const { sut, saved } = setup({ 1: ticket(1, { status: 'closed' }), 2: ticket(2) });
    await sut.merge(1, 2, me);
    expect(saved[0][0].activities.map((a) => a.action)).toEqual(['merged']);
    expect(saved[0][0].statusChange).toBeNull();
  });

  it('refuses itself, a missing target, merged tickets and other companies', async () => {
    await expect(setup({}).sut.merge(1, 1, me)).rejects.toThrow('cannot be merged into itself');
    await expect(setup({ 1: ticket(1) }).sut.merge(1, 2, me)).rejects.toThrow(
      new ValidationFailedError('Ticket #2 not found', {}),
    );
    await expect(setup({ 1: ticket(1, { mergedIntoNumber: 5 }), 2: ticket(2) }).sut.merge(1, 2, me)).rejects.toThrow(
      'already merged into #5',
    );
    await expect(setup({ 1: ticket(1), 2: ticket(2, { mergedIntoNumber: 5 }) }).sut.merge(1, 2, me)).rejects.toThrow(
      'was merged into #5',
    );
    const other = setup({ 1: ticket(1), 2: ticket(2, { companyId: 'co2' }) });
    await expect(other.sut.merge(1, 2, me)).rejects.toThrow('different companies');
    expect(other.saved).toEqual([]);
    expect(other.fake(DomainEventBus).publish).not.toHaveBeenCalled();
  });

  it('a missing source is its own 404', async () => {
    await expect(setup({ 2: ticket(2) }).sut.merge(1, 2, me)).rejects.toBeInstanceOf(NotFoundError);
  });
});
