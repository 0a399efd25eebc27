import {
  activityOf,
  bearer,
  bootEmailApp,
  commentsOf,
  type EmailApp,
  HELPDESK,
  outbox,
  rfc822,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

/**
 * #21: a delivery report names its ticket only inside the message it returns. The bounce lands as
 * an `email_ignored` line in that ticket's activity (never a comment, no mail back) when the
 * returned Message-ID is one we sent, or when the returned subject token's ticket has the bounced
 * recipient as requester/Cc. Real SMTP sessions with the reports MTAs send (Postfix, Gmail, qmail).
 */
describe('#21 bounces find their ticket over SMTP', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  let seq = 0;
  /** A multipart/report as Postfix sends it: notice, delivery-status, then the returned part. */
  const report = (recipient: string, returnedType: string, returned: string[]) =>
    rfc822([
      'From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>',
      `To: ${HELPDESK}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <dsn-${++seq}.${Date.now()}@mx.acme.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="rr"',
      '',
      '--rr',
      'Content-Type: text/plain',
      '',
      'I am sorry to have to inform you that your message could not be delivered.',
      '',
      '--rr',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.acme.example',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--rr',
      `Content-Type: ${returnedType}`,
      '',
      ...returned,
      '',
      '--rr--',
      '',
    ]);
  const bounce = (raw: string) => sendMail(e.smtpPort, { envelope: { from: '', to: [HELPDESK] }, raw });

  async function ticketWithAck(subject: string) {
    const seeded = await seedCompany(e.t);
    const requester = `melissa@${seeded.domain}`;
    await sendMail(e.smtpPort, { from: requester, subject, text: 'First mail.' });
    const [ticket] = await ticketsOf(e.t, seeded.contact.id);
    const ack = (await outbox(e.t)).find((m) => m.to.includes(requester))!;
    return { ...seeded, requester, ticket, ack };
  }
  const bounces = async (n: number) =>
    (await activityOf(e.t, n)).filter((a) => a.action === 'email_ignored').map((a) => a.to?.kind);
  const bounceTickets = async () =>
    (await e.t.http().get('/api/tickets?q=Undelivered').set(bearer(e.t.adminToken)).expect(200)).body.items;

  it('the returned message/rfc822 is our acknowledgement: a bounce line on its ticket, no comment, no mail', async () => {
    const { ticket, ack, requester } = await ticketWithAck('Printer on fire');
    const mails = (await outbox(e.t)).length;
    await bounce(
      report(requester, 'message/rfc822', [
        `From: ${HELPDESK}`,
        `To: ${requester}`,
        `Subject: ${ack.subject}`,
        `Message-ID: ${ack.headers['Message-ID']}`,
        '',
        'We opened a ticket.',
      ]),
    );
    expect(await bounces(ticket.number)).toEqual(['bounce']);
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(1);
    expect((await outbox(e.t)).length).toBe(mails);
    expect(await bounceTickets()).toHaveLength(0);
  });

  it("headers only (text/rfc822-headers): a technician's reply found by its Message-ID", async () => {
    const { ticket, requester } = await ticketWithAck('VPN down');
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Please restart the client.', visibility: 'public' })
      .expect(201);
    const reply = (await outbox(e.t)).find((m) => m.text.startsWith('Please restart the client.'))!;
    await bounce(
      report(requester, 'text/rfc822-headers', [
        `From: ${HELPDESK}`,
        `To: ${requester}`,
        // No ticket token: the Message-ID alone finds it.
        'Subject: Your request',
        `Message-ID: ${reply.headers['Message-ID']}`,
      ]),
    );
    expect(await bounces(ticket.number)).toEqual(['bounce']);
  });

  it('the returned subject token counts when the bounced recipient is the requester (French subject)', async () => {
    const { ticket, requester } = await ticketWithAck('Imprimante cassée');
    await bounce(
      report(requester, 'text/rfc822-headers', [
        `From: ${HELPDESK}`,
        `To: ${requester}`,
        `Subject: =?UTF-8?Q?Re:_[#${ticket.number}]_Imprimante_cass=C3=A9e?=`,
        // An id nobody stored (e.g. the report of a mail sent by another system).
        'Message-ID: <unknown-1@elsewhere.example>',
      ]),
    );
    expect(await bounces(ticket.number)).toEqual(['bounce']);
  });

  it('the returned subject token does not count for someone else (a forged report names any number)', async () => {
    const { ticket } = await ticketWithAck('Laptop slow');
    const other = await seedCompany(e.t);
    await bounce(
      report(`melissa@${other.domain}`, 'text/rfc822-headers', [
        `From: ${HELPDESK}`,
        `To: melissa@${other.domain}`,
        `Subject: Re: [#${ticket.number}] Laptop slow`,
        'Message-ID: <unknown-2@elsewhere.example>',
      ]),
    );
    expect(await bounces(ticket.number)).toEqual([]);
    expect(await ticketsOf(e.t, other.contact.id)).toHaveLength(0);
    expect(await bounceTickets()).toHaveLength(0);
  });

  it('a plain failure notice (qmail) quoting the returned message finds the ticket too', async () => {
    const { ticket, ack, requester } = await ticketWithAck('Keyboard');
    await sendMail(e.smtpPort, {
      envelope: { from: '', to: [HELPDESK] },
      raw: rfc822([
        'From: MAILER-DAEMON@mail.acme.example',
        `To: ${HELPDESK}`,
        'Subject: failure notice',
        `Message-ID: <qmail-${Date.now()}@mail.acme.example>`,
        '',
        'Hi. This is the qmail-send program at mail.acme.example.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        '',
        `<${requester}>:`,
        'Sorry, no mailbox here by that name. (#5.1.1)',
        '',
        '--- Below this line is a copy of the message.',
        '',
        `Return-Path: <${HELPDESK}>`,
        `From: ${HELPDESK}`,
        `To: ${requester}`,
        `Subject: ${ack.subject}`,
        `Message-ID: ${ack.headers['Message-ID']}`,
        '',
        'We opened a ticket.',
        '',
      ]),
    });
    expect(await bounces(ticket.number)).toEqual(['bounce']);
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(1);
  });
});
