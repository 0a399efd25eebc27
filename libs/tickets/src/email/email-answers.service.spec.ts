import { SettingsService } from '@switchboard/core';
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

  it('rejects a stranger by mail, answering their Message-ID', async () => {
    const { sut, fake } = newTestService(EmailAnswers);
    fake(TicketMailer).sendRejection.mockResolvedValue(undefined as never);
    const m = { externalId: 'x1@a.example', from: { address: 'x@a.example' }, text: '', subject: 'Hi' };
    await expect(sut.reject(m, 'x@a.example')).resolves.toEqual({ status: 'rejected', reason: 'unknown_sender' });
    expect(fake(TicketMailer).sendRejection).toHaveBeenCalledWith('x@a.example', 'Hi', '<x1@a.example>');
  });
});
