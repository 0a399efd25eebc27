import { FakeClock } from '@switchboard/core';
import { createTestApp, redisReachable, type TestApp } from '@switchboard/testing';
import { ack, AGENT_CHAT_PLUGIN, bearer, createAgentChatApp, seedDevice } from './agent-chat.helpers.js';

const MINUTE = 60_000;

// Two API instances on one database (PostgreSQL when TEST_DATABASE_URL is set) sharing Redis and a clock.
describe('agent chat on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let skip = false;
  beforeAll(async () => {
    if (!(await redisReachable())) {
      if (process.env.CI === 'true') throw new Error('Redis is required under CI');
      console.warn('Redis is not reachable: skipping the two-instance agent chat test');
      skip = true;
      return;
    }
    const clock = new FakeClock();
    a = await createAgentChatApp({ clock, redis: true, instanceId: 'agent-chat-a' });
    b = await createTestApp({
      plugins: [AGENT_CHAT_PLUGIN],
      clock,
      redis: true,
      database: a.database,
      seed: false,
      instanceId: 'agent-chat-b',
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('crosses instances (request on A to a device on B) and fires each timer once when both sweep together', async () => {
    if (skip) return;
    const { device, token, contact } = await seedDevice(a);
    const deviceOnB = await b.socket('/device', { token });
    const requested = new Promise<any>((resolve) => deviceOnB.once('chat.requested', resolve));
    // A sees B's device as connected (socket rooms through Redis).
    const chat = (
      await a.http().post('/api/agent-chats').set(bearer(a.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    expect((await requested).chat.id).toBe(chat.id);
    const techOnA = await a.socket('/agent', { token: a.technicianToken });
    await ack(techOnA, 'conversation.join', { conversationId: chat.id });
    expect((await ack(deviceOnB, 'chat.accept', { conversationId: chat.id })).ok).toBe(true);
    const atTech = new Promise<any>((resolve) =>
      techOnA.on('conversation.message', (p: any) => p.message.body === 'from B' && resolve(p)),
    );
    expect((await ack(deviceOnB, 'chat.send', { conversationId: chat.id, clientId: 'b1', body: 'from B' })).ok).toBe(
      true,
    );
    await atTech;

    // Both instances sweep at once: one automatic ticket, one idle end.
    a.clock.advance(2 * MINUTE);
    await Promise.all([a.runDueTimers(), b.runDueTimers(), a.runDueTimers(), b.runDueTimers()]);
    a.clock.advance(5 * MINUTE);
    await Promise.all([a.runDueTimers(), b.runDueTimers(), a.runDueTimers(), b.runDueTimers()]);
    const tickets = (
      await a.http().get(`/api/tickets?requester=${contact.id}`).set(bearer(a.technicianToken)).expect(200)
    ).body.items;
    expect(tickets).toHaveLength(1);
    const messages = (
      await a.http().get(`/api/agent-chats/${chat.id}/messages`).set(bearer(a.technicianToken)).expect(200)
    ).body.items;
    expect(messages.filter((m: any) => m.body.startsWith('Ticket #'))).toHaveLength(1);
    expect(messages.filter((m: any) => m.body === 'The chat was ended after 5 minutes without messages.')).toHaveLength(
      1,
    );
    expect(
      (await a.http().get(`/api/agent-chats/${chat.id}`).set(bearer(a.technicianToken)).expect(200)).body,
    ).toMatchObject({ status: 'ended', endedReason: 'idle' });

    // Two technicians accepting the same user request on two instances: exactly one wins.
    await a.http().put('/api/me/availability').set(bearer(a.technicianToken)).send({ available: true }).expect(200);
    await a.http().put('/api/me/availability').set(bearer(a.adminToken)).send({ available: true }).expect(200);
    const request = await ack(deviceOnB, 'chat.request');
    const id = request.data.chat.id;
    const [r1, r2] = await Promise.all([
      a.http().post(`/api/agent-chats/${id}/accept`).set(bearer(a.technicianToken)),
      b
        .http()
        .post(`/api/agent-chats/${id}/accept`)
        .set(bearer(b.tokenFor(a.admin.id))),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect((r1.status === 409 ? r1 : r2).body.error).toBe('CHAT_ALREADY_TAKEN');
    techOnA.close();
    deviceOnB.close();
  });
});
