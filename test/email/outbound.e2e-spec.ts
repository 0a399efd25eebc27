import { MailPort, MAIL_MAX_ATTEMPTS, MAIL_RETRY_BACKOFF_MS } from '@switchboard/notify';
import {
  bearer,
  bootEmailApp,
  settleMail,
  type EmailApp,
  eventually,
  HELPDESK,
  outbox,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

/** Outbound email: nodemailer through a real SMTP sink (smtp-server), retries as deadline rows, templates. */
describe('email outbound', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  const openTicket = async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Outbound test',
      text: 'Hello.',
      messageId: `<out-${domain}@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    // The acknowledgement is delivered in the background: done before a test arms the sink.
    await settleMail(e.t);
    return { ticket, contact, domain };
  };

  it('delivers a public reply with threading headers, [#N] subject, Reply-To and a plain-text part', async () => {
    const { ticket, domain } = await openTicket();
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'We are on it.\nSecond line.', visibility: 'public' })
      .expect(201);
    const record = (await outbox(e.t)).find((m) => m.text.startsWith('We are on it.'))!;
    expect(record.status).toBe('sent');
    await eventually(() =>
      expect(e.sink.received.some((m) => m.messageId === record.headers['Message-ID'])).toBe(true),
    );
    const mail = e.sink.received.find((m) => m.messageId === record.headers['Message-ID'])!;
    expect(mail.subject).toBe(`[#${ticket.number}] Outbound test`);
    expect(mail.to).toMatchObject({ value: [{ address: `melissa@${domain}` }] });
    expect(mail.replyTo).toMatchObject({ value: [{ address: HELPDESK }] });
    expect(mail.from).toMatchObject({ value: [{ address: HELPDESK }] });
    expect(mail.inReplyTo).toBeTruthy();
    expect(mail.references).toBeTruthy();
    expect(mail.text).toContain('We are on it.\nSecond line.');
    expect(mail.html).toContain('We are on it.<br>Second line.');
    // Internal notes never leave.
    const count = e.sink.received.length;
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'internal only', visibility: 'internal' })
      .expect(201);
    expect(e.sink.received.length).toBe(count);
    expect((await outbox(e.t)).some((m) => m.text.includes('internal only'))).toBe(false);
  });

  it("signs a reply with the technician's signature (escaped in HTML), and with their name without one", async () => {
    const { ticket } = await openTicket();
    const reply = async (body: string) => {
      await e.t
        .http()
        .post(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(e.t.technicianToken))
        .send({ body, visibility: 'public' })
        .expect(201);
      const record = (await outbox(e.t)).find((m) => m.text.startsWith(body))!;
      await eventually(() =>
        expect(e.sink.received.some((m) => m.messageId === record.headers['Message-ID'])).toBe(true),
      );
      return e.sink.received.find((m) => m.messageId === record.headers['Message-ID'])!;
    };
    const sign = (signature: string | null) =>
      e.t.http().put('/api/me/signature').set(bearer(e.t.technicianToken)).send({ signature }).expect(200);
    await sign('Tom <Support>\nAcme helpdesk');
    const signed = await reply('Signed reply.');
    expect(signed.text).toContain('Signed reply.\n\n-- \nTom <Support>\nAcme helpdesk\n');
    expect(signed.html).toContain('Tom &lt;Support&gt;<br>Acme helpdesk');
    await sign(null);
    const plain = await reply('Unsigned reply.');
    expect(plain.text).toContain(`Unsigned reply.\n\n-- \n${e.t.technician.name}\n`);
  });

  it('delivers off the request path: a slow relay does not slow a reply down', async () => {
    const { ticket } = await openTicket();
    e.sink.delay(2500);
    try {
      const started = Date.now();
      await e.t
        .http()
        .post(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(e.t.technicianToken))
        .send({ body: 'Fast answer.', visibility: 'public' })
        .expect(201);
      expect(Date.now() - started).toBeLessThan(2000);
      await settleMail(e.t);
      // The relay really was slow: the delivery finished well after the answer.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    } finally {
      e.sink.delay(0);
    }
    const record = (await outbox(e.t)).find((m) => m.text.startsWith('Fast answer.'))!;
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries after the relay refuses once (deadline row with backoff), then sends', async () => {
    const { ticket } = await openTicket();
    e.sink.refuseNext(1);
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Retry me.', visibility: 'public' })
      .expect(201);
    let record = (await outbox(e.t)).find((m) => m.text.startsWith('Retry me.'))!;
    expect(record).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(record.lastError).toMatch(/451|Try again/);
    expect(e.sink.refusals).toBeGreaterThanOrEqual(1);
    // Not yet due.
    e.t.clock.advance(MAIL_RETRY_BACKOFF_MS[0] - 1000);
    await e.t.runDueTimers();
    expect((await outbox(e.t, '&status=retrying')).some((m) => m.id === record.id)).toBe(true);
    e.t.clock.advance(2000);
    await e.t.runDueTimers();
    record = (await outbox(e.t)).find((m) => m.id === record.id)!;
    expect(record).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(e.sink.received.some((m) => m.messageId === record.headers['Message-ID'])).toBe(true);
  });

  it('gives up after the last retry (failed, visible to admins) and an admin can retry it', async () => {
    const { ticket } = await openTicket();
    e.sink.refuseNext(MAIL_MAX_ATTEMPTS);
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Doomed at first.', visibility: 'public' })
      .expect(201);
    const id = (await outbox(e.t)).find((m) => m.text.startsWith('Doomed at first.'))!.id;
    for (const delay of MAIL_RETRY_BACKOFF_MS) {
      e.t.clock.advance(delay + 1000);
      await e.t.runDueTimers();
    }
    const failed = await outbox(e.t, '&status=failed');
    expect(failed.find((m) => m.id === id)).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    await e.t.http().post(`/api/outbox/${id}/retry`).set(bearer(e.t.technicianToken)).expect(403);
    const retried = await e.t.http().post(`/api/outbox/${id}/retry`).set(bearer(e.t.adminToken)).expect(200);
    expect(retried.body).toMatchObject({ id, status: 'sent', attempts: 1 });
    await e.t.http().post(`/api/outbox/${id}/retry`).set(bearer(e.t.adminToken)).expect(409);
    await e.t.http().get('/api/outbox?status=nonsense').set(bearer(e.t.adminToken)).expect(400);
  });

  it('refuses a mail over 20 MB before sending, with a clear error and a failed record', async () => {
    const mail = e.t.app.get(MailPort);
    const error = await mail
      .send({
        to: ['x@acme.example'],
        cc: [],
        subject: 'big',
        text: 'x'.repeat(21 * 1024 * 1024),
        html: '',
        headers: {},
      })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'MAIL_TOO_LARGE', status: 413 });
    expect((error as Error).message).toMatch(/at most 20 MB/);
    const record = (await outbox(e.t, '&status=failed')).find((m) => m.subject === 'big')!;
    expect(record).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/the limit is 20 MB/) });
    // The record of a refused mail does not keep 21 MB of text.
    expect(record.text.length).toBeLessThanOrEqual(65_536);
    expect(e.sink.received.some((m) => m.subject === 'big')).toBe(false);
  });

  it('sends a status-change mail for email tickets (auto-generated, threaded)', async () => {
    const { ticket, domain } = await openTicket();
    await e.t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(e.t.technicianToken))
      .send({ status: 'resolved' })
      .expect(200);
    const mail = (await outbox(e.t)).find(
      (m) => m.to.includes(`melissa@${domain}`) && m.subject.includes('now Resolved'),
    )!;
    expect(mail.text).toContain('changed from Open to Resolved');
    expect(mail.headers).toMatchObject({ 'Auto-Submitted': 'auto-generated' });
    expect(mail.headers['In-Reply-To']).toBeTruthy();
  });

  it('lets admins edit the templates (validated placeholders, plain-text part) and reset them', async () => {
    const list = await e.t.http().get('/api/email-templates').set(bearer(e.t.adminToken)).expect(200);
    expect(list.body.map((t: { event: string }) => t.event)).toEqual([
      'ticket.acknowledgement',
      'ticket.reply',
      'ticket.status',
      'sender.rejected',
      'identity.code',
      'portal.sign-in',
    ]);
    await e.t.http().get('/api/email-templates').set(bearer(e.t.technicianToken)).expect(403);
    const bad = await e.t
      .http()
      .put('/api/email-templates/ticket.reply')
      .set(bearer(e.t.adminToken))
      .send({ subject: '[#{{ticket.number}}]', text: '{{{secret.thing}}}', html: '<p>x</p>' })
      .expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('secret.thing');
    await e.t
      .http()
      .put('/api/email-templates/nope')
      .set(bearer(e.t.adminToken))
      .send({ subject: 'a', text: 'b', html: 'c' })
      .expect(404);
    await e.t
      .http()
      .put('/api/email-templates/ticket.reply')
      .set(bearer(e.t.adminToken))
      .send({
        subject: 'Update on [#{{ticket.number}}] {{{ticket.title}}}',
        text: 'Hi {{{contact.firstName}}},\n{{{comment.body}}}\n-- {{{author}}}',
        html: '<p>Hi {{contact.firstName}},</p><p>{{{bodyHtml}}}</p>',
      })
      .expect(200);
    try {
      const { ticket } = await openTicket();
      await e.t
        .http()
        .post(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(e.t.technicianToken))
        .send({ body: 'Custom <b>template</b>.', visibility: 'public' })
        .expect(201);
      const mail = (await outbox(e.t)).find((m) => m.text.includes('Custom <b>template</b>.'))!;
      expect(mail.subject).toBe(`Update on [#${ticket.number}] Outbound test`);
      expect(mail.text).toBe(`Hi Melissa,\nCustom <b>template</b>.\n-- ${e.t.technician.name}`);
      expect(mail.html).toBe('<p>Hi Melissa,</p><p>Custom &lt;b&gt;template&lt;/b&gt;.</p>');
    } finally {
      const reset = await e.t
        .http()
        .delete('/api/email-templates/ticket.reply')
        .set(bearer(e.t.adminToken))
        .expect(200);
      expect(reset.body.custom).toBe(false);
    }
  });
});

describe('email outbound without a relay', () => {
  it('keeps mail in the outbox only (recorded), and the listener can be off', async () => {
    const e = await bootEmailApp({ relay: false });
    try {
      const { domain, contact } = await seedCompany(e.t);
      await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'No relay', text: 'hi' });
      const [ticket] = await ticketsOf(e.t, contact.id);
      const ack = (await outbox(e.t)).find((m) => m.subject.startsWith(`[#${ticket.number}]`))!;
      expect(ack.status).toBe('recorded');
      expect(e.sink.received).toHaveLength(0);
      await e.t.http().post(`/api/outbox/${ack.id}/retry`).set(bearer(e.t.adminToken)).expect(409);
    } finally {
      await e.close();
    }
    const off = await bootEmailApp({ env: { SWITCHBOARD_SMTP_PORT: '0' } });
    try {
      const error = await sendMail(off.smtpPort, { from: 'a@b.example', subject: 'x', text: 'x' }).catch(
        (err: unknown) => err,
      );
      expect(error).toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) });
      const plugin = await off.t.http().get('/api/plugins/channel-email').set(bearer(off.t.adminToken)).expect(200);
      expect(plugin.body).toMatchObject({ status: 'enabled' });
    } finally {
      await off.close();
    }
  });
});
