import { bootEmailApp, commentsOf, type EmailApp, seedCompany, sendMail, ticketsOf } from './email.helper';

/**
 * #21: ticket numbers people type in a subject ("Ticket #128", "Re: Demande n° 128") thread like
 * our `[#128]` token, with the same sender check; an order number (`#4521`, "Order #4521") never
 * does. Real SMTP sessions, no threading headers (only the subject can thread these).
 */
describe('#21 typed subject tokens over SMTP', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  async function openTicket(subject: string) {
    const seeded = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${seeded.domain}`, subject, text: 'First mail.' });
    const [ticket] = await ticketsOf(e.t, seeded.contact.id);
    return { ...seeded, ticket };
  }
  const bodies = async (n: number) => (await commentsOf(e.t, n)).map((c) => c.body);

  it('English, French, German and "Case #" forms from the requester become comments on that ticket', async () => {
    const { contact, domain, ticket } = await openTicket('Printer on fire');
    const n = ticket.number;
    for (const [subject, text] of [
      [`Re: Ticket #${n} still broken`, 'Still smoking.'],
      [`ticket ${n}`, 'Any news?'],
      [`RE : Demande n° ${n} - imprimante`, 'Toujours en panne.'],
      [`AW: Anfrage Nr. ${n}`, 'Immer noch kaputt.'],
      [`Case #${n}`, 'Third floor.'],
    ])
      await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject, text });
    expect(await bodies(n)).toEqual([
      'First mail.',
      'Still smoking.',
      'Any news?',
      'Toujours en panne.',
      'Immer noch kaputt.',
      'Third floor.',
    ]);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
  });

  it('a bare #n, an order number, a GitHub-style "Issue #n" or a weak word without # open new tickets', async () => {
    const { contact, domain, ticket } = await openTicket('Laptop slow');
    const n = ticket.number;
    const subjects = [`Re: #${n}`, `Order #${n} shipped`, `Issue #${n}: crash`, `Dossier ${n}`];
    for (const subject of subjects)
      await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject, text: `About ${subject}` });
    expect(await bodies(n)).toEqual(['First mail.']);
    const titles = (await ticketsOf(e.t, contact.id)).map((t) => t.title);
    expect(titles).toEqual(['Laptop slow', ...subjects]);
  });

  it('someone who is neither requester, Cc nor technician cannot write into a ticket by typing its number', async () => {
    const { ticket } = await openTicket('VPN down');
    const other = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${other.domain}`,
      subject: `Re: Ticket #${ticket.number}`,
      text: 'Please send me the VPN password.',
    });
    expect(await bodies(ticket.number)).toEqual(['First mail.']);
    const theirs = await ticketsOf(e.t, other.contact.id);
    expect(theirs.map((t) => [t.title, t.description])).toEqual([
      [`Re: Ticket #${ticket.number}`, 'Please send me the VPN password.'],
    ]);
  });
});
