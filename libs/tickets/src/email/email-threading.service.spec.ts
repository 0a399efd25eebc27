import {
  AccountService,
  AppConfig,
  ContactService,
  type AccountView,
  type ContactView,
  type Sender,
} from '@switchboard/core';
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

  it('a typed subject token ("Ticket 42", "Re: Demande #42") threads like [#42], with the same sender check', async () => {
    const { sut, tickets } = setup();
    tickets.findByNumber.mockResolvedValue(ticket());
    const requester = sender({ contacts: [{ id: 'req' } as ContactView] });
    for (const subject of ['Ticket 42', 'Re: Demande #42', 'AW: Anfrage Nr. 42', 'Case #42'])
      await expect(sut.find(mail({ subject }), requester)).resolves.toMatchObject({ by: 'subject' });
    await expect(sut.find(mail({ subject: 'Ticket 42' }), sender())).resolves.toBeNull();
    // A bare number is an order or an invoice, never a ticket: not even looked up.
    tickets.findByNumber.mockClear();
    await expect(sut.find(mail({ subject: 'Order #42' }), requester)).resolves.toBeNull();
    await expect(sut.find(mail({ subject: 'Re: #42' }), requester)).resolves.toBeNull();
    expect(tickets.findByNumber).not.toHaveBeenCalled();
  });

  it('tries each number a subject names until one passes the sender check', async () => {
    const { sut, tickets } = setup();
    tickets.findByNumber.mockImplementation(async (n: number) =>
      n === 7 ? ticket({ number: 7, requesterId: 'someone-else' }) : ticket({ number: n }),
    );
    const requester = sender({ contacts: [{ id: 'req' } as ContactView] });
    await expect(sut.find(mail({ subject: '[#7] see ticket 42' }), requester)).resolves.toMatchObject({
      ticket: { number: 42 },
    });
  });

  describe('bounces (the returned message names the ticket)', () => {
    const bounce = (returned: InboundMessage['returned']) =>
      mail({
        from: { address: 'mailer-daemon@mx.acme.example' },
        subject: 'Undelivered Mail Returned to Sender',
        automated: true,
        automatedKind: 'bounce',
        returned,
      });
    const daemon = sender({ address: 'mailer-daemon@mx.acme.example' });

    it('by the returned Message-ID we sent, whoever the recipient', async () => {
      const { sut, fake, tickets } = setup();
      fake(TicketCommentRepository).ticketsByMessageIds.mockResolvedValue([]);
      fake(OutboxService).ticketIdsByMessageIds.mockResolvedValue([
        { messageId: '<ticket-42.x@helpdesk.example>', ticketId: 't1' },
      ]);
      tickets.findById.mockResolvedValue(ticket());
      await expect(
        sut.find(bounce({ messageId: '<ticket-42.x@helpdesk.example>', recipient: 'x@y.example' }), daemon),
      ).resolves.toMatchObject({ by: 'returned', ticket: { number: 42 } });
      expect(fake(OutboxService).ticketIdsByMessageIds).toHaveBeenCalledWith(['<ticket-42.x@helpdesk.example>']);
      expect(fake(ContactService).findAllByEmail).not.toHaveBeenCalled();
    });

    it('by the returned subject token only when the bounced recipient is the requester or a Cc', async () => {
      const { sut, fake, tickets } = setup();
      tickets.findByNumber.mockResolvedValue(ticket({ cc: [{ kind: 'account', id: 'tech-cc' }] }));
      const contacts = fake(ContactService).findAllByEmail;
      const accounts = fake(AccountService).findByEmail;
      contacts.mockImplementation(async (email: string) =>
        email === 'ann@acme.example' ? [{ id: 'req' } as ContactView] : [],
      );
      accounts.mockImplementation(async (email: string) =>
        email === 'tech@helpdesk.example' ? ({ id: 'tech-cc', active: true } as AccountView) : null,
      );
      const returned = (recipient?: string) => bounce({ subject: 'Re: [#42] Imprimante', recipient });

      await expect(sut.find(returned('Ann <ANN@acme.example>'), daemon)).resolves.toMatchObject({ by: 'returned' });
      expect(contacts).toHaveBeenCalledWith('ann@acme.example');
      await expect(sut.find(returned('tech@helpdesk.example'), daemon)).resolves.toMatchObject({ by: 'returned' });
      // Someone else (even an active technician not on the ticket), or no recipient: nothing.
      accounts.mockResolvedValueOnce({ id: 'other-tech', active: true } as AccountView);
      await expect(sut.find(returned('other@helpdesk.example'), daemon)).resolves.toBeNull();
      await expect(sut.find(returned('stranger@evil.example'), daemon)).resolves.toBeNull();
      await expect(sut.find(returned(undefined), daemon)).resolves.toBeNull();
      await expect(sut.find(returned('not an address'), daemon)).resolves.toBeNull();
    });

    it('a sender-minted id in the returned References counts only for the requester/Cc recipient', async () => {
      const { sut, fake } = setup();
      fake(TicketCommentRepository).ticketsByMessageIds.mockResolvedValue([
        { messageId: '<orig@acme.example>', ticket: ticket() },
      ]);
      fake(OutboxService).ticketIdsByMessageIds.mockResolvedValue([]);
      fake(AccountService).findByEmail.mockResolvedValue(null);
      fake(ContactService).findAllByEmail.mockImplementation(async (email: string) =>
        email === 'ann@acme.example' ? [{ id: 'req' } as ContactView] : [],
      );
      const withRefs = (recipient: string) => bounce({ references: ['<orig@acme.example>'], recipient });
      await expect(sut.find(withRefs('ann@acme.example'), daemon)).resolves.toMatchObject({ by: 'returned' });
      await expect(sut.find(withRefs('mallory@evil.example'), daemon)).resolves.toBeNull();
    });

    it('returned headers are read only for a bounce', async () => {
      const { sut, fake, tickets } = setup();
      tickets.findByNumber.mockResolvedValue(ticket());
      fake(ContactService).findAllByEmail.mockResolvedValue([{ id: 'req' } as ContactView]);
      const notABounce = {
        ...bounce({ subject: '[#42]', recipient: 'ann@acme.example' }),
        automatedKind: 'auto-reply' as const,
      };
      await expect(sut.find(notABounce, daemon)).resolves.toBeNull();
    });
  });
});
