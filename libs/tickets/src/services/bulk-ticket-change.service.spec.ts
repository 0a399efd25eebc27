import { Logger } from '@nestjs/common';
import { AccessPolicy, NotFoundError, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { BulkTicketChangeService } from './bulk-ticket-change.service.js';
import { MergeTicketService } from './merge-ticket.service.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { UpdateTicketService } from './update-ticket.service.js';

const me = { id: 'tech-1', name: 'Tess', email: 't@x.test' } as never;
const ticket = (number: number, companyId = 'co1') =>
  Object.assign(new TicketEntity(), { id: `id-${number}`, number, companyId });

function setup(tickets: TicketEntity[], hiddenCompany = 'co-hidden') {
  const t = newTestService(BulkTicketChangeService);
  t.fake(TicketRepository).findByIds.mockImplementation(async (ids) => tickets.filter((x) => ids.includes(x.id)));
  t.fake(AccessPolicy).canAccessCompany.mockImplementation((_me, companyId) => companyId !== hiddenCompany);
  t.fake(TicketInputChecker).status.mockResolvedValue({ key: 'pending' } as never);
  t.fake(UpdateTicketService).update.mockResolvedValue({} as never);
  t.fake(MergeTicketService).merge.mockResolvedValue({} as never);
  return t;
}

describe('BulkTicketChangeService', () => {
  it('changes the status of each ticket through the single-ticket update, in order', async () => {
    const { sut, fake } = setup([ticket(1), ticket(2)]);
    const results = await sut.apply({ ids: ['id-2', 'id-1'], action: 'status', statusKey: 'pending' }, me);
    expect(results).toEqual([
      { id: 'id-2', ok: true },
      { id: 'id-1', ok: true },
    ]);
    expect(fake(TicketInputChecker).status).toHaveBeenCalledWith('pending', 'statusKey');
    expect(fake(UpdateTicketService).update.mock.calls).toEqual([
      [2, { status: 'pending' }, me],
      [1, { status: 'pending' }, me],
    ]);
  });

  it('an unknown status is one 400 before any ticket changes', async () => {
    const { sut, fake } = setup([ticket(1)]);
    fake(TicketInputChecker).status.mockRejectedValue(
      new ValidationFailedError('Unknown status', { statusKey: ['x'] }),
    );
    await expect(sut.apply({ ids: ['id-1'], action: 'status', statusKey: 'nope' }, me)).rejects.toThrow(
      ValidationFailedError,
    );
    expect(fake(UpdateTicketService).update).not.toHaveBeenCalled();
  });

  it('assigns, unassigns (null) and sets the priority', async () => {
    const { sut, fake } = setup([ticket(1)]);
    await sut.apply({ ids: ['id-1'], action: 'assignee', assigneeId: 'acc-9' }, me);
    await sut.apply({ ids: ['id-1'], action: 'assignee', assigneeId: null }, me);
    await sut.apply({ ids: ['id-1'], action: 'priority', priority: 'high' }, me);
    expect(fake(UpdateTicketService).update.mock.calls.map((c) => c[1])).toEqual([
      { assigneeId: 'acc-9' },
      { assigneeId: null },
      { priority: 'high' },
    ]);
  });

  it('reports unknown and not-allowed tickets alike, and per-ticket failures, without stopping the others', async () => {
    const { sut, fake } = setup([ticket(1), ticket(2, 'co-hidden'), ticket(3)]);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    fake(UpdateTicketService).update.mockImplementation(async (n) => {
      if (n === 3) throw new ValidationFailedError('Technician not allowed on this ticket');
      if (n === 1) throw new Error('disk on fire');
      return {} as never;
    });
    const results = await sut.apply(
      { ids: ['id-1', 'id-2', 'id-3', 'id-404'], action: 'priority', priority: 'low' },
      me,
    );
    expect(results).toEqual([
      { id: 'id-1', ok: false, error: 'This ticket could not be changed' },
      { id: 'id-2', ok: false, error: 'Ticket not found' },
      { id: 'id-3', ok: false, error: 'Technician not allowed on this ticket' },
      { id: 'id-404', ok: false, error: 'Ticket not found' },
    ]);
    expect(logged).toHaveBeenCalledTimes(1); // the unexpected failure is logged, with its ticket
    logged.mockRestore();
    // The hidden ticket is never touched.
    expect(fake(UpdateTicketService).update.mock.calls.map((c) => c[0])).toEqual([1, 3]);
  });

  it('merges every selected ticket but the target into the target', async () => {
    const { sut, fake } = setup([ticket(1), ticket(2), ticket(3)]);
    fake(MergeTicketService).merge.mockImplementation(async (n) => {
      if (n === 3) throw new ValidationFailedError('Ticket #3 is already merged into #9');
      return {} as never;
    });
    const results = await sut.apply({ ids: ['id-1', 'id-2', 'id-3'], action: 'merge', targetId: 'id-2' }, me);
    expect(results).toEqual([
      { id: 'id-1', ok: true },
      { id: 'id-2', ok: true },
      { id: 'id-3', ok: false, error: 'Ticket #3 is already merged into #9' },
    ]);
    expect(fake(MergeTicketService).merge.mock.calls).toEqual([
      [1, 2, me],
      [3, 2, me],
    ]);
  });

  it('a target alone in the selection goes to the merge service, which refuses a merge into itself', async () => {
    const { sut, fake } = setup([ticket(1)]);
    fake(MergeTicketService).merge.mockRejectedValue(
      new ValidationFailedError('A ticket cannot be merged into itself'),
    );
    expect(await sut.apply({ ids: ['id-1'], action: 'merge', targetId: 'id-1' }, me)).toEqual([
      { id: 'id-1', ok: false, error: 'A ticket cannot be merged into itself' },
    ]);
    expect(fake(MergeTicketService).merge).toHaveBeenCalledWith(1, 1, me);
  });

  it('a merge target the caller cannot see is a 400 on targetId, like a missing one', async () => {
    const { sut, fake } = setup([ticket(1), ticket(2, 'co-hidden')]);
    for (const targetId of ['id-2', 'id-404'])
      await expect(sut.apply({ ids: ['id-1'], action: 'merge', targetId }, me)).rejects.toMatchObject({
        fieldErrors: { targetId: ['ticket not found'] },
      });
    expect(fake(MergeTicketService).merge).not.toHaveBeenCalled();
  });

  it('a ticket deleted meanwhile reports the not-found of the update', async () => {
    const { sut, fake } = setup([ticket(5)]);
    fake(UpdateTicketService).update.mockRejectedValue(new NotFoundError('Ticket', 5));
    expect(await sut.apply({ ids: ['id-5'], action: 'priority', priority: 'low' }, me)).toEqual([
      { id: 'id-5', ok: false, error: 'Ticket 5 not found' },
    ]);
  });
});
