import { DataSource } from 'typeorm';
import { nextEvent, type TestApp } from '@switchboard/testing';
import { conversationsWithoutDeadline, refuseDeadlineInserts } from '../foundation/timers-invariant.js';
import type { Socket } from 'socket.io-client';
import {
  ack,
  AgentProcess,
  bearer,
  cleanupDirs,
  createAgentChatApp,
  enrolAgent,
  removeDirs,
  seedDevice,
} from './agent-chat.helpers.js';

const TWO_MINUTES = 2 * 60_000;

describe('agent chat started by a technician (real helpdesk agent process)', () => {
  let t: TestApp;
  let tech: Socket;
  const agents: AgentProcess[] = [];
  const start = (dir: string) => {
    const a = new AgentProcess(['start'], dir);
    agents.push(a);
    return a;
  };

  beforeAll(async () => {
    t = await createAgentChatApp();
    tech = await t.socket('/agent', { token: t.technicianToken });
  });
  afterEach(() => agents.splice(0).forEach((a) => a.kill()));
  afterAll(async () => {
    tech?.close();
    await t?.close();
    removeDirs();
  });

  async function connectedAgent(options: Parameters<typeof seedDevice>[1] = {}) {
    const seeded = await seedDevice(t, options);
    const dir = await enrolAgent(t, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = start(dir);
    await agent.waitFor('connected');
    return { ...seeded, agent, dir };
  }

  it("accept: the user approves on the agent, both sides see the chat start with the technician's name and exchange messages", async () => {
    const { device, agent, contact } = await connectedAgent();
    const res = await t
      .http()
      .post('/api/agent-chats')
      .set(bearer(t.technicianToken))
      .send({ deviceId: device.id })
      .expect(201);
    const chat = res.body.chat;
    expect(chat).toMatchObject({
      status: 'waiting',
      initiatedBy: 'technician',
      technician: { name: 'Test Technician' },
      device: { id: device.id },
      contact: { id: contact.id },
    });
    const joined = await ack(tech, 'conversation.join', { conversationId: chat.id });
    expect(joined.ok).toBe(true);

    const request = await agent.waitFor('request');
    expect(request).toMatchObject({ conversationId: chat.id, technician: 'Test Technician' });
    expect(agent.output()).toContain('Test Technician would like to chat with you. Accept? [y/n]');
    const updated = nextEvent<any>(tech, 'agent-chat.updated');
    await agent.answer('accept', 'y');
    expect(await agent.waitFor('started')).toMatchObject({ conversationId: chat.id, technician: 'Test Technician' });
    expect((await updated).chat).toMatchObject({ id: chat.id, status: 'active' });
    expect(agent.output()).toContain('Chat started with Test Technician');

    const atAgent = agent.waitFor('message', (e) => e.body === 'Hello, how can I help?');
    expect(
      (
        await ack(tech, 'conversation.send', {
          conversationId: chat.id,
          clientId: 't-1',
          body: 'Hello, how can I help?',
        })
      ).ok,
    ).toBe(true);
    expect((await atAgent).author).toMatchObject({ kind: 'technician', name: 'Test Technician' });
    expect(agent.output()).toMatch(/\[\d\d:\d\d\] Test Technician: Hello, how can I help\?/);

    const atTech = nextEvent<any>(tech, 'conversation.message');
    agent.type('My printer is on fire');
    const got = await atTech;
    expect(got.message).toMatchObject({
      body: 'My printer is on fire',
      author: { kind: 'contact', name: `${contact.firstName} ${contact.lastName}` },
    });
    const history = (
      await t.http().get(`/api/agent-chats/${chat.id}/messages`).set(bearer(t.technicianToken)).expect(200)
    ).body.items;
    expect(history.map((m: any) => m.body)).toEqual([
      'Chat started with Test Technician',
      'Hello, how can I help?',
      'My printer is on fire',
    ]);
  });

  it('decline: the technician is told and can ask again', async () => {
    const { device, agent } = await connectedAgent();
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    await agent.waitFor('request', (e) => e.conversationId === chat.id);
    const updated = new Promise<any>((resolve) =>
      tech.on('agent-chat.updated', (p: any) => p.chat.id === chat.id && p.chat.status === 'ended' && resolve(p)),
    );
    await agent.answer('accept', 'n');
    await agent.waitFor('declined');
    expect((await updated).chat).toMatchObject({ status: 'ended', endedReason: 'declined' });
    const again = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    expect(again.id).not.toBe(chat.id);
    await agent.waitFor('request', (e) => e.conversationId === again.id);
  });

  it('a request nobody answers ends after 2 minutes (timer on the fake clock); the agent drops the question', async () => {
    const { device, agent } = await connectedAgent();
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    await agent.waitFor('prompt', (e) => e.kind === 'accept');
    t.clock.advance(TWO_MINUTES - 1000);
    await t.runDueTimers();
    expect(
      (await t.http().get(`/api/agent-chats/${chat.id}`).set(bearer(t.technicianToken)).expect(200)).body.status,
    ).toBe('waiting');
    t.clock.advance(1000);
    expect(await t.runDueTimers()).toBeGreaterThanOrEqual(1);
    const ended = (await t.http().get(`/api/agent-chats/${chat.id}`).set(bearer(t.technicianToken)).expect(200)).body;
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'not_accepted' });
    await agent.waitFor('expired', (e) => e.conversationId === chat.id);
    // A late "y" after the expiry starts nothing.
    agent.type('y');
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.events.some((e) => e.type === 'started' && e.conversationId === chat.id)).toBe(false);
  });

  it('a request whose accept deadline cannot be written is not started (no conversation row, nothing sent to the agent)', async () => {
    const { device, agent } = await connectedAgent();
    const ds = t.get(DataSource);
    const before = Number((await ds.query(`SELECT COUNT(*) AS n FROM "conversations"`))[0].n);
    const undo = await refuseDeadlineInserts(ds, 'agent-chat.accept');
    try {
      const res = await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id });
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await undo();
    }
    expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM "conversations"`))[0].n)).toBe(before);
    // The same request works once the deadline can be written.
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    await agent.waitFor('request', (e) => e.conversationId === chat.id);
  });

  it('from a ticket: Actions → Start chat links the chat, logs it in the activity, and reuses the open chat', async () => {
    const { device, agent, contact } = await connectedAgent();
    const ticket = (
      await t
        .http()
        .post('/api/tickets')
        .set(bearer(t.technicianToken))
        .send({ title: 'VPN down', description: 'x', requesterId: contact.id })
        .expect(201)
    ).body;
    const first = await t
      .http()
      .post('/api/agent-chats')
      .set(bearer(t.technicianToken))
      .send({ ticketNumber: ticket.number })
      .expect(201);
    expect(first.body.chat).toMatchObject({
      device: { id: device.id },
      ticket: { number: ticket.number, title: 'VPN down', auto: false },
    });
    const again = await t
      .http()
      .post('/api/agent-chats')
      .set(bearer(t.technicianToken))
      .send({ ticketNumber: ticket.number })
      .expect(200);
    expect(again.body).toMatchObject({ existing: true, chat: { id: first.body.chat.id } });
    const activity = (
      await t.http().get(`/api/tickets/${ticket.number}/activity`).set(bearer(t.technicianToken)).expect(200)
    ).body.items;
    expect(activity.find((a: any) => a.action === 'chat_started')).toMatchObject({
      actor: { name: 'Test Technician' },
      to: { conversationId: first.body.chat.id },
    });
    // Defect 8: the agent shows the ticket's conversation so far above the question.
    const earlier = await agent.waitFor('earlier', (e) => e.conversationId === first.body.chat.id);
    expect(earlier).toMatchObject({
      number: ticket.number,
      lines: [{ author: { kind: 'contact', name: `${contact.firstName} ${contact.lastName}` }, body: 'x' }],
    });
    expect(agent.lines).toContain(`--- Earlier in ticket #${ticket.number} ---`);
    await agent.answer('accept', 'y');
    await agent.waitFor('started');
    agent.type('hello from the ticket chat');
    // Messages of a chat started from a ticket land on that ticket.
    const deadline = Date.now() + 5000;
    let comments: any[] = [];
    while (Date.now() < deadline) {
      comments = (
        await t.http().get(`/api/tickets/${ticket.number}/comments`).set(bearer(t.technicianToken)).expect(200)
      ).body.items;
      if (comments.some((c: any) => c.body === 'hello from the ticket chat')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(comments.find((c: any) => c.body === 'hello from the ticket chat')).toMatchObject({
      source: 'chat',
      author: { kind: 'contact' },
    });
  });

  it('chat disabled for the company: the technician can still start a chat; a disabled helpdesk agent or an offline device is a clear 409', async () => {
    const { device, agent } = await connectedAgent({ chatEnabled: false });
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    await agent.waitFor('request', (e) => e.conversationId === chat.id);
    const offline = await seedDevice(t);
    const res = await t
      .http()
      .post('/api/agent-chats')
      .set(bearer(t.technicianToken))
      .send({ deviceId: offline.device.id })
      .expect(409);
    expect(res.body).toMatchObject({
      error: 'DEVICE_OFFLINE',
      message: `The helpdesk agent on ${offline.device.name} is not connected`,
    });
    const disabled = await seedDevice(t, { helpdeskAgentEnabled: false });
    expect(
      (
        await t
          .http()
          .post('/api/agent-chats')
          .set(bearer(t.technicianToken))
          .send({ deviceId: disabled.device.id })
          .expect(409)
      ).body.message,
    ).toBe(`The helpdesk agent is disabled on ${disabled.device.name}`);
    await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({}).expect(400);
  });

  it('a technician without access to the company cannot start, read, join or download from the chat', async () => {
    const { device, agent } = await connectedAgent();
    const other = await seedDevice(t);
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(bearer(t.adminToken))
        .send({
          name: 'Rita Restricted',
          email: `rita${Date.now()}@test.local`,
          password: 'rita-password-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.company.id],
        })
        .expect(201)
    ).body;
    const token = t.tokenFor(restricted.id);
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    await agent.waitFor('request', (e) => e.conversationId === chat.id);
    await t.http().get(`/api/agent-chats/${chat.id}`).set(bearer(token)).expect(404);
    await t.http().get(`/api/agent-chats/${chat.id}/messages`).set(bearer(token)).expect(404);
    await t.http().post(`/api/agent-chats/${chat.id}/accept`).set(bearer(token)).expect(404);
    await t.http().post(`/api/agent-chats/${chat.id}/end`).set(bearer(token)).expect(404);
    await t.http().post('/api/agent-chats').set(bearer(token)).send({ deviceId: device.id }).expect(404);
    expect((await t.http().get('/api/agent-chats').set(bearer(token)).expect(200)).body.items).toEqual([]);
    const socket = await t.socket('/agent', { token });
    const join = await ack(socket, 'conversation.join', { conversationId: chat.id });
    expect(join).toMatchObject({ ok: false, error: { statusCode: 404 } });
    socket.close();
    // Unauthenticated: 401.
    await t.http().get(`/api/agent-chats/${chat.id}`).expect(401);
  });
  it('leaves no waiting or active chat without its deadline row (after all the flows above)', async () => {
    expect(await conversationsWithoutDeadline(t.get(DataSource))).toEqual([]);
  });
});

describe('helpdesk agent enrolment', () => {
  let e: TestApp;
  beforeAll(async () => {
    e = await createAgentChatApp();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('enrols with a one-time code: the token is stored, the code works once and expires after 24 h', async () => {
    const { device } = await seedDevice(e);
    const { code } = (
      await e.http().post(`/api/devices/${device.id}/enrolment-code`).set(bearer(e.adminToken)).expect(201)
    ).body;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const first = await e.http().post('/api/device-enrolment').send({ code: code.toLowerCase() }).expect(201);
    expect(first.body.device.id).toBe(device.id);
    expect(first.body.token).toMatch(/^sbd_/);
    const again = await e.http().post('/api/device-enrolment').send({ code }).expect(400);
    expect(again.body.error).toBe('INVALID_ENROLMENT_CODE');
    // Technicians cannot create codes; expired codes are refused.
    await e.http().post(`/api/devices/${device.id}/enrolment-code`).set(bearer(e.technicianToken)).expect(403);
    const late = (await e.http().post(`/api/devices/${device.id}/enrolment-code`).set(bearer(e.adminToken)).expect(201))
      .body.code;
    e.clock.advance(24 * 60 * 60_000 + 1000);
    expect((await e.http().post('/api/device-enrolment').send({ code: late }).expect(400)).body.error).toBe(
      'INVALID_ENROLMENT_CODE',
    );
    // The redeemed token authenticates the /device namespace.
    const socket = await e.socket('/device', { token: first.body.token });
    expect((await ack(socket, 'chat.state')).data.device.id).toBe(device.id);
    socket.close();
  });
});
