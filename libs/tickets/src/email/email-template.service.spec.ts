import { newTestService } from '@switchboard/testing';
import { EmailTemplateEntity } from './email-template.entity.js';
import { EmailTemplateRepository } from './email-template.repository.js';
import { EmailTemplateService } from './email-template.service.js';
import { StatusMailLabels } from './status-mail-labels.service.js';
import { TicketPortalLinks } from './ticket-portal-links.js';

const template = (text: string) =>
  Object.assign(new EmailTemplateEntity(), { subject: '[#{{ticket.number}}] {{ticket.title}}', text, html: '' });
const data = { ticket: { number: 7, title: 'Printer', status: 'waiting_on_vendor' }, helpdesk: { address: 'a@b' } };

describe('EmailTemplateService', () => {
  it('names the status by its label, reading the statuses only for a template that may name one', async () => {
    const { sut, fake } = newTestService(EmailTemplateService);
    fake(TicketPortalLinks).url.mockResolvedValue(null);
    fake(StatusMailLabels).localize.mockImplementation(async (ticket) => ({ ...ticket, status: 'Waiting on vendor' }));

    fake(EmailTemplateRepository).find.mockResolvedValue(template('Ticket {{ticket.number}} is {{ticket.status}}.'));
    await expect(sut.render('ticket.status', data)).resolves.toMatchObject({
      subject: '[#7] Printer',
      text: 'Ticket 7 is Waiting on vendor.',
    });
    expect(fake(StatusMailLabels).localize).toHaveBeenCalledTimes(1);

    fake(EmailTemplateRepository).find.mockResolvedValue(template('We opened ticket {{ticket.number}}.'));
    await expect(sut.render('ticket.acknowledgement', data)).resolves.toMatchObject({
      text: 'We opened ticket 7.',
    });
    expect(fake(StatusMailLabels).localize).toHaveBeenCalledTimes(1);
  });
});
