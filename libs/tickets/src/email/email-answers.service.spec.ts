import { SettingsService, type ContactView } from '@switchboard/core';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { newTestService } from '@switchboard/testing';
import { TicketMailer } from '../services/ticket-mailer.service.js';
import { EmailAnswers } from './email-answers.service.js';

describe('EmailAnswers', () => {
  it('acknowledges a new ticket only when the setting is on, and a failing mail does not fail the ingest', async () => {
    const { sut, fake } = newTestService(EmailAnswers);
    fake(SettingsService).get.mockResolvedValueOnce(false);
    await sut.acknowledge(7);
    expect(fake(TicketMailer).sendAutomatic).not.toHaveBeenCalled();

    fake(SettingsService).get.mockResolvedValueOnce(true);
    fake(TicketMailer).sendAutomatic.mockRejectedValue(new Error('relay down'));
    await expect(sut.acknowledge(7)).resolves.toBeUndefined();
    expect(fake(TicketMailer).sendAutomatic).toHaveBeenCalledWith(7, 'ticket.acknowledgement');
  });

  it('acknowledgement: nothing when the setting is off; else reserves the thread in the transaction and mails it after', async () => {
    const { sut, fake } = newTestService(EmailAnswers);
    fake(SettingsService).get.mockResolvedValueOnce(false);
    await expect(sut.acknowledgement()).resolves.toBeNull();

    fake(SettingsService).get.mockResolvedValueOnce(true);
    const thread = { messageId: '<a@h>', inReplyTo: '<n1@a>', references: ['<n1@a>'] };
    fake(TicketMailer).reserve.mockReturnValue(thread);
    fake(TicketMailer).sendReserved.mockRejectedValue(new Error('relay down'));
    const pending = (await sut.acknowledgement())!;
    const ticket = { number: 7 } as TicketEntity;
    pending.reserve(ticket);
    expect(fake(TicketMailer).reserve).toHaveBeenCalledWith(ticket);
    const requester = { id: 'c1' } as ContactView;
    // Best effort, as `acknowledge`.
    await expect(pending.send(requester)).resolves.toBeUndefined();
    expect(fake(TicketMailer).sendReserved).toHaveBeenCalledWith(
      ticket,
      thread,
      'ticket.acknowledgement',
      {},
      requester,
    );
  });

  it('acknowledgement: nothing is mailed when no thread was reserved (the comment was not stored)', async () => {
    const { sut, fake } = newTestService(EmailAnswers);
    fake(SettingsService).get.mockResolvedValueOnce(true);
    await (await sut.acknowledgement())!.send();
    expect(fake(TicketMailer).sendReserved).not.toHaveBeenCalled();
  });

  it('rejects a stranger by mail, answering their Message-ID', async () => {
    const { sut, fake } = newTestService(EmailAnswers);
    fake(TicketMailer).sendRejection.mockResolvedValue(undefined as never);
    const m = { externalId: 'x1@a.example', from: { address: 'x@a.example' }, text: '', subject: 'Hi' };
    await expect(sut.reject(m, 'x@a.example')).resolves.toEqual({ status: 'rejected', reason: 'unknown_sender' });
    expect(fake(TicketMailer).sendRejection).toHaveBeenCalledWith('x@a.example', 'Hi', '<x1@a.example>');
  });
});
