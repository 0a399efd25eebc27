import { PiiMasker, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';

const actor = { kind: 'account' as const, id: 'tech-1', name: 'Tess' };
const tx = 'tx' as never;

function setup() {
  const t = newTestService(TicketChangeApplier);
  t.fake(PiiMasker).maskInbound.mockImplementation((text: string) => text.replace(/\d{6,}/g, '[phone]'));
  t.fake(TicketActivityService).record.mockImplementation((cs, _actor, action, from, to) => {
    cs.activities.push({ action, from, to } as never);
  });
  const ticket = Object.assign(new TicketEntity(), {
    id: 't1',
    number: 3,
    title: 'Old',
    status: 'open',
    statusCategory: 'open',
    priority: 'medium',
    priorityRank: 2,
    companyId: 'co1',
    requesterId: 'c1',
    assigneeId: null,
    cc: [],
  });
  return { ...t, cs: new TicketChangeSet(ticket) };
}

describe('TicketChangeApplier', () => {
  it('records one activity line per changed field and skips unchanged ones', async () => {
    const { sut, cs } = setup();
    await sut.apply(cs, { title: '  New 0123456789 ', priority: 'high', impact: undefined }, actor, undefined, tx);
    expect(cs.ticket.title).toBe('New [phone]');
    expect(cs.ticket.priority).toBe('high');
    expect(cs.ticket.priorityRank).toBeGreaterThan(2);
    expect(cs.activities).toEqual([
      { action: 'title', from: 'Old', to: 'New [phone]' },
      { action: 'priority', from: 'medium', to: 'high' },
    ]);
    expect([...cs.changes]).toEqual(['title', 'priority']);
    await sut.apply(cs, { title: 'New [phone]', priority: 'high' }, actor, undefined, tx);
    expect(cs.activities).toHaveLength(2);
  });

  it('a status change carries the category and marks the change set for the status automation', async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).status.mockResolvedValue(
      Object.assign(new TicketStatusEntity(), { key: 'solved', category: 'closed' }),
    );
    await sut.apply(cs, { status: 'solved' }, actor, undefined, tx);
    expect(fake(TicketInputChecker).status).toHaveBeenCalledWith('solved', 'status', tx);
    expect(cs.ticket.statusCategory).toBe('closed');
    expect(cs.statusChange).toEqual({ from: 'open', to: 'solved', actor });
  });

  it('assigning someone else queues their notification; product family is logged under its own name', async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).technician.mockResolvedValue(undefined);
    fake(TicketInputChecker).familyRef.mockImplementation(async (id) => (id ? { id, name: 'Printers' } : null));
    await sut.apply(cs, { assigneeId: 'tech-2', productFamilyId: 'pf1' }, actor, undefined, tx);
    // Names copied at write time: the family may be deleted later.
    expect(cs.activities[0]).toEqual({ action: 'product_family', from: null, to: { id: 'pf1', name: 'Printers' } });
    expect(fake(TicketInputChecker).technician).toHaveBeenCalledWith('tech-2', 'assigneeId', 'co1');
    expect(cs.notifications.map((n) => n.accountIds)).toEqual([['tech-2']]);
    expect(cs.activities.map((a) => a.action)).toEqual(['product_family', 'assignee']);
    expect(cs.changes.has('productFamilyId')).toBe(true);
  });

  it('a requester change logs both names (masked like authors), old → new', async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).requesterInCompany.mockResolvedValue({
      id: 'c2',
      firstName: 'Bo',
      lastName: '0612345678',
    } as never);
    fake(TicketInputChecker).requesterOf.mockResolvedValue({ id: 'c1', firstName: 'Ann', lastName: 'Lee' } as never);
    await sut.apply(cs, { requesterId: 'c2' }, actor, undefined, tx);
    expect(cs.ticket.requesterId).toBe('c2');
    expect(cs.activities).toEqual([
      { action: 'requester', from: { id: 'c1', name: 'Ann Lee' }, to: { id: 'c2', name: 'Bo [phone]' } },
    ]);
    expect([...cs.changes]).toEqual(['requester']);
  });

  it('a requester from another company is refused', async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).requesterInCompany.mockRejectedValue(new ValidationFailedError('Invalid requester', {}));
    await expect(sut.apply(cs, { requesterId: 'c9' }, actor, undefined, tx)).rejects.toThrow('Invalid requester');
    expect(fake(TicketInputChecker).requesterInCompany).toHaveBeenCalledWith('c9', 'co1', undefined);
    expect(cs.ticket.requesterId).toBe('c1');
  });

  it('Cc is normalised and logged only when the list really changes', async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).normalizeCc.mockResolvedValue([{ kind: 'contact', id: 'c2' }]);
    await sut.apply(cs, { cc: [{ kind: 'contact', id: 'c2' }] }, actor, undefined, tx);
    await sut.apply(cs, { cc: [{ kind: 'contact', id: 'c2' }] }, actor, undefined, tx);
    expect(cs.activities.map((a) => a.action)).toEqual(['cc']);
    expect(cs.ticket.cc).toEqual([{ kind: 'contact', id: 'c2' }]);
  });

  it('validate checks status and family before any transaction', async () => {
    const { sut, fake } = setup();
    fake(TicketInputChecker).status.mockResolvedValue(new TicketStatusEntity());
    fake(TicketInputChecker).family.mockRejectedValue(new ValidationFailedError('Unknown product family', {}));
    await expect(sut.validate({ status: 'open', productFamilyId: 'pf' })).rejects.toThrow('Unknown product family');
    expect(fake(TicketInputChecker).status).toHaveBeenCalledWith('open');
  });

  it("#13.6 an assignee who does not serve the ticket's company is refused and nothing changes", async () => {
    const { sut, fake, cs } = setup();
    fake(TicketInputChecker).technician.mockRejectedValue(
      new ValidationFailedError('Technician not allowed on this ticket', {
        assigneeId: ["account g1 (Gary) does not serve the ticket's company"],
      }),
    );
    await expect(sut.apply(cs, { assigneeId: 'g1' }, actor, undefined, tx)).rejects.toThrow('not allowed');
    expect(fake(TicketInputChecker).technician).toHaveBeenCalledWith('g1', 'assigneeId', 'co1');
    expect(cs.ticket.assigneeId).not.toBe('g1');
    expect(cs.notifications).toEqual([]);
  });
});
