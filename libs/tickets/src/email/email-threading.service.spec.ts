import { AppConfig, type AccountView, type ContactView, type Sender } from '@switchboard/core';
import { OutboxService } from '@switchboard/notify';
import type { InboundMessage } from '@switchboard/plugin-sdk';
import { newTestService } from '@switchboard/testing';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { EmailThreading } from './email-threading.service.js';

const ticket = (over: Partial<TicketEntity> = {}) =>
  ({ id: 't1', number: 42, requesterId: 'req', cc: [], mergedIntoNumber: null, ...over }) as TicketEntity;
const sender = (over: Partial<Sender> = {}): Sender => ({
  address: 'ann@acme.example',
  contacts: [],
  account: null,
  ...over,
});
const mail = (over: Partial<InboundMessage>): InboundMessage => ({
  externalId: '<m@acme.example>',
  from: { address: 'ann@acme.example' },
  text: 'hi',
  ...over,
});

function setup() {
  const t = newTestService(EmailThreading, { types: [[AppConfig, { mailFrom: 'support@helpdesk.example' }]] });
  return { ...t, tickets: t.fake(TicketRepository) };
}

describe('EmailThreading (decides from the resolved sender, no identity lookup)', () => {
  it('a subject token threads for the requester (one of the sender contacts)', async () => {
    const { sut, tickets } = setup();
    tickets.findByNumber.mockResolvedValue(ticket());
    const s = sender({ contacts: [{ id: 'req', companyId: 'co' } as ContactView] });
    await expect(sut.find(mail({ subject: 'Re: [#42] VPN' }), s)).resolves.toMatchObject({
      by: 'subject',
      ticket: { number: 42 },
    });
    expect(tickets.findByNumber).toHaveBeenCalledWith(42);
  });

  it('a subject token from a stranger opens a new ticket instead', async () => {
    const { sut, tickets } = setup();
    tickets.findByNumber.mockResolvedValue(ticket({ cc: [{ kind: 'contact', id: 'someone-else' }] }));
    const s = sender({ contacts: [{ id: 'other', companyId: 'co' } as ContactView] });
    await expect(sut.find(mail({ subject: '[#42]' }), s)).resolves.toBeNull();
  });

  it("a Cc'd contact, a Cc'd account and any active technician may write into the ticket", async () => {
    const { sut, tickets } = setup();
    tickets.findByNumber.mockResolvedValue(
      ticket({
        cc: [
          { kind: 'contact', id: 'cc-contact' },
          { kind: 'account', id: 'cc-account' },
        ],
      }),
    );
    const m = mail({ subject: '[#42]' });
    await expect(sut.find(m, sender({ contacts: [{ id: 'cc-contact' } as ContactView] }))).resolves.not.toBeNull();
    const inactive = { id: 'cc-account', active: false } as AccountView;
    await expect(sut.find(m, sender({ account: inactive }))).resolves.not.toBeNull();
    const tech = { id: 'tech', active: true } as AccountView;
    await expect(sut.find(m, sender({ account: tech }))).resolves.not.toBeNull();
    await expect(sut.find(m, sender({ account: { id: 'tech', active: false } as AccountView }))).resolves.toBeNull();
  });

  it('headers: our own Message-ID threads anyone; a sender-minted one only who may write; merges are followed', async () => {
    const { sut, fake, tickets } = setup();
    fake(TicketCommentRepository).ticketsByMessageIds.mockResolvedValue([
      { messageId: '<theirs@acme.example>', ticket: ticket({ id: 't1', mergedIntoNumber: 50 }) },
    ]);
    fake(OutboxService).ticketIdsByMessageIds.mockResolvedValue([
      { messageId: '<ticket-42.x@helpdesk.example>', ticketId: 't1' },
    ]);
    tickets.findById.mockResolvedValue(ticket({ mergedIntoNumber: 50 }));
    tickets.findByNumber.mockResolvedValue(ticket({ id: 't2', number: 50 }));

    const ours = mail({ inReplyTo: 'ticket-42.x@helpdesk.example' });
    await expect(sut.find(ours, sender())).resolves.toMatchObject({ by: 'headers', ticket: { number: 50 } });
    expect(tickets.findByNumber).toHaveBeenCalledWith(50);

    const theirs = mail({ references: ['<theirs@acme.example>'] });
    await expect(sut.find(theirs, sender())).resolves.toBeNull();
    const requester = sender({ contacts: [{ id: 'req' } as ContactView] });
    await expect(sut.find(theirs, requester)).resolves.toMatchObject({ by: 'headers', ticket: { number: 50 } });
  });

  it('headers: a ticket read with the comment is not read again; one known from the outbox only is', async () => {
    const { sut, fake, tickets } = setup();
    fake(TicketCommentRepository).ticketsByMessageIds.mockResolvedValue([
      { messageId: '<in-1@acme.example>', ticket: ticket({ id: 't1', number: 42 }) },
    ]);
    fake(OutboxService).ticketIdsByMessageIds.mockResolvedValue([
      { messageId: '<ticket-7.y@helpdesk.example>', ticketId: 't7' },
    ]);
    tickets.findById.mockResolvedValue(ticket({ id: 't7', number: 7 }));
    const requester = sender({ contacts: [{ id: 'req' } as ContactView] });

    await expect(sut.find(mail({ inReplyTo: '<in-1@acme.example>' }), requester)).resolves.toMatchObject({
      by: 'headers',
      ticket: { number: 42 },
    });
    expect(tickets.findById).not.toHaveBeenCalled();

    await expect(sut.find(mail({ inReplyTo: '<ticket-7.y@helpdesk.example>' }), sender())).resolves.toMatchObject({
      by: 'headers',
      ticket: { number: 7 },
    });
    expect(tickets.findById).toHaveBeenCalledWith('t7');
  });
});
