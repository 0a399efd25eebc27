import type { WrittenFile } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from './add-contact-comment.service.js';
import { CommentWriter, NewComment } from './comment.writer.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import type { ContactCommentInput } from './ticket-inputs.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

const contact = { id: 'c1', companyId: 'co1', firstName: 'Ann', lastName: 'Lee', email: 'ann@x.test' } as never;

function setup(ticket: Partial<TicketEntity> = {}) {
  const t = newTestService(AddContactCommentService);
  const cs = new TicketChangeSet(
    Object.assign(new TicketEntity(), {
      id: 't1',
      number: 9,
      companyId: 'co1',
      requesterId: 'c1',
      assigneeId: null,
      cc: [],
      ...ticket,
    }),
  );
  const added: NewComment[] = [];
  let comment: TicketCommentEntity | undefined;
  t.fake(CommentWriter).attachments.mockResolvedValue([]);
  t.fake(CommentWriter).mask.mockImplementation((text: string) => text);
  t.fake(CommentWriter).add.mockImplementation((set, c) => {
    added.push(c);
    comment = Object.assign(new TicketCommentEntity(), { id: 'cm1' });
    set.comments.unshift(comment);
    return comment;
  });
  t.fake(CommentWriter).attachFiles.mockResolvedValue(undefined);
  t.fake(CommentWriter).afterContactMessage.mockResolvedValue(undefined);
  t.fake(CommentWriter).afterTechnicianReply.mockResolvedValue(undefined);
  t.fake(CommentWriter).finish.mockResolvedValue(undefined);
  t.fake(TicketUnitOfWork).onTicket.mockImplementation(async (_n, _me, work) => {
    await work(cs, 'tx' as never);
    return cs;
  });
  t.fake(TicketViewBuilder).comments.mockImplementation(async (cms) => cms.map((c) => ({ id: c.id })) as never);
  return { ...t, cs, added, comment: () => comment! };
}

const input = (over: Partial<ContactCommentInput> = {}): ContactCommentInput => ({
  ticketNumber: 9,
  author: { contact, account: null },
  body: 'Still broken',
  source: 'email',
  ...over,
});

describe('AddContactCommentService', () => {
  it("a contact's public message: unread for the technicians, automation, no status change, unlocked by access", async () => {
    const { sut, fake, cs, added } = setup();
    await expect(sut.add(input())).resolves.toEqual({ id: 'cm1' });
    expect(fake(TicketUnitOfWork).onTicket).toHaveBeenCalledWith(9, undefined, expect.any(Function));
    expect(added[0]).toMatchObject({
      visibility: 'public',
      body: 'Still broken',
      truncated: false,
      source: 'email',
      author: { kind: 'contact', id: 'c1', name: 'Ann Lee' },
      messageId: null,
    });
    expect(fake(CommentWriter).afterContactMessage).toHaveBeenCalledWith(cs, 'tx');
    expect(fake(TicketChangeApplier).apply).not.toHaveBeenCalled();
  });

  it('truncates an over-long body (with the flag) instead of refusing it', async () => {
    const { sut, added } = setup();
    await sut.add(input({ body: 'x'.repeat(70_000) }));
    expect(added[0].truncated).toBe(true);
    expect(added[0].body.length).toBeLessThan(70_000);
    expect(added[0].body.endsWith('…')).toBe(true);
  });

  it("dual role: a technician who is not this ticket's requester writes as the technician", async () => {
    const { sut, fake, cs, added } = setup({ requesterId: 'c-other' });
    await sut.add(input({ author: { contact, account: { id: 'tech-1', name: 'Ann (tech)' } } }));
    expect(added[0].author).toEqual({ kind: 'account', id: 'tech-1', name: 'Ann (tech)' });
    expect(fake(CommentWriter).afterTechnicianReply).toHaveBeenCalledWith(cs, cs.comments[0], 'tx');
    expect(fake(CommentWriter).afterContactMessage).not.toHaveBeenCalled();
  });

  it('dual role: as the requester (and not the assignee) the person is the contact', async () => {
    const { sut, added } = setup();
    await sut.add(input({ author: { contact, account: { id: 'tech-1', name: 'Ann (tech)' } } }));
    expect(added[0].author.kind).toBe('contact');
  });

  it('dual role: as the assignee the person is the technician even when they are the requester', async () => {
    const { sut, added } = setup({ assigneeId: 'tech-1' });
    await sut.add(input({ author: { contact, account: { id: 'tech-1', name: 'Ann (tech)' } } }));
    expect(added[0].author.kind).toBe('account');
  });

  it('email extras: Cc merged and reopen through the applier as the contact, original attached, thread remembered', async () => {
    const { sut, fake, cs, comment } = setup();
    fake(TicketInputChecker).mergeCc.mockResolvedValue([{ kind: 'contact', id: 'c2' }]);
    fake(TicketChangeApplier).apply.mockResolvedValue(undefined);
    fake(CommentWriter).rememberMessage.mockReturnValue(undefined);
    await sut.add(
      input({ cc: [{ kind: 'contact', id: 'c2' }], reopenStatus: 'open', originalFileId: 'f-eml', messageId: '<m@x>' }),
    );
    expect(fake(TicketChangeApplier).apply).toHaveBeenCalledWith(
      cs,
      { status: 'open', cc: [{ kind: 'contact', id: 'c2' }] },
      { kind: 'contact', id: 'c1', name: 'Ann Lee' },
      undefined,
      'tx',
    );
    expect(comment().originalFileId).toBe('f-eml');
    expect(fake(CommentWriter).attachFiles).toHaveBeenCalledWith(
      ['f-eml'],
      'ticket-comment-original',
      comment(),
      cs.ticket,
      'tx',
    );
    expect(fake(CommentWriter).rememberMessage).toHaveBeenCalledWith(cs.ticket, '<m@x>');
  });

  it("as a step of another unit of work (a ticket the channel opens with it): that unit's set, no lock, same writes", async () => {
    const { sut, fake, cs, added } = setup();
    const write = await sut.prepare({ author: { contact, account: null }, body: 'Printer on fire', source: 'email' });
    // Checked and masked when prepared; nothing written until the step runs.
    expect(fake(CommentWriter).mask).toHaveBeenCalledWith('Printer on fire', 'co1');
    expect(fake(CommentWriter).finish).not.toHaveBeenCalled();
    const comment = await write(cs, 'tx' as never);
    expect(comment.id).toBe('cm1');
    expect(added[0]).toMatchObject({ body: 'Printer on fire', author: { kind: 'contact', id: 'c1' } });
    expect(fake(CommentWriter).afterContactMessage).toHaveBeenCalledWith(cs, 'tx');
    expect(fake(CommentWriter).finish).toHaveBeenCalledWith(cs, 'tx');
    expect(fake(TicketUnitOfWork).onTicket).not.toHaveBeenCalled();
  });

  it('startThread: the Message-ID and the reserved mail on a new row before its INSERT, once (the step then adds nothing)', async () => {
    const { sut, fake, cs } = setup();
    fake(CommentWriter).rememberMessage.mockReturnValue(undefined);
    const reserveMail = jest.fn();
    const write = await sut.prepare({
      author: { contact, account: null },
      body: 'Printer on fire',
      source: 'email',
      messageId: '<m@x>',
      reserveMail,
    });
    write.startThread(cs.ticket);
    expect(fake(CommentWriter).rememberMessage).toHaveBeenCalledWith(cs.ticket, '<m@x>');
    expect(reserveMail).toHaveBeenCalledWith(cs.ticket);
    await write(cs, 'tx' as never);
    expect(fake(CommentWriter).rememberMessage).toHaveBeenCalledTimes(1);
    expect(reserveMail).toHaveBeenCalledTimes(1);
    // Without startThread the step takes the place itself.
    const later = await sut.prepare({ author: { contact, account: null }, body: 'x', source: 'email', reserveMail });
    await later(cs, 'tx' as never);
    expect(reserveMail).toHaveBeenCalledTimes(2);
  });

  it('files written in this request: rows inserted attached with the comment, never claimed or attached again', async () => {
    const { sut, fake, cs, comment } = setup();
    const image = { id: 'f-img', name: 'a.png', size: 3, contentType: 'image/png' } as WrittenFile;
    const eml = { id: 'f-eml2', name: 'original.eml', size: 9, contentType: 'message/rfc822' } as WrittenFile;
    fake(CommentWriter).attachments.mockResolvedValue([
      { id: 'f-up', name: 'u.txt', size: 1, contentType: 'text/plain' },
      { id: 'f-img', name: 'a.png', size: 3, contentType: 'image/png', inline: true },
    ]);
    fake(CommentWriter).insertFiles.mockResolvedValue(undefined);
    fake(CommentWriter).rememberMessage.mockReturnValue(undefined);
    const inline = { 'f-img': { contentId: 'img' } };
    await sut.add(
      input({ attachmentIds: ['f-up'], writtenAttachments: [image], inlineAttachments: inline, writtenOriginal: eml }),
    );
    // The claim check covers only the uploads named by id; the written files join the size check.
    expect(fake(CommentWriter).attachments).toHaveBeenCalledWith(['f-up'], { kind: 'contact', id: 'c1' }, inline, [
      image,
    ]);
    expect(fake(CommentWriter).attachFiles).toHaveBeenCalledTimes(1);
    expect(fake(CommentWriter).attachFiles).toHaveBeenCalledWith(
      ['f-up'],
      'ticket-comment',
      comment(),
      cs.ticket,
      'tx',
    );
    expect(fake(CommentWriter).insertFiles).toHaveBeenCalledWith([image], 'ticket-comment', comment(), cs.ticket, 'tx');
    expect(fake(CommentWriter).insertFiles).toHaveBeenCalledWith(
      [eml],
      'ticket-comment-original',
      comment(),
      cs.ticket,
      'tx',
    );
    expect(comment().originalFileId).toBe('f-eml2');
    // The sender is handed to the views: the comment view after commit reads no contact again.
    expect(cs.knownContacts).toEqual([contact]);
  });
});
