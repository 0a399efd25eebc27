import { nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { conversationsWithoutDeadline } from '../foundation/timers-invariant.js';
import {
  ack,
  AgentProcess,
  bearer,
  cleanupDirs,
  createAgentChatApp,
  enrolAgent,
  outbox,
  removeDirs,
  seedDevice,
  setAvailable,
} from './agent-chat.helpers.js';

const TWO_MINUTES = 2 * 60_000;

describe('agent chat requested by the user (real helpdesk agent process)', () => {
  let t: TestApp;
  let tech: Socket;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    t = await createAgentChatApp();
    tech = await t.socket('/agent', { token: t.technicianToken });
  });
  beforeEach(async () => {
    await setAvailable(t, t.technicianToken, true);
    await setAvailable(t, t.adminToken, false);
  });
  afterEach(() => agents.splice(0).forEach((a) => a.kill()));
  afterAll(async () => {
    tech?.close();
    await t?.close();
    removeDirs();
  });

  async function chatAgent(options: Parameters<typeof seedDevice>[1] = {}) {
    const seeded = await seedDevice(t, options);
    const dir = await enrolAgent(t, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = new AgentProcess(['chat'], dir);
    agents.push(agent);
    await agent.waitFor('connected');
    return { ...seeded, agent };
  }

  it('confirms the identity with a code mailed through the outbox, notifies available technicians, and chats once accepted', async () => {
    const { device, agent, company } = await chatAgent({ assigned: false });
    const email = `jane.${Date.now()}@example.com`;
    await agent.answer('name', 'Jane Doe');
    await agent.answer('email', email);
    await agent.waitFor('identity-sent');
    const mail = (await outbox(t)).find((m) => m.to.includes(email));
    expect(mail?.subject).toMatch(/confirmation code/);
    const code = /\b(\d{8})\b/.exec(mail!.text)![1];
    // A wrong code first: the agent says so and asks again.
    await agent.answer('code', code === '00000000' ? '11111111' : '00000000');
    expect((await agent.waitFor('error')).code).toBe('INVALID_TOKEN');
    const incoming = nextEvent<any>(tech, 'agent-chat.incoming');
    const notification = nextEvent<any>(tech, 'notification');
    await agent.answer('code', code);
    expect((await agent.waitFor('identity-confirmed')).name).toBe('Jane Doe');
    const waiting = await agent.waitFor('waiting');
    const offer = await incoming;
    expect(offer).toMatchObject({
      sound: true,
      chat: {
        id: waiting.conversationId,
        status: 'waiting',
        initiatedBy: 'contact',
        contact: { name: 'Jane Doe' },
        device: { name: device.name },
      },
    });
    expect(await notification).toMatchObject({
      title: 'Chat request from Jane Doe',
      link: `/chats/${waiting.conversationId}`,
    });
    // The contact exists in the device's company and is now the device's contact (no confirmation next time).
    const updated = (await t.http().get(`/api/devices/${device.id}`).set(bearer(t.adminToken)).expect(200)).body;
    const contact = (await t.http().get(`/api/contacts/${updated.contactId}`).set(bearer(t.adminToken)).expect(200))
      .body;
    expect(contact).toMatchObject({ companyId: company.id, email, firstName: 'Jane', lastName: 'Doe' });
    // The request shows in the technician's workspace; accepting starts the chat on both sides.
    expect(
      (await t.http().get('/api/agent-chats').set(bearer(t.technicianToken)).expect(200)).body.items.map(
        (c: any) => c.id,
      ),
    ).toContain(waiting.conversationId);
    const accepted = await t
      .http()
      .post(`/api/agent-chats/${waiting.conversationId}/accept`)
      .set(bearer(t.technicianToken))
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'active', technician: { name: 'Test Technician' } });
    expect(await agent.waitFor('started')).toMatchObject({ technician: 'Test Technician' });
    await ack(tech, 'conversation.join', { conversationId: waiting.conversationId });
    const atTech = nextEvent<any>(tech, 'conversation.message');
    agent.type('Outlook keeps crashing');
    expect((await atTech).message).toMatchObject({
      body: 'Outlook keeps crashing',
      author: { kind: 'contact', name: 'Jane Doe' },
    });
    // A second technician is too late.
    await t.http().post(`/api/agent-chats/${waiting.conversationId}/accept`).set(bearer(t.adminToken)).expect(409);
    // The agent's end is seen by the technician, and the chat program exits.
    agent.type('/end');
    expect((await agent.waitFor('ended')).reason).toBe('ended_by_user');
    expect(await agent.exited).toBe(0);
  });

  it("skips the confirmation for the device's assigned contact", async () => {
    const { agent, contact } = await chatAgent();
    await agent.answer('chat-as', 'y');
    const waiting = await agent.waitFor('waiting');
    const chat = (
      await t.http().get(`/api/agent-chats/${waiting.conversationId}`).set(bearer(t.technicianToken)).expect(200)
    ).body;
    expect(chat.contact).toEqual({ id: contact.id, name: `${contact.firstName} ${contact.lastName}` });
    expect(agent.events.some((e) => e.type === 'identity-sent')).toBe(false);
  });

  it('busy when nobody is available: the user creates a new ticket from the agent', async () => {
    await setAvailable(t, t.technicianToken, false);
    const { agent, contact } = await chatAgent();
    await agent.answer('chat-as', 'y');
    await agent.waitFor('busy');
    expect(agent.output()).toContain('Chat busy');
    await agent.answer('busy', 't');
    await agent.answer('describe', 'The scanner does not scan anymore');
    const created = await agent.waitFor('ticket-created');
    expect(await agent.exited).toBe(0);
    const ticket = (await t.http().get(`/api/tickets/${created.number}`).set(bearer(t.technicianToken)).expect(200))
      .body;
    expect(ticket).toMatchObject({
      title: 'The scanner does not scan anymore',
      source: 'chat',
      requester: { id: contact.id },
    });
  });

  it('busy after every technician declines, and after 2 minutes without an answer; retry works', async () => {
    const { agent } = await chatAgent();
    await agent.answer('chat-as', 'y');
    const first = await agent.waitFor('waiting');
    await t.http().post(`/api/agent-chats/${first.conversationId}/decline`).set(bearer(t.technicianToken)).expect(200);
    expect((await agent.waitFor('busy')).conversationId).toBe(first.conversationId);
    expect(
      (await t.http().get(`/api/agent-chats/${first.conversationId}`).set(bearer(t.technicianToken)).expect(200)).body
        .endedReason,
    ).toBe('busy');
    await agent.answer('busy', 'r');
    const second = await agent.waitFor('waiting', (e) => e.conversationId !== first.conversationId);
    t.clock.advance(TWO_MINUTES);
    await t.runDueTimers();
    expect((await agent.waitFor('busy', (e) => e.conversationId === second.conversationId)).conversationId).toBe(
      second.conversationId,
    );
    await agent.answer('busy', 'q');
    expect(await agent.exited).toBe(0);
  });

  it('chat disabled for the company: the user is refused with a clear message', async () => {
    const { agent } = await chatAgent({ chatEnabled: false });
    // Said at once (#15.11): no "Chat as …?", name, email or code first.
    expect(await agent.waitFor('chat-disabled')).toMatchObject({ code: 'CHAT_DISABLED' });
    expect(await agent.exited).toBe(1);
    expect(agent.events.filter((e) => e.type === 'prompt')).toEqual([]);
  });

  it("a device cannot reach another device's chat (join, send, end, accept, files)", async () => {
    const a = await seedDevice(t);
    const b = await seedDevice(t);
    const socketA = await t.socket('/device', { token: a.token });
    const socketB = await t.socket('/device', { token: b.token });
    const requested = await ack(socketA, 'chat.request');
    expect(requested).toMatchObject({ ok: true, data: { status: 'waiting' } });
    const id = requested.data.chat.id;
    // Asking again while the request is open returns the same chat (no duplicates after a reconnect).
    expect((await ack(socketA, 'chat.request')).data.chat.id).toBe(id);
    await t.http().post(`/api/agent-chats/${id}/accept`).set(bearer(t.technicianToken)).expect(200);
    for (const [event, payload] of [
      ['chat.join', { conversationId: id }],
      ['chat.send', { conversationId: id, clientId: 'x', body: 'hi' }],
      ['chat.end', { conversationId: id }],
      ['chat.accept', { conversationId: id }],
      ['chat.decline', { conversationId: id }],
      ['chat.typing', { conversationId: id, typing: true }],
    ] as const) {
      expect(await ack(socketB, event, payload)).toMatchObject({ ok: false, error: { statusCode: 404 } });
    }
    const leaked: unknown[] = [];
    socketB.on('conversation.message', (m) => leaked.push(m));
    expect((await ack(socketA, 'chat.send', { conversationId: id, clientId: 'a-1', body: 'only for A' })).ok).toBe(
      true,
    );
    await t
      .http()
      .post(`/api/device/chats/${id}/files`)
      .set('Authorization', `Device ${b.token}`)
      .attach('file', Buffer.from('%PDF-1.4\n'), 'x.pdf')
      .expect(404);
    await t
      .http()
      .get(`/api/device/chats/${id}/files/00000000-0000-4000-8000-000000000000`)
      .set('Authorization', `Device ${b.token}`)
      .expect(404);
    await t.http().get(`/api/device/chats/${id}/files/00000000-0000-4000-8000-000000000000`).expect(401);
    // Bad payloads are refused with a clear 400.
    expect(await ack(socketB, 'chat.join', { conversationId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { statusCode: 400 },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(leaked).toEqual([]);
    socketA.close();
    socketB.close();
  });
  it('leaves no waiting or active chat without its deadline row (after all the flows above)', async () => {
    expect(await conversationsWithoutDeadline(t.get(DataSource))).toEqual([]);
  });
});

describe('identity confirmation tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createAgentChatApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function device() {
    const seeded = await seedDevice(t, { assigned: false });
    return { ...seeded, socket: await t.socket('/device', { token: seeded.token }) };
  }
  // The outbox lists newest first.
  const codeFor = async (email: string) =>
    /\b(\d{8})\b/.exec((await outbox(t)).find((m) => m.to.includes(email))!.text)![1];

  it('is single use, expires after 15 minutes, and a user without one cannot request a chat', async () => {
    const { socket, device: d } = await device();
    expect(await ack(socket, 'chat.request')).toMatchObject({
      ok: false,
      error: { error: 'IDENTITY_REQUIRED', statusCode: 409 },
    });
    const email = `one.${Date.now()}@example.com`;
    expect((await ack(socket, 'identity.start', { firstName: 'One', lastName: 'Shot', email })).ok).toBe(true);
    const code = await codeFor(email);
    expect((await ack(socket, 'identity.confirm', { code })).data.contact.email).toBe(email);
    expect(await ack(socket, 'identity.confirm', { code })).toMatchObject({
      ok: false,
      error: { error: 'INVALID_TOKEN' },
    });
    expect(
      (await t.http().get(`/api/devices/${d.id}`).set(bearer(t.adminToken)).expect(200)).body.contactId,
    ).toBeTruthy();

    const late = `late.${Date.now()}@example.com`;
    await ack(socket, 'identity.start', { firstName: 'Late', lastName: 'Comer', email: late });
    const lateCode = await codeFor(late);
    t.clock.advance(15 * 60_000);
    expect(await ack(socket, 'identity.confirm', { code: lateCode })).toMatchObject({
      ok: false,
      error: { error: 'INVALID_TOKEN' },
    });
    expect(await ack(socket, 'identity.start', { firstName: 'x', lastName: 'y', email: 'not-an-email' })).toMatchObject(
      { ok: false, error: { statusCode: 400 } },
    );
    socket.close();
  });

  it("mails the code in the agent's language and gives it to the confirmed contact (#16)", async () => {
    const { socket } = await device();
    const email = `francois.${Date.now()}@example.com`;
    expect(
      await ack(socket, 'identity.start', { firstName: 'François', lastName: 'Roy', email, language: 'de' }),
    ).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(
      (await ack(socket, 'identity.start', { firstName: 'François', lastName: 'Roy', email, language: 'fr' })).ok,
    ).toBe(true);
    const mail = (await outbox(t)).find((m) => m.to.includes(email))!;
    expect(mail.subject).toMatch(/^Votre code de confirmation pour le chat d’assistance : \d{8}$/);
    expect(mail.text).toContain('Bonjour François');
    const confirmed = await ack(socket, 'identity.confirm', { code: await codeFor(email) });
    const contact = await t
      .http()
      .get(`/api/contacts/${confirmed.data.contact.id}`)
      .set(bearer(t.adminToken))
      .expect(200);
    expect(contact.body.language).toBe('fr');
    socket.close();
  });

  it('is rate limited: 3 codes per device in 15 minutes, 5 guesses per code', async () => {
    const { socket } = await device();
    const email = `many.${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++)
      expect((await ack(socket, 'identity.start', { firstName: 'Many', lastName: 'Codes', email })).ok).toBe(true);
    expect(await ack(socket, 'identity.start', { firstName: 'Many', lastName: 'Codes', email })).toMatchObject({
      ok: false,
      error: { statusCode: 429, error: 'TOO_MANY_REQUESTS' },
    });
    // Only the newest code counts; wrong guesses burn it after 5.
    const code = await codeFor(email);
    const wrong = code === '12345678' ? '87654321' : '12345678';
    for (let i = 0; i < 5; i++)
      expect(await ack(socket, 'identity.confirm', { code: wrong })).toMatchObject({
        ok: false,
        error: { error: 'INVALID_TOKEN' },
      });
    expect(await ack(socket, 'identity.confirm', { code })).toMatchObject({
      ok: false,
      error: { statusCode: 429, error: 'TOO_MANY_ATTEMPTS' },
    });
    // 15 minutes later the device may ask again.
    t.clock.advance(15 * 60_000 + 1000);
    expect((await ack(socket, 'identity.start', { firstName: 'Many', lastName: 'Codes', email })).ok).toBe(true);
    expect((await ack(socket, 'identity.confirm', { code: await codeFor(email) })).ok).toBe(true);
    socket.close();
  });
});
