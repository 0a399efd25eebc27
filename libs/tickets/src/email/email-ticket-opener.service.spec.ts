import { SettingsService, type ContactView, type InboundContext } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from '../services/add-contact-comment.service.js';
import { CreateTicketService } from '../services/create-ticket.service.js';
import { TicketChangeSet } from '../services/ticket-change-set.js';
import { EmailActivityWriter } from './email-activity.writer.js';
import { EmailAnswers } from './email-answers.service.js';
import { EmailCcResolver } from './email-cc.service.js';
import { EmailSenders } from './email-sender.service.js';
import { EmailStorage } from './email-storage.service.js';
import { EmailTicketOpener } from './email-ticket-opener.service.js';

const ann = { id: 'c1', companyId: 'co1', firstName: 'Ann', lastName: 'Lee' } as ContactView;
const annB = { ...ann, id: 'c2', companyId: 'co2' } as ContactView;
const ctx = (contacts: ContactView[], subject = 'Printer on fire'): InboundContext => ({
  pluginId: 'channel-email',
  channel: 'email',
  instanceId: null,
  message: { externalId: '<n1@acme.example>', from: { address: 'ann@acme.example' }, text: '', subject },
  sender: { address: 'ann@acme.example', contacts, account: null },
  ownAddresses: new Set(['support@helpdesk.example']),
});

function setup() {
  const t = newTestService(EmailTicketOpener);
  t.fake(EmailCcResolver).entries.mockResolvedValue([]);
  // The creation's transaction: the mail chain on the row before its INSERT, then the comment's step (its last write).
  t.fake(CreateTicketService).createAs.mockImplementation(
    async (_input, _actor, _source, _me, lastStep, beforeInsert) => {
      beforeInsert?.(locked);
      await lastStep?.(new TicketChangeSet(locked), 'tx' as never);
      return { number: 7 } as never;
    },
  );
  t.fake(EmailStorage).written.mockResolvedValue({ files: [], inline: {} });
  t.fake(EmailStorage).writtenOriginal.mockResolvedValue(null);
  // The comment's step: the acknowledgement reserves its thread on the ticket in that transaction (startThread).
  t.fake(AddContactCommentService).prepare.mockImplementation(async (input) =>
    Object.assign(async () => ({ id: 'k1' }) as never, {
      startThread: (ticket: TicketEntity) => input.reserveMail?.(ticket),
    }),
  );
  t.fake(EmailAnswers).acknowledgement.mockResolvedValue(ack);
  t.fake(EmailSenders).learnLanguage.mockResolvedValue(null);
  return t;
}
const locked = { number: 7 } as TicketEntity;
const ack = { reserve: jest.fn(), send: jest.fn().mockResolvedValue(undefined) };
beforeEach(() => {
  ack.reserve.mockClear();
  ack.send.mockClear();
});

describe('EmailTicketOpener', () => {
  it('learns the language of a contact without one from the first mail, before acknowledging; keeps a known one', async () => {
    const { sut, fake } = setup();
    await sut.open(ctx([ann]), null);
    expect(fake(EmailSenders).learnLanguage).toHaveBeenCalledWith('c1', expect.stringContaining('Printer on fire'));
    expect(fake(EmailSenders).learnLanguage.mock.invocationCallOrder[0]).toBeLessThan(
      ack.send.mock.invocationCallOrder[0],
    );
    // Nothing learnt: the acknowledgement reads the requester itself.
    expect(ack.send).toHaveBeenLastCalledWith(undefined);

    fake(EmailSenders).learnLanguage.mockResolvedValueOnce('fr');
    await sut.open(ctx([ann]), null);
    expect(ack.send).toHaveBeenLastCalledWith({ ...ann, language: 'fr' });

    const french = { ...ann, language: 'fr' } as ContactView;
    fake(EmailSenders).learnLanguage.mockClear();
    await sut.open(ctx([french]), null);
    expect(fake(EmailSenders).learnLanguage).not.toHaveBeenCalled();
    expect(ack.send).toHaveBeenLastCalledWith(french);
  });

  it('stores the files with the comment and reserves the acknowledgement in its transaction; none when off', async () => {
    const { sut, fake } = setup();
    const original = { id: 'f1' } as never;
    fake(EmailStorage).writtenOriginal.mockResolvedValue(original);
    await sut.open(ctx([ann]), null);
    expect(fake(AddContactCommentService).prepare).toHaveBeenCalledWith(
      expect.objectContaining({ writtenAttachments: [], writtenOriginal: original, opening: true }),
    );
    expect(ack.reserve).toHaveBeenCalledWith(locked);
    expect(ack.reserve.mock.invocationCallOrder[0]).toBeLessThan(ack.send.mock.invocationCallOrder[0]);

    fake(EmailAnswers).acknowledgement.mockResolvedValue(null);
    fake(AddContactCommentService).prepare.mockClear();
    await expect(sut.open(ctx([ann]), null)).resolves.toMatchObject({ status: 'created' });
    expect(fake(AddContactCommentService).prepare.mock.calls[0][0].reserveMail).toBeUndefined();
  });

  it("opens a ticket for the sender's oldest contact, passing it as the resolved requester, then acknowledges", async () => {
    const { sut, fake } = setup();
    await expect(sut.open(ctx([ann, annB]), null)).resolves.toEqual({
      status: 'created',
      ticketNumber: 7,
      commentId: 'k1',
    });
    expect(fake(CreateTicketService).createAs).toHaveBeenCalledWith(
      { title: 'Printer on fire', description: '(empty message)', requesterId: 'c1', requester: ann, cc: [] },
      { kind: 'contact', id: 'c1', name: 'Ann Lee' },
      'email',
      undefined,
      expect.any(Function),
      expect.any(Function),
    );
    expect(fake(AddContactCommentService).prepare).toHaveBeenCalledWith(
      expect.objectContaining({ author: { contact: ann, account: null } }),
    );
    expect(ack.reserve).toHaveBeenCalledWith(locked);
    expect(ack.send).toHaveBeenCalledWith(undefined);
  });

  it("a follow-up stays in the closed ticket's company, drops its subject token and links both tickets", async () => {
    const { sut, fake } = setup();
    fake(EmailActivityWriter).record.mockResolvedValue(undefined);
    const closed = { number: 3, companyId: 'co2' } as TicketEntity;
    await sut.open(ctx([ann, annB], 'Re: [#3] Printer'), closed);
    expect(fake(CreateTicketService).createAs).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Re: Printer', requesterId: 'c2' }),
      expect.anything(),
      'email',
      undefined,
      expect.any(Function),
      expect.any(Function),
    );
    const actor = { kind: 'contact', id: 'c2', name: 'Ann Lee' };
    expect(fake(EmailActivityWriter).record).toHaveBeenCalledWith(7, actor, 'follow_up_of', { number: 3 });
    expect(fake(EmailActivityWriter).record).toHaveBeenCalledWith(3, actor, 'follow_up', { number: 7 });
  });

  it('an unknown sender without a company is refused; with one, becomes its contact', async () => {
    const { sut, fake } = setup();
    fake(SettingsService).get.mockResolvedValue('accept');
    fake(EmailSenders).companyFor.mockResolvedValueOnce(null);
    await expect(sut.open(ctx([]), null)).resolves.toEqual({ status: 'rejected', reason: 'no_company' });
    expect(fake(CreateTicketService).createAs).not.toHaveBeenCalled();

    fake(EmailSenders).companyFor.mockResolvedValueOnce('co1');
    fake(EmailSenders).contactFor.mockResolvedValue(ann);
    const c = ctx([]);
    await expect(sut.open(c, null)).resolves.toMatchObject({ status: 'created' });
    expect(fake(EmailSenders).contactFor).toHaveBeenCalledWith(c.sender, 'co1');
  });

  it('an unknown sender is rejected by mail when the setting says so', async () => {
    const { sut, fake } = setup();
    fake(SettingsService).get.mockResolvedValue('reject');
    fake(EmailAnswers).reject.mockResolvedValue({ status: 'rejected', reason: 'unknown_sender' });
    await expect(sut.open(ctx([]), null)).resolves.toEqual({ status: 'rejected', reason: 'unknown_sender' });
    expect(fake(EmailAnswers).reject).toHaveBeenCalledWith(expect.anything(), 'ann@acme.example');
  });
});
