import { AccessPolicy, ContactView, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { AutomationService } from './automation.service.js';
import { CreateTicketService } from './create-ticket.service.js';
import { NewTicketBuilder } from './new-ticket.builder.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

const me = { id: 'tech-1', name: 'Tess', email: 'tess@example.com' } as never;
const requester = { id: 'c1', companyId: 'co1', firstName: 'Ann', lastName: 'Lee', email: 'ann@x.test' } as ContactView;
const open = Object.assign(new TicketStatusEntity(), { key: 'open', category: 'open' });

function setup() {
  const t = newTestService(CreateTicketService);
  const published: TicketChangeSet[] = [];
  t.fake(TicketInputChecker).requester.mockResolvedValue(requester);
  t.fake(TicketInputChecker).status.mockResolvedValue(open);
  t.fake(TicketInputChecker).normalizeCc.mockResolvedValue([]);
  t.fake(NewTicketBuilder).build.mockImplementation(async (input) =>
    Object.assign(new TicketEntity(), {
      id: 't1',
      number: 7,
      title: input.title,
      status: 'open',
      priority: 'medium',
      companyId: 'co1',
      assigneeId: input.assigneeId ?? null,
    }),
  );
  t.fake(TicketUnitOfWork).run.mockImplementation(async (work) => {
    const cs = await work('tx' as never);
    published.push(cs);
    return cs;
  });
  t.fake(TicketActivityService).record.mockImplementation((cs, actor, action) => {
    cs.activities.push({ action } as never);
  });
  t.fake(TicketActivityService).flush.mockResolvedValue(undefined);
  t.fake(TicketRepository).insert.mockResolvedValue(undefined as never);
  t.fake(TicketRepository).save.mockResolvedValue(undefined as never);
  t.fake(AutomationService).run.mockResolvedValue(undefined as never);
  t.fake(TicketViewBuilder).ticket.mockImplementation(async (ticket) => ({ number: ticket.number }) as never);
  return { ...t, published };
}

describe('CreateTicketService', () => {
  it('creates a numbered ticket: checks references, logs "created", runs ticket.created automation, publishes', async () => {
    const { sut, fake, published } = setup();
    await expect(sut.create({ title: 'Printer', description: 'jammed', requesterId: 'c1' }, me)).resolves.toEqual({
      number: 7,
    });
    expect(fake(TicketInputChecker).requester).toHaveBeenCalledWith('c1', me);
    expect(fake(TicketInputChecker).status).toHaveBeenCalledWith('open');
    expect(fake(NewTicketBuilder).build).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Printer' }),
      { requester, companyId: 'co1', status: open, cc: [] },
      'web',
      'tx',
    );
    expect(fake(AutomationService).run).toHaveBeenCalledWith('ticket.created', published[0], 'tx');
    expect(published[0].created).toBe(true);
    expect(published[0].activities.map((a) => a.action)).toEqual(['created']);
    expect(published[0].notifications).toEqual([]);
  });

  it("a channel's last step runs in the creation's transaction after its automation and does the final write", async () => {
    const { sut, fake, published } = setup();
    const steps: string[] = [];
    fake(AutomationService).run.mockImplementation(async () => void steps.push('automation'));
    const lastStep = jest.fn(async (set: TicketChangeSet, tx: unknown) => {
      steps.push(`step ${set.ticket.number} ${String(tx)}`);
    });
    await sut.createAs(
      { title: 'Printer', description: 'jammed', requesterId: 'c1', requester },
      { kind: 'contact', id: 'c1', name: 'Ann Lee' },
      'email',
      undefined,
      lastStep,
    );
    expect(steps).toEqual(['automation', 'step 7 tx']);
    expect(lastStep).toHaveBeenCalledWith(published[0], 'tx');
    // One change set, one publish: the step saved the ticket and wrote the log (not twice).
    expect(published).toHaveLength(1);
    expect(fake(TicketRepository).save).not.toHaveBeenCalled();
    expect(fake(TicketActivityService).flush).not.toHaveBeenCalled();

    await sut.createAs(
      { title: 'Printer', description: 'jammed', requesterId: 'c1', requester },
      { kind: 'contact', id: 'c1', name: 'Ann Lee' },
      'email',
    );
    expect(fake(TicketRepository).save).toHaveBeenCalledTimes(1);
    expect(fake(TicketActivityService).flush).toHaveBeenCalledTimes(1);
  });

  it('logs the assignee and notifies them, unless they assigned themselves', async () => {
    const { sut, fake, published } = setup();
    fake(TicketInputChecker).technician.mockResolvedValue(undefined);
    await sut.create({ title: 'A', description: '', requesterId: 'c1', assigneeId: 'tech-2' }, me);
    expect(fake(TicketInputChecker).technician).toHaveBeenCalledWith('tech-2', 'assigneeId', 'co1');
    expect(published[0].activities.map((a) => a.action)).toEqual(['created', 'assignee']);
    expect(published[0].notifications).toEqual([expect.objectContaining({ accountIds: ['tech-2'], email: false })]);
    await sut.create({ title: 'B', description: '', requesterId: 'c1', assigneeId: 'tech-1' }, me);
    expect(published[1].notifications).toEqual([]);
  });

  it('uses a requester the channel already resolved without looking it up again', async () => {
    const { sut, fake } = setup();
    await sut.createAs({ title: 'Mail', description: '', requesterId: 'c1', requester }, requesterActor(), 'email');
    expect(fake(TicketInputChecker).requester).not.toHaveBeenCalled();
    expect(fake(NewTicketBuilder).build).toHaveBeenCalledWith(expect.anything(), expect.anything(), 'email', 'tx');
  });

  it('refuses a resolved requester of a company the technician does not serve, before any write', async () => {
    const { sut, fake } = setup();
    fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(
      sut.createAs({ title: 'X', description: '', requesterId: 'c1', requester }, requesterActor(), 'portal', me),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(fake(TicketUnitOfWork).run).not.toHaveBeenCalled();
  });

  it('a channel may open a ticket without a contact in a given company; a technician (REST) may not', async () => {
    const { sut, fake } = setup();
    const actor = { kind: 'system' as const, id: null, name: 'Chat' };
    await sut.createAs({ title: 'Chat', description: 'x', requesterId: null, companyId: 'co2' }, actor, 'chat');
    expect(fake(TicketInputChecker).requester).not.toHaveBeenCalled();
    expect(fake(TicketInputChecker).normalizeCc).toHaveBeenCalledWith([], 'co2');
    expect(fake(NewTicketBuilder).build).toHaveBeenCalledWith(
      expect.objectContaining({ requesterId: null }),
      { requester: null, companyId: 'co2', status: open, cc: [] },
      'chat',
      'tx',
    );
    await expect(
      sut.create({ title: 'A', description: '', requesterId: null, companyId: 'co2' }, me),
    ).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('writes nothing when a reference is unknown', async () => {
    const { sut, fake } = setup();
    fake(TicketInputChecker).family.mockRejectedValue(new ValidationFailedError('Unknown product family', {}));
    await expect(
      sut.create({ title: 'X', description: '', requesterId: 'c1', productFamilyId: 'nope' }, me),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(fake(TicketUnitOfWork).run).not.toHaveBeenCalled();
  });
});

function requesterActor() {
  return { kind: 'contact' as const, id: 'c1', name: 'Ann Lee' };
}
