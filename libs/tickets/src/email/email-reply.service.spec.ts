import {
  AccountService,
  SettingsService,
  type AccountView,
  type ContactView,
  type InboundContext,
  type WrittenFile,
} from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { AddContactCommentService } from '../services/add-contact-comment.service.js';
import { AddTechnicianCommentService } from '../services/add-technician-comment.service.js';
import { EmailAnswers } from './email-answers.service.js';
import { EmailCcResolver } from './email-cc.service.js';
import { EmailReplyService } from './email-reply.service.js';
import { EmailSenders } from './email-sender.service.js';
import { EmailStorage } from './email-storage.service.js';

const ticket = { id: 't1', number: 42, companyId: 'co1' } as TicketEntity;
const ann = { id: 'c1', companyId: 'co1', firstName: 'Ann', lastName: 'Lee' } as ContactView;
const own = new Set(['support@helpdesk.example']);
const ctx = (sender: Partial<InboundContext['sender']>): InboundContext => ({
  pluginId: 'channel-email',
  channel: 'email',
  instanceId: null,
  message: { externalId: 'm2@acme.example', from: { address: 'ann@acme.example' }, text: '  Still down.  ' },
  sender: { address: 'ann@acme.example', contacts: [], account: null, ...sender },
  ownAddresses: own,
});

const written = (id: string) => ({ id, name: `${id}.bin`, size: 3 }) as WrittenFile;

function setup() {
  const t = newTestService(EmailReplyService);
  t.fake(EmailStorage).attachments.mockResolvedValue({ ids: ['f1'], inline: {} });
  t.fake(EmailStorage).written.mockResolvedValue({ files: [written('f2')], inline: { f2: { contentId: 'img' } } });
  t.fake(EmailStorage).writtenOriginal.mockResolvedValue(written('orig'));
  t.fake(EmailCcResolver).entries.mockResolvedValue([]);
  t.fake(AddContactCommentService).add.mockResolvedValue({ id: 'k1' } as never);
  return t;
}

describe('EmailReplyService', () => {
  it("a known contact's reply is their comment, with the resolved sender as author (no lookup)", async () => {
    const { sut, fake } = setup();
    const account = { id: 'a1', name: 'Ann (tech)', active: false } as AccountView;
    await expect(sut.append(ctx({ contacts: [ann], account }), ticket)).resolves.toEqual({
      status: 'appended',
      ticketNumber: 42,
      commentId: 'k1',
    });
    expect(fake(EmailCcResolver).entries).toHaveBeenCalledWith(expect.anything(), own, 'ann@acme.example', 'co1', [
      'c1',
    ]);
    expect(fake(AddContactCommentService).add).toHaveBeenCalledWith({
      ticketNumber: 42,
      author: { contact: ann, account },
      body: 'Still down.',
      source: 'email',
      // Written in this request: the comment inserts their rows, attached (no claim, no attach UPDATE).
      writtenAttachments: [written('f2')],
      inlineAttachments: { f2: { contentId: 'img' } },
      messageId: '<m2@acme.example>',
      cc: [],
      writtenOriginal: written('orig'),
    });
    expect(fake(EmailStorage).written).toHaveBeenCalledWith(expect.anything(), { kind: 'contact', id: 'c1' }, 'co1');
    expect(fake(EmailStorage).writtenOriginal).toHaveBeenCalledWith(expect.anything(), 'co1');
  });

  it('a technician without a contact in the company writes as the technician', async () => {
    const { sut, fake } = setup();
    const tech = { id: 'a1', name: 'Tom', active: true } as AccountView;
    fake(AccountService).principal.mockResolvedValue({ id: 'a1' } as never);
    fake(AddTechnicianCommentService).add.mockResolvedValue({ id: 'k2' } as never);
    await expect(sut.append(ctx({ account: tech }), ticket, 'open')).resolves.toMatchObject({ commentId: 'k2' });
    expect(fake(AddTechnicianCommentService).add).toHaveBeenCalledWith(
      42,
      { body: 'Still down.', visibility: 'public', attachmentIds: ['f1'], status: 'open' },
      { id: 'a1' },
    );
    expect(fake(EmailStorage).attachments).toHaveBeenCalledWith(
      expect.anything(),
      { kind: 'account', id: 'a1' },
      'co1',
    );
  });

  it('an unknown sender is rejected when the setting says so', async () => {
    const { sut, fake } = setup();
    fake(SettingsService).get.mockResolvedValue('reject');
    fake(EmailAnswers).reject.mockResolvedValue({ status: 'rejected', reason: 'unknown_sender' });
    await expect(sut.append(ctx({}), ticket)).resolves.toEqual({ status: 'rejected', reason: 'unknown_sender' });
    expect(fake(AddContactCommentService).add).not.toHaveBeenCalled();
  });

  it("an unknown sender otherwise becomes a contact of the ticket's company, through the resolved sender", async () => {
    const { sut, fake } = setup();
    fake(SettingsService).get.mockResolvedValue('accept');
    fake(EmailSenders).contactFor.mockResolvedValue(ann);
    const c = ctx({ contacts: [{ ...ann, id: 'elsewhere', companyId: 'co2' }] });
    await sut.append(c, ticket, 'open');
    expect(fake(EmailSenders).contactFor).toHaveBeenCalledWith(c.sender, 'co1');
    expect(fake(AddContactCommentService).add).toHaveBeenCalledWith(
      expect.objectContaining({ author: { contact: ann, account: null }, reopenStatus: 'open' }),
    );
  });
});
