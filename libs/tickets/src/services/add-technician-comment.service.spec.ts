import { SettingsService, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { AddTechnicianCommentService } from './add-technician-comment.service.js';
import { AutomationService } from './automation.service.js';
import { CommentWriter, NewComment } from './comment.writer.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

const me = { id: 'tech-1', name: 'Tess', email: 'Tess@Example.com' } as never;
const requester = { id: 'c1', companyId: 'co1', firstName: 'Tess', lastName: 'T', email: 'tess@example.com ' };

function setup(ticket: Partial<TicketEntity> = {}) {
  const t = newTestService(AddTechnicianCommentService);
  const entity = Object.assign(new TicketEntity(), {
    id: 't1',
    number: 4,
    title: 'VPN',
    companyId: 'co1',
    requesterId: 'c1',
    assigneeId: null,
    cc: [],
    ...ticket,
  });
  const cs = new TicketChangeSet(entity);
  const added: NewComment[] = [];
  t.fake(CommentWriter).attachments.mockResolvedValue([]);
  t.fake(CommentWriter).mask.mockImplementation((text: string) => text);
  t.fake(CommentWriter).add.mockImplementation((set, c) => {
    added.push(c);
    const comment = Object.assign(new TicketCommentEntity(), { id: 'cm1', authorKind: c.author.kind });
    set.comments.unshift(comment);
    return comment;
  });
  t.fake(CommentWriter).attachFiles.mockResolvedValue(undefined);
  t.fake(CommentWriter).afterContactMessage.mockResolvedValue(undefined);
  t.fake(CommentWriter).afterTechnicianReply.mockResolvedValue(undefined);
  t.fake(CommentWriter).finish.mockResolvedValue(undefined);
  t.fake(TicketFinder).get.mockResolvedValue(entity);
  t.fake(TicketInputChecker).technicians.mockResolvedValue(undefined);
  t.fake(TicketInputChecker).requesterOf.mockResolvedValue(requester as never);
  t.fake(TicketChangeApplier).apply.mockResolvedValue(undefined);
  t.fake(TicketUnitOfWork).onTicket.mockImplementation(async (_n, _me, work) => {
    await work(cs, 'tx' as never);
    return cs;
  });
  t.fake(TicketViewBuilder).comments.mockImplementation(async (cms) => cms.map((c) => ({ id: c.id })) as never);
  return { ...t, cs, added };
}

describe('AddTechnicianCommentService', () => {
  it("a public reply as the assignee is the technician's: waits for the contact, mailed", async () => {
    const { sut, fake, cs, added } = setup({ assigneeId: 'tech-1' });
    await expect(sut.add(4, { body: 'Try again', visibility: 'public' }, me)).resolves.toEqual({ id: 'cm1' });
    expect(added[0]).toMatchObject({ author: { kind: 'account', id: 'tech-1', name: 'Tess' }, source: 'web' });
    expect(fake(CommentWriter).afterTechnicianReply).toHaveBeenCalledWith(cs, cs.comments[0], 'tx');
    expect(fake(CommentWriter).afterContactMessage).not.toHaveBeenCalled();
    expect(fake(CommentWriter).finish).toHaveBeenCalledWith(cs, 'tx');
  });

  it('dual role: the requester (same email, not the assignee) writing publicly is attributed to the contact', async () => {
    const { sut, fake, added } = setup();
    await sut.add(4, { body: 'I am also the customer', visibility: 'public' }, me);
    expect(added[0].author).toEqual({ kind: 'contact', id: 'c1', name: 'Tess T' });
    expect(fake(CommentWriter).afterContactMessage).toHaveBeenCalled();
    expect(fake(CommentWriter).afterTechnicianReply).not.toHaveBeenCalled();
  });

  it("an internal note stays the technician's and mails nobody", async () => {
    const { sut, fake, added } = setup();
    await sut.add(4, { body: 'note', visibility: 'internal' }, me);
    expect(added[0].author.kind).toBe('account');
    expect(fake(CommentWriter).afterTechnicianReply).not.toHaveBeenCalled();
    expect(fake(CommentWriter).afterContactMessage).not.toHaveBeenCalled();
  });

  it('the visibility defaults to the company setting', async () => {
    const { sut, fake, added } = setup({ assigneeId: 'tech-1' });
    fake(SettingsService).get.mockResolvedValue('internal' as never);
    await sut.add(4, { body: 'x' }, me);
    expect(fake(SettingsService).get).toHaveBeenCalledWith('tickets.defaultReplyType', 'co1');
    expect(added[0].visibility).toBe('internal');
  });

  it('@notify is only for internal notes', async () => {
    const { sut, fake } = setup();
    await expect(sut.add(4, { body: 'x', visibility: 'public', notify: ['tech-2'] }, me)).rejects.toThrow(
      '@notify is for internal notes',
    );
    expect(fake(TicketUnitOfWork).onTicket).not.toHaveBeenCalled();
  });

  it('@notify names must be active technicians', async () => {
    const { sut, fake } = setup();
    fake(TicketInputChecker).technicians.mockRejectedValue(new ValidationFailedError('Unknown technician', {}));
    await expect(sut.add(4, { body: 'x', visibility: 'internal', notify: ['ghost'] }, me)).rejects.toThrow(
      'Unknown technician',
    );
    expect(fake(TicketInputChecker).technicians).toHaveBeenCalledWith(['ghost'], 'notify', 'co1');
    expect(fake(TicketUnitOfWork).onTicket).not.toHaveBeenCalled();
  });

  it('@notify (deduplicated) notifies the others by mail, not the author', async () => {
    const { sut, cs, added } = setup();
    await sut.add(4, { body: 'look', visibility: 'internal', notify: ['tech-2', 'tech-2', 'tech-1'] }, me);
    expect(added[0].notify).toEqual(['tech-2', 'tech-1']);
    expect(cs.notifications).toEqual([
      {
        accountIds: ['tech-2'],
        input: { title: 'Tess mentioned you on #4', body: 'VPN\n\nlook', link: '/tickets/4', companyId: 'co1' },
        email: true,
      },
    ]);
  });

  it('status on send and added Cc go through the change applier; a status change runs its automation', async () => {
    const { sut, fake, cs } = setup({ assigneeId: 'tech-1' });
    fake(TicketInputChecker).mergeCc.mockResolvedValue([{ kind: 'contact', id: 'c2' }]);
    fake(TicketChangeApplier).apply.mockImplementation(async (set, _input, actor) => {
      set.statusChange = { from: 'open', to: 'pending', actor };
    });
    fake(AutomationService).run.mockResolvedValue(undefined as never);
    await sut.add(4, { body: 'x', visibility: 'public', status: 'pending', cc: [{ kind: 'contact', id: 'c2' }] }, me);
    expect(fake(TicketChangeApplier).apply).toHaveBeenCalledWith(
      cs,
      { status: 'pending', cc: [{ kind: 'contact', id: 'c2' }] },
      { kind: 'account', id: 'tech-1', name: 'Tess' },
      me,
      'tx',
    );
    expect(fake(AutomationService).run).toHaveBeenCalledWith('status.changed', cs, 'tx');
  });
});
