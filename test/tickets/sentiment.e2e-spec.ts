import {
  activityOf,
  bearer,
  bootEmailApp,
  type EmailApp,
  eventually,
  outbox,
  seedCompany,
  sendMail,
  ticketsOf,
} from '../email/email.helper';
import { DataSource } from 'typeorm';

const SENTIMENT_PLUGIN = { name: 'plugins/feature-sentiment', enable: true };

/**
 * #17 sentiment end to end: real SMTP mails from the end user into the real app with the email and
 * sentiment plugins, the real database; the automation rule fires in the same change.
 */
describe('ticket sentiment', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp({ plugins: [SENTIMENT_PLUGIN] });
  });
  afterAll(() => e?.close());

  const admin = () => bearer(e.t.adminToken);
  const ticket = async (n: number) =>
    (await e.t.http().get(`/api/tickets/${n}`).set(admin()).expect(200)).body as {
      sentiment: string | null;
      priority: string;
    };
  const activity = async (n: number) =>
    (await activityOf(e.t, n)) as unknown as Array<{ action: string; from: unknown; to: unknown }>;
  const sentimentLines = async (n: number) => (await activity(n)).filter((a) => a.action === 'sentiment');

  it('an angry end-user reply makes the ticket negative (activity line, rule fired); technicians and notes do not count', async () => {
    const rule = await e.t
      .http()
      .post('/api/automation-rules')
      .set(admin())
      .send({
        name: 'Unhappy customer: priority high',
        enabled: true,
        trigger: 'sentiment.changed',
        conditions: { sentiment: ['negative'] },
        actions: [{ type: 'set_priority', priority: 'high' }],
      })
      .expect(201);
    expect(rule.body).toMatchObject({ trigger: 'sentiment.changed', conditions: { sentiment: ['negative'] } });

    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Printer',
      text: 'Hello, the printer on floor 2 needs a new toner cartridge.',
      messageId: `<p-1@${domain}>`,
    });
    const [t] = await ticketsOf(e.t, contact.id);
    expect(await ticket(t.number)).toMatchObject({ sentiment: 'neutral' });
    expect((await ticket(t.number)).priority).not.toBe('high');

    // A technician's public reply (however cheerful) and an internal note do not recompute.
    await e.t
      .http()
      .post(`/api/tickets/${t.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Great news, this is an easy fix! Please restart it.', visibility: 'public' })
      .expect(201);
    await e.t
      .http()
      .post(`/api/tickets/${t.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Customer is awful, terrible, worst ever.', visibility: 'internal' })
      .expect(201);
    expect((await ticket(t.number)).sentiment).toBe('neutral');
    expect(await sentimentLines(t.number)).toHaveLength(1);

    const reply = (await outbox(e.t)).find((m) => m.text.startsWith('Great news'))!;
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: Printer`,
      text: 'I RESTARTED IT AND IT IS STILL BROKEN!!! This is unacceptable, nothing works.',
      messageId: `<p-2@${domain}>`,
      inReplyTo: reply.headers['Message-ID'],
      references: [`<p-1@${domain}>`, reply.headers['Message-ID']],
    });
    await eventually(async () => expect((await ticket(t.number)).sentiment).toBe('negative'));
    const view = await ticket(t.number);
    expect(view.priority).toBe('high');
    const lines = await activity(t.number);
    expect(lines.filter((a) => a.action === 'sentiment').map((a) => [a.from, a.to])).toEqual([
      [null, 'neutral'],
      ['neutral', 'negative'],
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'automation',
          to: expect.objectContaining({ trigger: 'sentiment.changed' }),
        }),
      ]),
    );

    // The list filter: validated enum, matching tickets only.
    const negative = await e.t.http().get('/api/tickets?sentiment=negative&limit=200').set(admin()).expect(200);
    expect(negative.body.items.map((i: { number: number }) => i.number)).toContain(t.number);
    expect(negative.body.items.every((i: { sentiment: string }) => i.sentiment === 'negative')).toBe(true);
    const positive = await e.t.http().get('/api/tickets?sentiment=positive&limit=200').set(admin()).expect(200);
    expect(positive.body.items.map((i: { number: number }) => i.number)).not.toContain(t.number);
    const bad = await e.t.http().get('/api/tickets?sentiment=angry').set(admin()).expect(400);
    expect(JSON.stringify(bad.body)).toContain('sentiment must be one of');

    // Plugin disabled: no recompute, the value is kept.
    await e.t.http().post('/api/plugins/feature-sentiment/disable').set(admin()).expect(200);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: Printer [#${t.number}]`,
      text: 'Thank you so much, it works perfectly now!',
      messageId: `<p-3@${domain}>`,
      references: [`<p-1@${domain}>`],
    });
    await eventually(async () => {
      const texts = (await e.t.http().get(`/api/tickets/${t.number}/comments?limit=200`).set(admin()).expect(200)).body
        .items as Array<{ body: string }>;
      expect(texts.some((c) => c.body.startsWith('Thank you so much'))).toBe(true);
    });
    expect((await ticket(t.number)).sentiment).toBe('negative');

    // Enabled again: the next end-user message recomputes from the latest ones (newest weighs most).
    await e.t
      .http()
      .post('/api/plugins/feature-sentiment/enable')
      .set(admin())
      .send({ grantPermissions: ['ai.sentiment', 'ai.complete'] })
      .expect(200);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: Printer [#${t.number}]`,
      text: 'Still fine today, great job, thanks again!',
      messageId: `<p-4@${domain}>`,
      references: [`<p-1@${domain}>`],
    });
    await eventually(async () => expect((await ticket(t.number)).sentiment).toBe('positive'));
    expect((await sentimentLines(t.number)).map((a) => [a.from, a.to])).toEqual([
      [null, 'neutral'],
      ['neutral', 'negative'],
      ['negative', 'positive'],
    ]);
  });

  it('admins pick the engine through the plugin settings form; a bad value is a 400, technicians are refused', async () => {
    const view = await e.t.http().get('/api/plugins/feature-sentiment').set(admin()).expect(200);
    expect(JSON.stringify(view.body)).toContain('engine');
    await e.t
      .http()
      .put('/api/plugins/feature-sentiment/settings')
      .set(admin())
      .send({ settings: { engine: 'gpt' } })
      .expect(400);
    await e.t
      .http()
      .put('/api/plugins/feature-sentiment/settings')
      .set(bearer(e.t.technicianToken))
      .send({ settings: { engine: 'llm' } })
      .expect(403);
    await e.t
      .http()
      .put('/api/plugins/feature-sentiment/settings')
      .set(admin())
      .send({ settings: { engine: 'llm' } })
      .expect(200);
    // No compose provider in this installation: the llm engine falls back to the embedded one.
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Laptop',
      text: 'The laptop is completely useless, it crashed again and I lost my work!!!',
      messageId: `<l-1@${domain}>`,
    });
    const [t] = await ticketsOf(e.t, contact.id);
    await eventually(async () => expect((await ticket(t.number)).sentiment).toBe('negative'));
  });
});

describe('ticket sentiment, engine llm through ctx.ai.complete (real plugin host)', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp({
      plugins: [SENTIMENT_PLUGIN, { name: 'test/fixtures/plugins/compose-oneword', enable: true }],
    });
  });
  afterAll(() => e?.close());

  it("the model's one-word answer is stored; the prompt holds the end user's message", async () => {
    const admin = bearer(e.t.adminToken);
    await e.t
      .http()
      .put('/api/plugins/feature-sentiment/settings')
      .set(admin)
      .send({ settings: { engine: 'llm' } })
      .expect(200);
    const { contact, domain } = await seedCompany(e.t);
    // The embedded engine would call this positive: "negative" can only come from the model.
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Thanks',
      text: 'Thank you so much, everything works perfectly now!',
      messageId: `<m-1@${domain}>`,
    });
    const [t] = await ticketsOf(e.t, contact.id);
    await eventually(async () =>
      expect((await e.t.http().get(`/api/tickets/${t.number}`).set(admin).expect(200)).body.sentiment).toBe('negative'),
    );
    const db = e.t.app.get(DataSource, { strict: false });
    const row = await db.getRepository('PluginKvEntity').findOneBy({ pluginId: 'compose-oneword', key: 'requests' });
    const requests = JSON.parse(row!.value) as Array<{ system: string; prompt: string }>;
    expect(requests).toHaveLength(1);
    expect(requests[0]!.system).toContain('exactly one lower-case word');
    expect(requests[0]!.prompt).toContain('Thank you so much, everything works perfectly now!');
  });
});
