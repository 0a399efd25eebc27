import { nextEvent } from '@switchboard/testing';
import {
  activityOf,
  bearer,
  bootEmailApp,
  commentsOf,
  type EmailApp,
  eventually,
  freePort,
  HELPDESK,
  outbox,
  rfc822,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

/** Inbound email end to end: real SMTP sessions (nodemailer) against the plugin's listener, real app, real database. */
describe('email inbound over SMTP', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  it('a new mail opens a ticket, acknowledged by mail with threading headers', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `Melissa Jones <melissa@${domain}>`,
      subject: 'Printer on fire',
      text: 'The printer on the third floor smokes.',
      messageId: `<new-1@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket).toMatchObject({
      title: 'Printer on fire',
      description: 'The printer on the third floor smokes.',
      source: 'email',
      status: 'open',
    });
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(comment).toMatchObject({
      body: 'The printer on the third floor smokes.',
      source: 'email',
      author: { kind: 'contact' },
      hasOriginal: true,
    });

    const ack = (await outbox(e.t)).find(
      (m) => m.to.includes(`melissa@${domain}`) && m.subject.startsWith(`[#${ticket.number}]`),
    )!;
    expect(ack.headers).toMatchObject({
      'Auto-Submitted': 'auto-generated',
      'In-Reply-To': `<new-1@${domain}>`,
      'Reply-To': `Helpdesk <${HELPDESK}>`,
    });
    expect(ack.headers['Message-ID']).toMatch(
      new RegExp(`^<ticket-${ticket.number}\\.[0-9a-f-]+@helpdesk\\.example>$`),
    );
    expect(ack.status).toBe('sent');
    // Really delivered through the relay, with both parts.
    await eventually(() => expect(e.sink.received.some((m) => m.messageId === ack.headers['Message-ID'])).toBe(true));
    const delivered = e.sink.received.find((m) => m.messageId === ack.headers['Message-ID'])!;
    expect(delivered.text).toContain(`opened ticket #${ticket.number}`);
    expect(delivered.html).toContain(`ticket #${ticket.number}`);
    expect(delivered.headers.get('auto-submitted')).toBe('auto-generated');
    expect(delivered.inReplyTo).toBe(`<new-1@${domain}>`);
  });

  it('a reply threads by In-Reply-To/References; the body is the new text; the original is retrievable', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'VPN down',
      text: 'Cannot connect.',
      messageId: `<vpn-1@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Please restart the client.', visibility: 'public' })
      .expect(201);
    const reply = (await outbox(e.t)).find((m) => m.text.startsWith('Please restart the client.'))!;
    expect(reply.headers['In-Reply-To']).toBeDefined();

    const quoted = `Restarted, still down.\n\nOn Mon, 4 Mar 2024 at 10:12, Helpdesk <${HELPDESK}> wrote:\n> Please restart the client.\n`;
    // A subject without the token: only the headers can thread it.
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Re: VPN',
      text: quoted,
      messageId: `<vpn-2@${domain}>`,
      inReplyTo: reply.headers['Message-ID'],
      references: [`<vpn-1@${domain}>`, reply.headers['Message-ID']],
    });
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
    const comments = await commentsOf(e.t, ticket.number);
    const last = comments[comments.length - 1];
    expect(last).toMatchObject({ body: 'Restarted, still down.', author: { kind: 'contact' }, hasOriginal: true });

    const original = await e.t
      .http()
      .get(`/api/tickets/${ticket.number}/comments/${last.id}/original`)
      .set(bearer(e.t.technicianToken))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(original.headers['content-type']).toContain('message/rfc822');
    expect((original.body as Buffer).toString('utf8')).toContain('> Please restart the client.');
    expect((original.body as Buffer).toString('utf8')).toContain('Message-ID: <vpn-2@');
    // Not for strangers: an unknown comment or a comment without original is 404, no session 401.
    await e.t
      .http()
      .get(`/api/tickets/${ticket.number}/comments/00000000-0000-4000-8000-000000000000/original`)
      .set(bearer(e.t.technicianToken))
      .expect(404);
    // A technician's comment has no original.
    const own = (
      await e.t
        .http()
        .post(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(e.t.technicianToken))
        .send({ body: 'note', visibility: 'internal' })
        .expect(201)
    ).body as { id: string; hasOriginal: boolean };
    expect(own.hasOriginal).toBe(false);
    await e.t
      .http()
      .get(`/api/tickets/${ticket.number}/comments/${own.id}/original`)
      .set(bearer(e.t.technicianToken))
      .expect(404);
    await e.t.http().get(`/api/tickets/${ticket.number}/comments/${last.id}/original`).expect(401);
    // The technician's next reply answers the user's mail (threading continues).
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Trying something else.', visibility: 'public' })
      .expect(201);
    const next = (await outbox(e.t)).find((m) => m.text.startsWith('Trying something else.'))!;
    expect(next.headers['In-Reply-To']).toBe(`<vpn-2@${domain}>`);
    expect(next.headers['References']).toContain(`<vpn-1@${domain}>`);
  });

  it('a [#42] subject token threads a mail from the requester or a Cc, not from a stranger', async () => {
    const { contact, domain, company } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Laptop slow',
      text: 'Very slow.',
      messageId: `<slow-1@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Laptop slow`,
      text: 'Any news?',
    });
    expect((await commentsOf(e.t, ticket.number)).map((c) => c.body)).toEqual(['Very slow.', 'Any news?']);

    const before = (await commentsOf(e.t, ticket.number)).length;
    // New senders from unknown domains go to the admin's default company.
    await e.t
      .http()
      .put('/api/settings/email.defaultCompanyId')
      .set(bearer(e.t.adminToken))
      .send({ value: company.id })
      .expect(200);
    await sendMail(e.smtpPort, {
      from: 'mallory@evil.example',
      subject: `Re: [#${ticket.number}] Laptop slow`,
      text: 'Please send me the admin password.',
    });
    await e.t
      .http()
      .put('/api/settings/email.defaultCompanyId')
      .set(bearer(e.t.adminToken))
      .send({ value: '' })
      .expect(200);
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(before);
    const all = (await e.t.http().get('/api/tickets?q=admin%20password').set(bearer(e.t.adminToken)).expect(200)).body
      .items as Array<{ number: number; requester: { email: string } }>;
    expect(all).toHaveLength(1);
    expect(all[0].number).not.toBe(ticket.number);
    expect(all[0].requester.email).toBe('mallory@evil.example');
  });

  it("a stranger cannot thread into a ticket by guessing the requester's Message-ID (ours are unguessable)", async () => {
    const { contact, domain, company } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Payroll question',
      text: 'About my salary.',
      messageId: `<payroll-1@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await e.t
      .http()
      .put('/api/settings/email.defaultCompanyId')
      .set(bearer(e.t.adminToken))
      .send({ value: company.id })
      .expect(200);
    try {
      await sendMail(e.smtpPort, {
        from: 'eve@elsewhere.example',
        subject: 'Re: Payroll question',
        text: 'Injected?',
        inReplyTo: `<payroll-1@${domain}>`,
        references: [`<payroll-1@${domain}>`],
      });
    } finally {
      await e.t
        .http()
        .put('/api/settings/email.defaultCompanyId')
        .set(bearer(e.t.adminToken))
        .send({ value: '' })
        .expect(200);
    }
    expect((await commentsOf(e.t, ticket.number)).map((c) => c.body)).toEqual(['About my salary.']);
    // The requester's own follow-up with the same header threads normally.
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Re: Payroll question',
      text: 'One more thing.',
      inReplyTo: `<payroll-1@${domain}>`,
    });
    expect((await commentsOf(e.t, ticket.number)).map((c) => c.body)).toEqual(['About my salary.', 'One more thing.']);
  });

  it('strips Outlook and French quoting; decodes quoted-printable, base64, ISO-8859-1 and encoded-word subjects', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      envelope: { from: `melissa@${domain}`, to: [HELPDESK] },
      raw: rfc822([
        `From: =?ISO-8859-1?Q?M=E9lissa_J=F6nes?= <melissa@${domain}>`,
        `To: ${HELPDESK}`,
        'Subject: =?ISO-8859-1?Q?Probl=E8me_d=27imprimante_=E0_l=27=E9tage?=',
        `Message-ID: <latin-1@${domain}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        "L'imprimante de l'=E9tage ne r=E9pond plus. Tr=E8s urgent !",
        '',
        'Envoy=E9 de mon iPhone',
        '',
        'Le lun. 4 mars 2024 =E0 10:12, Helpdesk <support@helpdesk.example> a =E9crit :',
        '> Bonjour',
        '',
      ]),
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket.title).toBe("Problème d'imprimante à l'étage");
    expect((await commentsOf(e.t, ticket.number))[0].body).toBe(
      "L'imprimante de l'étage ne répond plus. Très urgent !",
    );

    const outlook =
      'Still broken after the restart.\r\n\r\n________________________________\r\nFrom: Helpdesk <support@helpdesk.example>\r\nSent: Monday, March 4, 2024 10:12 AM\r\nTo: Melissa\r\nSubject: [#1] x\r\n\r\nPlease restart.\r\n';
    await sendMail(e.smtpPort, {
      envelope: { from: `melissa@${domain}`, to: [HELPDESK] },
      raw: rfc822([
        `From: melissa@${domain}`,
        `To: ${HELPDESK}`,
        `Subject: =?UTF-8?B?${Buffer.from(`RE: [#${ticket.number}] Imprimante ✓`).toString('base64')}?=`,
        `Message-ID: <b64-1@${domain}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        ...Buffer.from(outlook)
          .toString('base64')
          .match(/.{1,76}/g)!,
        '',
      ]),
    });
    const comments = await commentsOf(e.t, ticket.number);
    expect(comments[comments.length - 1].body).toBe('Still broken after the restart.');
  });

  it('keeps attachments (inline images inline) and truncates bodies over 64K characters', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Screenshot',
      text: 'See the screenshot and the log.',
      html: '<p>See <img src="cid:shot@acme"> and the log.</p>',
      attachments: [
        { filename: 'shot.png', content: png, contentType: 'image/png', cid: 'shot@acme' },
        { filename: 'error.log', content: 'line 1\nline 2\n', contentType: 'text/plain' },
      ],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const [comment] = await commentsOf(e.t, ticket.number);
    const shot = comment.attachments.find((a) => a.name === 'shot.png')!;
    const log = comment.attachments.find((a) => a.name === 'error.log')!;
    expect(shot).toMatchObject({ contentType: 'image/png', size: png.length, inline: true, contentId: 'shot@acme' });
    expect(log).toMatchObject({ contentType: 'text/plain', size: 14 });
    expect(log.inline).toBeUndefined();
    const content = await e.t.http().get(`/api/files/${log.id}/content`).set(bearer(e.t.technicianToken)).expect(200);
    expect(content.text).toBe('line 1\nline 2\n');

    const long = 'x'.repeat(70_000);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Screenshot`,
      text: long,
    });
    const comments = await commentsOf(e.t, ticket.number);
    const last = comments[comments.length - 1];
    expect(last.truncated).toBe(true);
    expect(Array.from(last.body)).toHaveLength(65_536);
    expect(last.body.endsWith('…')).toBe(true);
  });

  it('refuses a message over 20 MB with 552 and stores nothing of it', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const big = Buffer.alloc(21 * 1024 * 1024, 7);
    const error = await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Huge',
      text: 'see attached',
      messageId: `<huge@${domain}>`,
      attachments: [{ filename: 'big.bin', content: big }],
    }).catch((err: unknown) => err);
    expect(error).toMatchObject({ responseCode: 552 });
    expect(String((error as Error).message)).toMatch(/20 MB/);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(0);
    // The same Message-ID is not burnt: a smaller retry goes through.
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Huge',
      text: 'smaller now',
      messageId: `<huge@${domain}>`,
    });
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
  });

  it('rejects recipients outside the helpdesk domains at RCPT with 550', async () => {
    const error = await sendMail(e.smtpPort, {
      from: 'someone@example.com',
      to: 'postmaster@elsewhere.example',
      subject: 'relay?',
      text: 'x',
    }).catch((err: unknown) => err);
    expect(error).toMatchObject({ responseCode: 550 });
  });

  it('records auto-replies and bounces in the activity only: no comment, no reopen, no notification', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Monitor flickers',
      text: 'It flickers.',
      messageId: `<flicker@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await e.t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(e.t.technicianToken))
      .send({ status: 'resolved' })
      .expect(200);
    // Enable the seeded "reopen on contact reply" rule: an auto-reply must still not reopen.
    const rules = (await e.t.http().get('/api/automation-rules').set(bearer(e.t.adminToken)).expect(200))
      .body as Array<{ id: string; trigger: string }>;
    for (const r of rules.filter((x) => x.trigger === 'comment.contact'))
      await e.t
        .http()
        .patch(`/api/automation-rules/${r.id}`)
        .set(bearer(e.t.adminToken))
        .send({ enabled: true })
        .expect(200);
    const mailsBefore = (await outbox(e.t)).length;

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Automatic reply: [#${ticket.number}] Monitor flickers`,
      text: 'I am out of office.',
      headers: { 'Auto-Submitted': 'auto-replied' },
      inReplyTo: `<flicker@${domain}>`,
    });
    await sendMail(e.smtpPort, {
      envelope: { from: '', to: [HELPDESK] },
      raw: rfc822([
        'From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>',
        `To: ${HELPDESK}`,
        `Subject: Undelivered Mail Returned to Sender [#${ticket.number}]`,
        `Message-ID: <bounce-1@mx.acme.example>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.acme.example',
        '',
        'Final-Recipient: rfc822; melissa@acme.example',
        'Action: failed',
        'Status: 5.1.1',
        '',
        '--b1--',
        '',
      ]),
    });
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(1);
    const after = (await ticketsOf(e.t, contact.id))[0];
    expect(after.status).toBe('resolved');
    const ignored = (await activityOf(e.t, ticket.number))
      .filter((a) => a.action === 'email_ignored')
      .map((a) => a.to?.kind);
    expect(ignored).toEqual(['auto-reply']);
    expect((await outbox(e.t)).length).toBe(mailsBefore);
    // The bounce (no headers to thread by; its sender is no one on the ticket) made no ticket either.
    const bounceTickets = (await e.t.http().get('/api/tickets?q=Undelivered').set(bearer(e.t.adminToken)).expect(200))
      .body.items;
    expect(bounceTickets).toHaveLength(0);
  });

  it("a bounce answering one of our mails lands in that ticket's activity", async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Keyboard', text: 'Keys stick.' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const ack = (await outbox(e.t)).find((m) => m.to.includes(`melissa@${domain}`))!;
    await sendMail(e.smtpPort, {
      envelope: { from: '', to: [HELPDESK] },
      raw: rfc822([
        'From: MAILER-DAEMON@mx.acme.example',
        `To: ${HELPDESK}`,
        'Subject: Delivery Status Notification (Failure)',
        `In-Reply-To: ${ack.headers['Message-ID']}`,
        'Message-ID: <bounce-2@mx.acme.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b2"',
        '',
        '--b2',
        'Content-Type: text/plain',
        '',
        'Mailbox full.',
        '',
        '--b2--',
        '',
      ]),
    });
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(1);
    expect(
      (await activityOf(e.t, ticket.number)).filter((a) => a.action === 'email_ignored').map((a) => a.to?.kind),
    ).toEqual(['bounce']);
  });

  it('processes one Message-ID once, however often it is delivered', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const mail = {
      from: `melissa@${domain}`,
      subject: 'Twice',
      text: 'Sent twice by a retrying server.',
      messageId: `<twice@${domain}>`,
    };
    await sendMail(e.smtpPort, mail);
    await sendMail(e.smtpPort, mail);
    const tickets = await ticketsOf(e.t, contact.id);
    expect(tickets).toHaveLength(1);
    expect(await commentsOf(e.t, tickets[0].number)).toHaveLength(1);
  });

  it('adds Cc addresses to the ticket (new contacts in the ticket company, technicians as accounts)', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      cc: [`Bob Boss <bob@${domain}>`, e.t.technician.email, HELPDESK],
      subject: 'Need a new chair',
      text: 'Mine broke.',
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket.cc.map((c) => [c.kind, c.email]).sort()).toEqual([
      ['account', e.t.technician.email],
      ['contact', `bob@${domain}`],
    ]);
    // A later reply with another Cc extends the list.
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      cc: `carol@${domain}`,
      subject: `Re: [#${ticket.number}] Need a new chair`,
      text: 'Adding Carol.',
    });
    const [after] = await ticketsOf(e.t, contact.id);
    expect(after.cc.map((c) => c.email).sort()).toEqual(
      [`bob@${domain}`, `carol@${domain}`, e.t.technician.email].sort(),
    );
  });

  it('a reply to a Closed ticket opens a new linked ticket (or reopens it, by admin setting)', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Mouse', text: 'Broken mouse.' });
    const [first] = await ticketsOf(e.t, contact.id);
    await e.t
      .http()
      .patch(`/api/tickets/${first.number}`)
      .set(bearer(e.t.technicianToken))
      .send({ status: 'closed' })
      .expect(200);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${first.number}] Mouse`,
      text: 'It broke again.',
    });
    const tickets = await ticketsOf(e.t, contact.id);
    expect(tickets).toHaveLength(2);
    const followUp = tickets[1];
    expect(followUp.title).toBe('Re: Mouse');
    expect((await activityOf(e.t, followUp.number)).find((a) => a.action === 'follow_up_of')?.to).toEqual({
      number: first.number,
    });
    expect((await activityOf(e.t, first.number)).find((a) => a.action === 'follow_up')?.to).toEqual({
      number: followUp.number,
    });
    expect((await ticketsOf(e.t, contact.id))[0].status).toBe('closed');

    await e.t
      .http()
      .put('/api/settings/email.closedTicketReply')
      .set(bearer(e.t.adminToken))
      .send({ value: 'reopen' })
      .expect(200);
    try {
      await sendMail(e.smtpPort, {
        from: `melissa@${domain}`,
        subject: `Re: [#${first.number}] Mouse`,
        text: 'Please reopen.',
      });
      expect(await ticketsOf(e.t, contact.id)).toHaveLength(2);
      expect((await ticketsOf(e.t, contact.id))[0].status).toBe('open');
      expect((await commentsOf(e.t, first.number)).map((c) => c.body)).toContain('Please reopen.');
    } finally {
      await e.t
        .http()
        .put('/api/settings/email.closedTicketReply')
        .set(bearer(e.t.adminToken))
        .send({ value: 'new_ticket' })
        .expect(200);
    }
  });

  it('creates contacts for unknown senders, or refuses them with an automatic answer (admin setting)', async () => {
    const { company, domain } = await seedCompany(e.t);
    // A colleague of a known contact: same domain, same company.
    await sendMail(e.smtpPort, { from: `New Person <newbie@${domain}>`, subject: 'Access', text: 'I need access.' });
    const found = (
      await e.t.http().get(`/api/contacts?companyId=${company.id}`).set(bearer(e.t.adminToken)).expect(200)
    ).body as Array<{ email: string; firstName: string; lastName: string; id: string }>;
    const newbie = (Array.isArray(found) ? found : (found as unknown as { items: typeof found }).items).find(
      (c) => c.email === `newbie@${domain}`,
    )!;
    expect(newbie).toMatchObject({ firstName: 'New', lastName: 'Person' });
    expect(await ticketsOf(e.t, newbie.id)).toHaveLength(1);

    await e.t
      .http()
      .put('/api/settings/email.unknownSenders')
      .set(bearer(e.t.adminToken))
      .send({ value: 'reject' })
      .expect(200);
    try {
      await sendMail(e.smtpPort, {
        from: `stranger@${domain}`,
        subject: 'Let me in',
        text: 'Hi.',
        messageId: `<stranger@${domain}>`,
      });
      const answer = (await outbox(e.t)).find((m) => m.to.includes(`stranger@${domain}`))!;
      expect(answer).toMatchObject({
        subject: 'Re: Let me in',
        headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': `<stranger@${domain}>` },
      });
      expect(
        (await e.t.http().get('/api/tickets?q=Let%20me%20in').set(bearer(e.t.adminToken)).expect(200)).body.items,
      ).toHaveLength(0);
    } finally {
      await e.t
        .http()
        .put('/api/settings/email.unknownSenders')
        .set(bearer(e.t.adminToken))
        .send({ value: 'allow' })
        .expect(200);
    }
  });

  it('ignores mail from our own address and limits each sender per hour', async () => {
    await sendMail(e.smtpPort, { from: HELPDESK, subject: 'Loop?', text: 'from ourselves' });
    expect(
      (await e.t.http().get('/api/tickets?q=from%20ourselves').set(bearer(e.t.adminToken)).expect(200)).body.items,
    ).toHaveLength(0);

    const { contact, domain } = await seedCompany(e.t);
    await e.t
      .http()
      .put('/api/settings/channels.inboundRateLimit')
      .set(bearer(e.t.adminToken))
      .send({ value: 2 })
      .expect(200);
    try {
      for (let i = 1; i <= 3; i++)
        await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: `Flood ${i}`, text: `message ${i}` });
      expect((await ticketsOf(e.t, contact.id)).map((t) => t.title)).toEqual(['Flood 1', 'Flood 2']);
      // An hour later the sender may write again.
      e.t.clock.advance(61 * 60_000);
      await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Flood 4', text: 'message 4' });
      expect(await ticketsOf(e.t, contact.id)).toHaveLength(3);
    } finally {
      await e.t
        .http()
        .put('/api/settings/channels.inboundRateLimit')
        .set(bearer(e.t.adminToken))
        .send({ value: 60 })
        .expect(200);
    }
  });

  it('attributes mail from someone who is both contact and technician by the dual-role rule', async () => {
    const { company, domain, contact } = await seedCompany(e.t);
    const dual = await e.t
      .http()
      .post('/api/accounts')
      .set(bearer(e.t.adminToken))
      .send({ name: 'Dana Dual', email: `dana@${domain}`, password: 'dual-password-1', role: 'technician' })
      .expect(201);
    const danaContact = await e.t
      .http()
      .post('/api/contacts')
      .set(bearer(e.t.adminToken))
      .send({ companyId: company.id, firstName: 'Dana', lastName: 'Dual', email: `dana@${domain}` })
      .expect(201);
    // Her own ticket (she is the requester, not the assignee): she writes as the contact.
    await sendMail(e.smtpPort, { from: `dana@${domain}`, subject: 'My own laptop', text: 'Mine is broken.' });
    const [own] = await ticketsOf(e.t, danaContact.body.id);
    await sendMail(e.smtpPort, {
      from: `dana@${domain}`,
      subject: `Re: [#${own.number}] My own laptop`,
      text: 'Still broken.',
    });
    expect((await commentsOf(e.t, own.number)).map((c) => c.author.kind)).toEqual(['contact', 'contact']);
    // Someone else's ticket: her mail counts as the technician's.
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Printer', text: 'Jammed.' });
    const [other] = await ticketsOf(e.t, contact.id);
    await sendMail(e.smtpPort, {
      from: `dana@${domain}`,
      subject: `Re: [#${other.number}] Printer`,
      text: 'I will come by.',
    });
    const last = (await commentsOf(e.t, other.number)).pop()!;
    expect(last).toMatchObject({ body: 'I will come by.', author: { kind: 'account', name: 'Dana Dual' } });
    expect(dual.body.id).toBeTruthy();
  });

  it('moves the listener when an admin changes the plugin settings', async () => {
    const plugin = await e.t.http().get('/api/plugins/channel-email').set(bearer(e.t.adminToken)).expect(200);
    expect(plugin.body.settings).toMatchObject({
      smtpPort: e.smtpPort,
      mailDomains: 'helpdesk.example',
      relayUrl: '********',
    });
    const port = await freePort();
    await e.t
      .http()
      .put('/api/plugins/channel-email/settings')
      .set(bearer(e.t.adminToken))
      .send({ settings: { ...plugin.body.settings, smtpPort: port } })
      .expect(200);
    try {
      const { contact, domain } = await seedCompany(e.t);
      await sendMail(port, { from: `melissa@${domain}`, subject: 'New port', text: 'hello' });
      expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
      expect(
        await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Old port', text: 'x' }).catch(
          (err: unknown) => err,
        ),
      ).toMatchObject({ code: expect.any(String) });
    } finally {
      await e.t
        .http()
        .put('/api/plugins/channel-email/settings')
        .set(bearer(e.t.adminToken))
        .send({ settings: { ...plugin.body.settings, smtpPort: e.smtpPort } })
        .expect(200);
    }
  });

  it("shows the reply live on the technician's ticket page", async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Live', text: 'first' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const socket = await e.t.socket('/agent', { token: e.t.technicianToken });
    try {
      await new Promise((resolve) => socket.emit('ticket.view', { number: ticket.number }, resolve));
      const event = nextEvent<{ number: number; comment: { body: string; source: string } }>(socket, 'ticket.comment');
      await sendMail(e.smtpPort, {
        from: `melissa@${domain}`,
        subject: `Re: [#${ticket.number}] Live`,
        text: 'second, live',
      });
      expect(await event).toMatchObject({ number: ticket.number, comment: { body: 'second, live', source: 'email' } });
    } finally {
      socket.close();
    }
  });
});
