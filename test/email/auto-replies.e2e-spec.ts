import {
  activityOf,
  bootEmailApp,
  commentsOf,
  type EmailApp,
  outbox,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

/**
 * #21: auto-replies that carry no Auto-Submitted header (subject-only out-of-office in several
 * languages, X-Autoreply / X-Autorespond, Precedence: auto_reply) are recorded as an
 * `email_ignored` activity line: no comment, no reopen, no acknowledgement or any mail back, no new
 * ticket when they thread nowhere. A person's "Re: out of office plans" is an ordinary comment.
 */
describe('#21 auto-replies without Auto-Submitted over SMTP', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  async function openTicket(subject: string) {
    const seeded = await seedCompany(e.t);
    const requester = `melissa@${seeded.domain}`;
    await sendMail(e.smtpPort, { from: requester, subject, text: 'First mail.' });
    const [ticket] = await ticketsOf(e.t, seeded.contact.id);
    const ack = (await outbox(e.t)).find((m) => m.to.includes(requester))!;
    return { ...seeded, requester, ticket, ack };
  }
  const ignored = async (n: number) =>
    (await activityOf(e.t, n)).filter((a) => a.action === 'email_ignored').map((a) => a.to?.kind);
  const mailsTo = async (address: string) => (await outbox(e.t)).filter((m) => m.to.includes(address)).length;

  it('subject-only out-of-office in English, French, German, Spanish, Italian: activity lines only', async () => {
    const { requester, ticket, ack, contact } = await openTicket('Printer on fire');
    const n = ticket.number;
    const before = await mailsTo(requester);
    const subjects = [
      `Out of Office: [#${n}] Printer on fire`,
      `Automatic reply: [#${n}] Printer on fire`,
      `Réponse automatique : [#${n}] Printer on fire`,
      `Absence du bureau : [#${n}] Printer on fire`,
      `Abwesenheitsnotiz: [#${n}] Printer on fire`,
      `Fuera de la oficina: [#${n}] Printer on fire`,
      `Risposta automatica: [#${n}] Printer on fire`,
    ];
    for (const [i, subject] of subjects.entries())
      await sendMail(e.smtpPort, {
        from: requester,
        subject,
        text: 'I am away until Monday.',
        // Half of them answer our acknowledgement by its headers, the others thread by the token only.
        ...(i % 2 ? { inReplyTo: ack.headers['Message-ID'] } : {}),
      });
    expect(await ignored(n)).toEqual(subjects.map(() => 'auto-reply'));
    expect((await commentsOf(e.t, n)).map((c) => c.body)).toEqual(['First mail.']);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
    expect(await mailsTo(requester)).toBe(before);
  });

  it('X-Autoreply, X-Autorespond and Precedence: auto_reply with an ordinary subject', async () => {
    const { requester, ticket } = await openTicket('VPN down');
    const before = await mailsTo(requester);
    for (const headers of [{ 'X-Autoreply': 'yes' }, { 'X-Autorespond': 'Vacation' }, { Precedence: 'auto_reply' }])
      await sendMail(e.smtpPort, {
        from: requester,
        subject: `Re: [#${ticket.number}] VPN down`,
        text: 'Thank you for your message.',
        headers,
      });
    expect(await ignored(ticket.number)).toEqual(['auto-reply', 'auto-reply', 'auto-reply']);
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(1);
    expect(await mailsTo(requester)).toBe(before);
  });

  it('an out-of-office that threads nowhere opens no ticket and sends nothing back', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const address = `melissa@${domain}`;
    await sendMail(e.smtpPort, { from: address, subject: 'Réponse automatique : Newsletter', text: 'Absente.' });
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(0);
    expect(await mailsTo(address)).toBe(0);
  });

  it('a person writing "Re: out of office plans" or forwarding an auto-reply is a comment', async () => {
    const { requester, ticket } = await openTicket('Office move');
    await sendMail(e.smtpPort, {
      from: requester,
      subject: `Re: [#${ticket.number}] out of office plans`,
      text: 'I will be out of office next week, please call my colleague.',
    });
    await sendMail(e.smtpPort, {
      from: requester,
      subject: `TR: Réponse automatique : [#${ticket.number}] Office move`,
      text: "Voici la réponse automatique que j'ai reçue.",
    });
    expect((await commentsOf(e.t, ticket.number)).map((c) => c.body)).toEqual([
      'First mail.',
      'I will be out of office next week, please call my colleague.',
      "Voici la réponse automatique que j'ai reçue.",
    ]);
    expect(await ignored(ticket.number)).toEqual([]);
  });
});
