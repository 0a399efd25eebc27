import {
  CompanyService,
  ContactService,
  DeviceService,
  SessionTokenService,
  SocketRevocation,
} from '@switchboard/core';
import { DataSource } from 'typeorm';
import { createTestApp, nextEvent, TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';

jest.setTimeout(30_000);

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type Ack = { ok: boolean; data?: unknown; error?: { statusCode: number; message: string } };
const ack = (s: Socket, event: string, payload: unknown = {}) =>
  s.timeout(3000).emitWithAck(event, payload) as Promise<Ack>;

/** Resolves with the disconnect reason, or rejects when the socket is still connected after `ms`. */
function disconnected(s: Socket, ms = 3000): Promise<string> {
  if (!s.connected) return Promise.resolve('already');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    s.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Every event the socket receives, by name (to prove what did NOT arrive). */
function record(s: Socket): { name: string; payload: any }[] {
  const seen: { name: string; payload: any }[] = [];
  s.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

describe('#13.1 open sockets lose their rights when access changes', () => {
  let t: TestApp;
  let seq = 0;
  const AGENT_CHAT_PLUGIN = { name: 'plugins/channel-agent-chat', enable: true };

  beforeAll(async () => {
    t = await createTestApp({ plugins: [AGENT_CHAT_PLUGIN], loginRateLimit: 1000 });
  });
  afterAll(() => t.close());

  async function company(name: string) {
    const n = ++seq;
    const c = await t.get(CompanyService).create({ name: `${name} ${n}` });
    const contact = await t
      .get(ContactService)
      .create({ companyId: c.id, firstName: 'Melissa', lastName: `Jones${n}`, email: `m${n}.${Date.now()}@x.example` });
    const { device, token } = await t
      .get(DeviceService)
      .create({ companyId: c.id, name: `PC-${n}`, os: 'Windows 11', contactId: contact.id });
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set(bearer(t.adminToken))
      .send({ value: true, companyId: c.id })
      .expect(200);
    return { company: c, contact, device, deviceToken: token };
  }

  async function newTechnician() {
    const email = `sock${++seq}@test.local`;
    const password = 'Socket-Tests-Passw0rd!';
    const res = await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .send({ name: `Sock ${seq}`, email, password, role: 'technician' })
      .expect(201);
    return { id: res.body.id as string, email, password };
  }

  async function login(email: string, password: string): Promise<string> {
    return (await t.http().post('/api/auth/login').send({ email, password }).expect(200)).body.accessToken;
  }

  async function ticket(requesterId: string, title: string) {
    return (
      await t
        .http()
        .post('/api/tickets')
        .set(bearer(t.adminToken))
        .send({ title, description: 'x', requesterId })
        .expect(201)
    ).body as { number: number };
  }

  it('#13.1 restricted account: stops receiving ticket.created/ticket.comment of the other company, cannot ticket.view or join its conversations', async () => {
    const acme = await company('Acme');
    const globex = await company('Globex');
    const acc = await newTechnician();
    const token = await login(acc.email, acc.password);
    const globexTicket = await ticket(globex.contact.id, 'Globex before');
    const deviceSocket = await t.socket('/device', { token: globex.deviceToken }); // a chat needs the agent online
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.adminToken)).send({ deviceId: globex.device.id }).expect(201)
    ).body.chat as { id: string };

    const old = await t.socket('/agent', { token });
    const oldSeen = record(old);
    expect((await ack(old, 'ticket.view', { number: globexTicket.number })).ok).toBe(true); // allowed today
    const changed = nextEvent(old, 'access.changed');
    const gone = disconnected(old);

    await t
      .http()
      .patch(`/api/accounts/${acc.id}`)
      .set(bearer(t.adminToken))
      .send({ allCompanies: false, companyIds: [acme.company.id] })
      .expect(200);

    // The open socket is told and dropped; the web app reconnects for its new scope.
    await changed;
    expect(await gone).toBe('io server disconnect');

    const fresh = await t.socket('/agent', { token });
    const freshSeen = record(fresh);
    expect(await ack(fresh, 'ticket.view', { number: globexTicket.number })).toMatchObject({
      ok: false,
      error: { statusCode: 404 },
    });
    expect((await ack(fresh, 'conversation.join', { conversationId: chat.id })).ok).toBe(false);

    const acmeCreated = nextEvent<{ ticket: { number: number } }>(fresh, 'ticket.created');
    const globexNew = await ticket(globex.contact.id, 'Globex secret');
    await t
      .http()
      .post(`/api/tickets/${globexTicket.number}/comments`)
      .set(bearer(t.adminToken))
      .send({ body: 'internal globex note', visibility: 'internal' })
      .expect(201);
    const acmeNew = await ticket(acme.contact.id, 'Acme visible');
    expect((await acmeCreated).ticket.number).toBe(acmeNew.number);

    for (const seen of [oldSeen, freshSeen]) {
      expect(seen.filter((e) => e.name === 'ticket.created' && e.payload.ticket.number === globexNew.number)).toEqual(
        [],
      );
      expect(seen.filter((e) => e.name === 'ticket.comment')).toEqual([]);
    }
    fresh.close();
    deviceSocket.close();
  });

  it('#13.1 a role change re-scopes the open socket (access.changed, then a fresh handshake)', async () => {
    const acc = await newTechnician();
    const token = await login(acc.email, acc.password);
    const s = await t.socket('/agent', { token });
    const changed = nextEvent(s, 'access.changed');
    await t.http().patch(`/api/accounts/${acc.id}`).set(bearer(t.adminToken)).send({ role: 'admin' }).expect(200);
    await changed;
    await disconnected(s);
    (await t.socket('/agent', { token })).close(); // the session itself is still valid
  });

  it('#13.1 deactivated account: its open socket gets session.revoked and is disconnected; it cannot reconnect', async () => {
    const acc = await newTechnician();
    const token = await login(acc.email, acc.password);
    const s = await t.socket('/agent', { token });
    const revoked = nextEvent<{ reason: string }>(s, 'session.revoked');
    const gone = disconnected(s);
    await t.http().patch(`/api/accounts/${acc.id}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
    expect(await revoked).toEqual({ reason: 'deactivated' });
    await gone;
    await expect(t.socket('/agent', { token })).rejects.toThrow('unauthorized');
  });

  it('#13.1 deleted account: its open socket is disconnected', async () => {
    const acc = await newTechnician();
    const s = await t.socket('/agent', { token: await login(acc.email, acc.password) });
    const gone = disconnected(s);
    await t.http().delete(`/api/accounts/${acc.id}`).set(bearer(t.adminToken)).expect(204);
    await gone;
  });

  it('#13.1 logout disconnects that session’s sockets only; another session of the same account stays', async () => {
    const acc = await newTechnician();
    const one = await login(acc.email, acc.password);
    const two = await login(acc.email, acc.password);
    const s1a = await t.socket('/agent', { token: one });
    const s1b = await t.socket('/agent', { token: one });
    const s2 = await t.socket('/agent', { token: two });
    const revoked = nextEvent<{ reason: string }>(s1a, 'session.revoked');
    const gone = Promise.all([disconnected(s1a), disconnected(s1b)]);
    await t.http().post('/api/auth/logout').set(bearer(one)).expect(204);
    expect(await revoked).toEqual({ reason: 'logout' });
    await gone;
    expect(s2.connected).toBe(true);
    expect(await ack(s2, 'ping', { text: 'still here' })).toMatchObject({ ok: true, data: { pong: 'still here' } });
    await expect(t.socket('/agent', { token: one })).rejects.toThrow('unauthorized');
    s2.close();
  });

  it('#13.1 password change disconnects every socket of the account', async () => {
    const acc = await newTechnician();
    const s1 = await t.socket('/agent', { token: await login(acc.email, acc.password) });
    const s2 = await t.socket('/agent', { token: await login(acc.email, acc.password) });
    const bystander = await t.socket('/agent', { token: t.technicianToken });
    const revoked = nextEvent<{ reason: string }>(s2, 'session.revoked');
    const gone = Promise.all([disconnected(s1), disconnected(s2)]);
    await t
      .http()
      .patch(`/api/accounts/${acc.id}`)
      .set(bearer(t.adminToken))
      .send({ password: 'Another-Passw0rd-Now!' })
      .expect(200);
    expect(await revoked).toEqual({ reason: 'password' });
    await gone;
    expect(bystander.connected).toBe(true);
    bystander.close();
  });

  it('#13.1 device token rotation disconnects the device socket; removal too', async () => {
    const c = await company('Initech');
    const s = await t.socket('/device', { token: c.deviceToken });
    const revoked = nextEvent<{ reason: string }>(s, 'session.revoked');
    const gone = disconnected(s);
    const rotated = await t.http().post(`/api/devices/${c.device.id}/token`).set(bearer(t.adminToken)).expect(201);
    expect(await revoked).toEqual({ reason: 'token-rotated' });
    await gone;
    await expect(t.socket('/device', { token: c.deviceToken })).rejects.toThrow('unauthorized');

    const again = await t.socket('/device', { token: rotated.body.token });
    const goneAgain = disconnected(again);
    await t.http().delete(`/api/devices/${c.device.id}`).set(bearer(t.adminToken)).expect(204);
    await goneAgain;
  });

  it('#13.1 deleting a company disconnects its devices’ sockets (the devices went with it)', async () => {
    const c = await company('Umbrella');
    const s = await t.socket('/device', { token: c.deviceToken });
    const other = await company('Hooli');
    const bystander = await t.socket('/device', { token: other.deviceToken });
    const revoked = nextEvent<{ reason: string }>(s, 'session.revoked');
    const gone = disconnected(s);
    await t.http().delete(`/api/companies/${c.company.id}`).set(bearer(t.adminToken)).expect(204);
    expect(await revoked).toEqual({ reason: 'removed' });
    await gone;
    expect(bystander.connected).toBe(true);
    bystander.close();
  });

  it('#13.1 expiry: a portal visitor socket does not outlive its portal token', async () => {
    const c = await company('Portal Co');
    const token = t
      .get(SessionTokenService)
      .issuePortalToken({ sessionId: `visit-${seq}`, portalId: 'p1', companyId: c.company.id, subject: null }, 60);
    const s = await t.socket('/portal', { token });
    t.clock.advance(61_000);
    const revoked = nextEvent<{ reason: string }>(s, 'session.revoked');
    await disconnected(s, 3000);
    expect(await revoked).toEqual({ reason: 'expired' });
    await expect(t.socket('/portal', { token })).rejects.toThrow('unauthorized');
  });

  it('#13.1 defence in depth: a change whose broadcast was missed is caught by the periodic re-check', async () => {
    const acme = await company('Missed');
    const ended = await newTechnician();
    const narrowed = await newTechnician();
    const kept = await newTechnician();
    const sEnded = await t.socket('/agent', { token: await login(ended.email, ended.password) });
    const sNarrowed = await t.socket('/agent', { token: await login(narrowed.email, narrowed.password) });
    const sKept = await t.socket('/agent', { token: await login(kept.email, kept.password) });
    // Written behind the services' back, as if the instance had missed the revocation note.
    const ds = t.app.get(DataSource);
    await ds
      .createQueryBuilder()
      .update('accounts')
      .set({ active: false })
      .where('id = :id', { id: ended.id })
      .execute();
    await ds
      .createQueryBuilder()
      .update('accounts')
      .set({ allCompanies: false })
      .where('id = :id', { id: narrowed.id })
      .execute();
    await ds
      .createQueryBuilder()
      .insert()
      .into('account_company_access')
      .values({ accountId: narrowed.id, companyId: acme.company.id })
      .execute();
    const revoked = nextEvent<{ reason: string }>(sEnded, 'session.revoked');
    const changed = nextEvent(sNarrowed, 'access.changed');
    expect(await t.get(SocketRevocation).revalidate()).toBe(2);
    expect(await revoked).toEqual({ reason: 'revoked' });
    await changed;
    await disconnected(sEnded);
    await disconnected(sNarrowed);
    expect(sKept.connected).toBe(true);
    sKept.close();
  });

  it('#13.1 expiry: an open socket does not outlive its token (checked on every event and by a sweep)', async () => {
    const acc = await newTechnician();
    const token = await login(acc.email, acc.password);
    const busy = await t.socket('/agent', { token });
    const idle = await t.socket('/agent', { token });
    const fresh = await t.socket('/agent', { token: t.technicianToken });
    expect((await ack(busy, 'ping', { text: 'a' })).ok).toBe(true);

    // Past exp for `token` (and for the seeded technician's token, issued at the same instant): both lapse.
    t.clock.advance((t.config.sessionTtlSeconds + 1) * 1000);
    const revoked = nextEvent<{ reason: string }>(busy, 'session.revoked');
    const busyGone = disconnected(busy);
    busy.emit('ping', { text: 'after exp' });
    expect(await revoked).toEqual({ reason: 'expired' });
    await busyGone;
    // The idle one is caught by the periodic sweep (a real interval reading the fake clock).
    await disconnected(idle, 3000);
    await disconnected(fresh, 3000);
    await expect(t.socket('/agent', { token })).rejects.toThrow('unauthorized');
  });
});
