import { createHmac } from 'node:crypto';
import {
  bearer,
  bootEmailApp,
  commentsOf,
  type EmailApp,
  rfc822,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

const SECRET = 'webhook-secret-0123456789abcdef';
const sign = (body: string | Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** `POST /hooks/:instanceId`: a provider's inbound webhook carrying a raw RFC 822 message. */
describe('email inbound webhook', () => {
  let e: EmailApp;
  let instanceId: string;
  beforeAll(async () => {
    e = await bootEmailApp();
    const res = await e.t
      .http()
      .post('/api/channel-instances')
      .set(bearer(e.t.adminToken))
      .send({ pluginId: 'channel-email', name: 'Provider webhook', config: { secret: SECRET } })
      .expect(201);
    instanceId = res.body.id;
    expect(res.body).toMatchObject({
      pluginId: 'channel-email',
      channel: 'email',
      config: { secret: '********' },
      hookPath: `/hooks/${instanceId}`,
      enabled: true,
    });
  });
  afterAll(() => e?.close());

  const message = (domain: string, id: string, subject = 'Webhook ticket', body = 'Sent through the provider.') =>
    rfc822([
      `From: Melissa Jones <melissa@${domain}>`,
      'To: support@helpdesk.example',
      `Subject: ${subject}`,
      `Message-ID: <${id}@${domain}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ]);

  it('accepts a signed raw message and creates the ticket', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const raw = message(domain, 'wh-1');
    const res = await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw))
      .send(raw)
      .expect(200);
    expect(res.body.results).toEqual([
      { status: 'created', ticketNumber: expect.any(Number), commentId: expect.any(String) },
    ]);
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket).toMatchObject({ title: 'Webhook ticket', source: 'email' });
    expect((await commentsOf(e.t, ticket.number))[0]).toMatchObject({
      body: 'Sent through the provider.',
      hasOriginal: true,
    });
  });

  it('accepts the shared secret as a bearer token and JSON bodies', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Authorization', `Bearer ${SECRET}`)
      .send({ raw: message(domain, 'wh-json') })
      .expect(200);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
  });

  it('denies forged, unsigned and foreign requests (401), unknown or disabled instances (404), bad bodies (400)', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const raw = message(domain, 'wh-forged');
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw, 'another-secret-0123456789'))
      .send(raw)
      .expect(401);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(`${raw}tampered`))
      .send(raw)
      .expect(401);
    await e.t.http().post(`/hooks/${instanceId}`).set('Content-Type', 'message/rfc822').send(raw).expect(401);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('Authorization', 'Bearer wrong-secret-0123456789')
      .send(raw)
      .expect(401);
    await e.t
      .http()
      .post('/hooks/00000000-0000-4000-8000-000000000000')
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw))
      .send(raw)
      .expect(404);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Authorization', `Bearer ${SECRET}`)
      .send({ nothing: true })
      .expect(400);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(0);

    await e.t
      .http()
      .patch(`/api/channel-instances/${instanceId}`)
      .set(bearer(e.t.adminToken))
      .send({ enabled: false })
      .expect(200);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw))
      .send(raw)
      .expect(404);
    await e.t
      .http()
      .patch(`/api/channel-instances/${instanceId}`)
      .set(bearer(e.t.adminToken))
      .send({ enabled: true })
      .expect(200);
  });

  it('de-duplicates one Message-ID across SMTP and the webhook (and webhook retries)', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const raw = message(domain, 'both-ways');
    await sendMail(e.smtpPort, { envelope: { from: `melissa@${domain}`, to: ['support@helpdesk.example'] }, raw });
    for (let i = 0; i < 2; i++) {
      const res = await e.t
        .http()
        .post(`/hooks/${instanceId}`)
        .set('Content-Type', 'message/rfc822')
        .set('X-Switchboard-Signature', sign(raw))
        .send(raw)
        .expect(200);
      expect(res.body.results).toEqual([{ status: 'duplicate' }]);
    }
    const tickets = await ticketsOf(e.t, contact.id);
    expect(tickets).toHaveLength(1);
    expect(await commentsOf(e.t, tickets[0].number)).toHaveLength(1);
  });

  it('keeps 8-bit bodies intact (binary-safe raw body)', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const raw = Buffer.concat([
      Buffer.from(
        rfc822([
          `From: melissa@${domain}`,
          'To: support@helpdesk.example',
          'Subject: 8bit',
          `Message-ID: <8bit@${domain}>`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=ISO-8859-1',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ]),
      ),
      Buffer.from('Probl\xe8me r\xe9solu ?\r\n', 'latin1'),
    ]);
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw))
      .send(raw)
      .expect(200);
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect((await commentsOf(e.t, ticket.number))[0].body).toBe('Problème résolu ?');
  });

  it('manages instances as admin only, validating config against the adapter', async () => {
    await e.t
      .http()
      .post('/api/channel-instances')
      .set(bearer(e.t.technicianToken))
      .send({ pluginId: 'channel-email', name: 'x', config: { secret: SECRET } })
      .expect(403);
    await e.t.http().get('/api/channel-instances').set(bearer(e.t.technicianToken)).expect(403);
    const bad = await e.t
      .http()
      .post('/api/channel-instances')
      .set(bearer(e.t.adminToken))
      .send({ pluginId: 'channel-email', name: 'short', config: { secret: 'short' } })
      .expect(400);
    expect(bad.body).toMatchObject({
      error: 'CHANNEL_INVALID_CONFIG',
      details: { fieldErrors: { secret: expect.any(Array) } },
    });
    await e.t
      .http()
      .post('/api/channel-instances')
      .set(bearer(e.t.adminToken))
      .send({ pluginId: 'no-such-plugin', name: 'x' })
      .expect(400);
    const list = await e.t
      .http()
      .get('/api/channel-instances?pluginId=channel-email')
      .set(bearer(e.t.adminToken))
      .expect(200);
    expect(list.body.map((i: { id: string }) => i.id)).toContain(instanceId);
    // The redaction placeholder keeps the stored secret.
    await e.t
      .http()
      .patch(`/api/channel-instances/${instanceId}`)
      .set(bearer(e.t.adminToken))
      .send({ name: 'Renamed', config: { secret: '********' } })
      .expect(200);
    const { domain } = await seedCompany(e.t);
    const raw = message(domain, 'after-rename');
    await e.t
      .http()
      .post(`/hooks/${instanceId}`)
      .set('Content-Type', 'message/rfc822')
      .set('X-Switchboard-Signature', sign(raw))
      .send(raw)
      .expect(200);
    const temp = await e.t
      .http()
      .post('/api/channel-instances')
      .set(bearer(e.t.adminToken))
      .send({ pluginId: 'channel-email', name: 'Temp', config: { secret: SECRET } })
      .expect(201);
    await e.t.http().delete(`/api/channel-instances/${temp.body.id}`).set(bearer(e.t.adminToken)).expect(204);
    await e.t.http().get(`/api/channel-instances/${temp.body.id}`).set(bearer(e.t.adminToken)).expect(404);
  });
});
