import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { AutomationService } from './automation.service.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';
import { UpdateTicketService } from './update-ticket.service.js';

const me = { id: 'tech-1', name: 'Tess', email: 't@x.test' } as never;

function setup(change: (cs: TicketChangeSet) => void) {
  const t = newTestService(UpdateTicketService);
  const cs = new TicketChangeSet(Object.assign(new TicketEntity(), { id: 't1', number: 5 }));
  t.fake(TicketChangeApplier).validate.mockResolvedValue(undefined);
  t.fake(TicketChangeApplier).apply.mockImplementation(async (set) => change(set));
  t.fake(TicketUnitOfWork).onTicket.mockImplementation(async (_n, _me, work) => {
    await work(cs, 'tx' as never);
    return cs;
  });
  t.fake(TicketUnitOfWork).save.mockResolvedValue(undefined);
  t.fake(AutomationService).run.mockResolvedValue(undefined as never);
  t.fake(TicketViewBuilder).ticket.mockResolvedValue({ number: 5 } as never);
  return { ...t, cs };
}

describe('UpdateTicketService', () => {
  it('validates, applies the changes on the locked ticket, saves and answers the view', async () => {
    const { sut, fake, cs } = setup((set) => set.changes.add('title'));
    await expect(sut.update(5, { title: 'x' }, me)).resolves.toEqual({ number: 5 });
    expect(fake(TicketChangeApplier).validate).toHaveBeenCalledWith({ title: 'x' });
    expect(fake(TicketUnitOfWork).onTicket).toHaveBeenCalledWith(5, me, expect.any(Function));
    expect(fake(TicketChangeApplier).apply).toHaveBeenCalledWith(
      cs,
      { title: 'x' },
      { kind: 'account', id: 'tech-1', name: 'Tess' },
      me,
      'tx',
    );
    expect(fake(TicketUnitOfWork).save).toHaveBeenCalledWith(cs, 'tx');
    expect(fake(AutomationService).run).not.toHaveBeenCalled();
  });

  it('runs the status automation on a status change', async () => {
    const { sut, fake, cs } = setup((set) => {
      set.statusChange = { from: 'open', to: 'solved', actor: { kind: 'account', id: 'tech-1', name: 'Tess' } };
      set.changes.add('status');
    });
    await sut.update(5, { status: 'solved' }, me);
    expect(fake(AutomationService).run).toHaveBeenCalledWith('status.changed', cs, 'tx');
  });

  it('writes nothing when nothing changed', async () => {
    const { sut, fake } = setup(() => undefined);
    await sut.update(5, { title: 'same' }, me);
    expect(fake(TicketUnitOfWork).save).not.toHaveBeenCalled();
  });
});
