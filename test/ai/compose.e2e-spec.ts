import { AccountService } from '@switchboard/core';
import { createTestApp, startOpenAiServer, type OpenAiTestServer, type TestApp } from '@switchboard/testing';
import { AddContactCommentService, ContactAuthorService } from '@switchboard/tickets';
import { bearer, createTicket, leaks, PII_TEXT, RAW_VALUES, seedPeople, setMode } from '../masking/masking.helper';

const NOTE = 'INTERNAL-NOTE: the customer is on the watch list';
const COMPOSE = { name: 'plugins/feature-ai-compose', enable: true };

/** Server-sent events of a compose stream, parsed. */
function parseSse(text: string): Array<{ event: string; data: Record<string, unknown> }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
      return { event, data };
    });
}

/**
 * #17 Compose with AI through the real plugin, the real app and a real HTTP server speaking the
 * OpenAI chat-completions protocol: masked prompts, placeholders restored as the technician sees
 * the ticket, streaming, cancel, provider failures, refusals.
 */
describe('#17 Compose with AI (feature-ai-compose against an OpenAI-compatible server)', () => {
  let t: TestApp;
  let ai: OpenAiTestServer;
  let ticket: { number: number };
  let companyId: string;
  let otherTech: string;

  const compose = (body: Record<string, unknown>, token = t.technicianToken, n = ticket.number) =>
    t.http().post(`/api/tickets/${n}/compose`).set(bearer(token)).send(body);
  const configure = (settings: Record<string, unknown>) =>
    t
      .http()
      .put('/api/plugins/feature-ai-compose/settings')
      .set(bearer(t.adminToken))
      .send({ settings: { baseUrl: ai.baseUrl, model: 'test-model', timeoutMs: 1500, ...settings } })
      .expect(200);

  beforeAll(async () => {
    ai = await startOpenAiServer();
    t = await createTestApp({ plugins: [COMPOSE] });
    const { company, contact } = await seedPeople(t);
    companyId = company.id;
    ticket = await createTicket(t, {
      title: 'Imprimante en panne',
      description: 'Bonjour, mon imprimante ne marche plus depuis ce matin.',
      requesterId: contact.id,
    });
    await t.get(AddContactCommentService).add({
      ticketNumber: ticket.number,
      author: await t.get(ContactAuthorService).resolve(contact.id),
      body: `Merci de rembourser ma ${PII_TEXT}`,
      source: 'portal',
    });
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .send({ body: NOTE, visibility: 'internal' })
      .expect(201);
    const other = await t.get(AccountService).create({
      name: 'Other Co Tech',
      email: 'other.co@staff.example',
      password: 'a long enough passphrase 42',
      role: 'technician',
      allCompanies: false,
      companyIds: [],
    });
    otherTech = t.tokenFor(other.id);
  });

  afterAll(async () => {
    await t?.close();
    await ai?.close();
  });

  beforeEach(() => ai.behave({ kind: 'reply', text: 'Bonjour Melissa, nous regardons [CARD-1] tout de suite.' }));

  it('409 with a clear code while no compose provider is set up, and capabilities say so', async () => {
    const caps = await t.http().get('/api/ai/capabilities').set(bearer(t.technicianToken)).expect(200);
    expect(caps.body).toEqual({ compose: false, sentiment: false });
    const res = await compose({ action: 'generate' }).expect(409);
    expect(res.body.error).toBe('AI_COMPOSE_UNAVAILABLE');
    expect(ai.requests).toHaveLength(0);
  });

  it('an admin configures the plugin through its settings; then the reply box offers it', async () => {
    await configure({ apiKey: 'sk-test-123' });
    const caps = await t.http().get('/api/ai/capabilities').set(bearer(t.technicianToken)).expect(200);
    expect(caps.body.compose).toBe(true);
  });

  it('generate: the draft comes back, nothing is posted, and the provider saw no PII and no internal note', async () => {
    await setMode(t, 'display');
    const before = await t.http().get(`/api/tickets/${ticket.number}/comments`).set(bearer(t.technicianToken));
    const res = await compose({ action: 'generate' }).expect(200);
    // Display masking: the technician sees the card masked, so the draft restores it masked.
    expect(res.body.text).toBe('Bonjour Melissa, nous regardons ************1111 tout de suite.');
    const request = ai.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-test-123');
    expect(request.body.model).toBe('test-model');
    const prompt = JSON.stringify(request.body.messages);
    expect(leaks(prompt, RAW_VALUES)).toEqual([]);
    expect(prompt).not.toContain('INTERNAL-NOTE');
    expect(prompt).toContain('[CARD-1]');
    expect(prompt).toContain('[IBAN-1]');
    expect(prompt).toContain('[EMAIL-1]');
    expect(prompt).toContain('Write in French');
    const after = await t.http().get(`/api/tickets/${ticket.number}/comments`).set(bearer(t.technicianToken));
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it("the technician's signature (set on their settings) signs the draft, its PII masked like the rest", async () => {
    const sign = (signature: unknown) =>
      t.http().put('/api/me/signature').set(bearer(t.technicianToken)).send({ signature });
    expect((await sign('x'.repeat(1001)).expect(400)).body.message).toContain('at most 1000 characters');
    expect((await sign(42).expect(400)).body.message).toContain('signature must be text');
    const saved = await sign('  Tom Tech\r\nSupport desk, tel +33 6 12 34 56 78  \r\n').expect(200);
    expect(saved.body.signature).toBe('Tom Tech\nSupport desk, tel +33 6 12 34 56 78');
    const me = await t.http().get('/api/auth/me').set(bearer(t.technicianToken)).expect(200);
    expect(me.body.signature).toBe(saved.body.signature);
    await compose({ action: 'generate' }).expect(200);
    const system = ai.requests.at(-1)!.body.messages![0].content as string;
    expect(system).toContain('Tom Tech\nSupport desk, tel [PHONE-');
    expect(leaks(JSON.stringify(ai.requests.at(-1)!.body), RAW_VALUES)).toEqual([]);
    // Blank clears it: drafts are then signed with the name only.
    expect((await sign('   ').expect(200)).body.signature).toBeNull();
    await compose({ action: 'generate' }).expect(200);
    expect(ai.requests.at(-1)!.body.messages![0].content).not.toContain('Support desk');
  });

  it('placeholders come back as real values only where the technician sees them (masking off)', async () => {
    await setMode(t, 'off');
    const res = await compose({ action: 'generate' }).expect(200);
    expect(res.body.text).toBe('Bonjour Melissa, nous regardons 4111 1111 1111 1111 tout de suite.');
    // The provider still only ever sees placeholders.
    expect(leaks(JSON.stringify(ai.requests.at(-1)!.body.messages), RAW_VALUES)).toEqual([]);
    await setMode(t, 'display');
  });

  it.each(['rephrase', 'casual', 'formal'])('%s rewrites the draft, masked on the way out', async (action) => {
    ai.behave({ kind: 'reply', text: `(${action}) Nous remboursons [CARD-1].` });
    const res = await compose({ action, text: 'on rembourse la carte 4111 1111 1111 1111 asap' }).expect(200);
    expect(res.body.text).toBe(`(${action}) Nous remboursons ************1111.`);
    const messages = ai.requests.at(-1)!.body.messages!;
    expect(messages.at(-1)!.content).toBe('on rembourse la carte [CARD-1] asap');
    expect(messages[0].content).toMatch(
      action === 'formal' ? /more formal/ : action === 'casual' ? /more casual/ : /Rephrase/,
    );
  });

  it('400s: a rewrite without text, an unknown action, a text over 64K', async () => {
    expect((await compose({ action: 'rephrase' }).expect(400)).body.error).toBe('AI_COMPOSE_TEXT_REQUIRED');
    expect((await compose({ action: 'poem' }).expect(400)).body.message).toContain('action must be one of');
    await compose({ action: 'formal', text: 'x'.repeat(65_537) }).expect(400);
  });

  it('a technician who cannot see the ticket is refused, and nothing reaches the provider', async () => {
    const count = ai.requests.length;
    const res = await compose({ action: 'generate' }, otherTech);
    expect([403, 404]).toContain(res.status);
    await t.http().post(`/api/tickets/${ticket.number}/compose`).send({ action: 'generate' }).expect(401);
    expect(ai.requests).toHaveLength(count);
  });

  it('streams the draft as server-sent events; the pieces add up to the whole, placeholders restored', async () => {
    ai.behave({ kind: 'reply', text: 'Nous regardons [CARD-1] et vous écrivons à [EMAIL-1].', chunks: 9 });
    const res = await t
      .http()
      .post(`/api/tickets/${ticket.number}/compose/stream`)
      .set(bearer(t.technicianToken))
      .send({ action: 'generate' })
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = parseSse(res.body as string);
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text as string);
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.find((e) => e.event === 'done')!;
    expect(done.data.text).toBe('Nous regardons ************1111 et vous écrivons à b**@example.com.');
    expect(deltas.join('')).toBe(done.data.text);
    expect(ai.requests.at(-1)!.body.stream).toBe(true);
  });

  it('closing the stream cancels the provider call', async () => {
    ai.behave({ kind: 'reply', text: 'a slow answer that will never be read to the end', chunks: 20, delayMs: 100 });
    const aborted = ai.aborted;
    const controller = new AbortController();
    const response = await fetch(`${t.baseUrl}/api/tickets/${ticket.number}/compose/stream`, {
      method: 'POST',
      headers: { ...bearer(t.technicianToken), 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'generate' }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const deadline = Date.now() + 5000;
    while (ai.aborted === aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(ai.aborted).toBe(aborted + 1);
  });

  it.each([
    [{ kind: 'error', status: 500 } as const, 502, 'AI_PROVIDER_UNAVAILABLE'],
    [{ kind: 'error', status: 429 } as const, 429, 'AI_PROVIDER_QUOTA'],
    [{ kind: 'error', status: 401 } as const, 502, 'AI_PROVIDER_INVALID'],
    [{ kind: 'hang' } as const, 504, 'AI_PROVIDER_TIMEOUT'],
    [{ kind: 'reply', text: 'x', finishReason: 'content_filter' } as const, 422, 'AI_PROVIDER_REFUSED'],
  ])('provider failure %j → %i %s', async (behaviour, status, code) => {
    ai.behave(behaviour);
    const res = await compose({ action: 'generate' }).expect(status);
    expect(res.body.error).toBe(code);
  });

  it('a provider that is down (connection refused) is a 502, not a crash', async () => {
    await configure({ baseUrl: 'http://127.0.0.1:9/v1' });
    expect((await compose({ action: 'generate' }).expect(502)).body.error).toBe('AI_PROVIDER_UNAVAILABLE');
    await configure({});
  });

  it('a rate limit per technician that the clock lifts', async () => {
    const admin = (body: Record<string, unknown>) => compose(body, t.adminToken);
    let last = 200;
    for (let i = 0; i < 25 && last === 200; i++) last = (await admin({ action: 'generate' })).status;
    expect(last).toBe(429);
    const res = await admin({ action: 'generate' }).expect(429);
    expect(res.body.error).toBe('AI_COMPOSE_RATE_LIMITED');
    // Another technician is not affected; a minute later the admin may draft again.
    await compose({ action: 'generate' }).expect(200);
    t.clock.advance(61_000);
    await admin({ action: 'generate' }).expect(200);
  });

  it('a slow stream past the timeout ends with a timeout event, not a hang', async () => {
    ai.behave({ kind: 'reply', text: 'slow slow slow slow', chunks: 4, delayMs: 800 });
    const res = await t
      .http()
      .post(`/api/tickets/${ticket.number}/compose/stream`)
      .set(bearer(t.technicianToken))
      .send({ action: 'generate' })
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    const events = parseSse(res.body as string);
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: { error: 'AI_PROVIDER_TIMEOUT', message: 'The AI provider did not answer in time', statusCode: 504 },
    });
  });

  it('the company id is kept out of the prompt too (sanity: the ticket belongs to a masked company)', () => {
    expect(JSON.stringify(ai.requests.map((r) => r.body))).not.toContain(companyId);
  });
});
