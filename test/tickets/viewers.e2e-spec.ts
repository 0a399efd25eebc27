import { FakeClock } from '@switchboard/core';
import { createTestApp, nextEvent, TestApp, redisReachable, TEST_REDIS_URL } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { createTicket, seedCompany } from './tickets.helper';

jest.setTimeout(30_000);

const REDIS_URL = TEST_REDIS_URL;
type Viewers = { number: number; viewers: { accountId: string; name: string }[] };
const ack = (s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload) as Promise<{
    ok: boolean;
    data?: Viewers;
    error?: { statusCode: number; details?: unknown };
  }>;

describe('live ticket viewers (one instance)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists viewers live, drops them on leave and on a closed tab, and validates payloads', async () => {
    const { contact } = await seedCompany(t);
    const ticket = await createTicket(t, contact.id);
    const tech = await t.socket('/agent', { token: t.technicianToken });
    const admin = await t.socket('/agent', { token: t.adminToken });
    const first = await ack(tech, 'ticket.view', { number: ticket.number });
    expect(first).toEqual({
      ok: true,
      data: {
        number: ticket.number,
        viewers: [expect.objectContaining({ accountId: t.technician.id, name: 'Test Technician' })],
      },
    });

    const seen = nextEvent<Viewers>(tech, 'ticket.viewers');
    await ack(admin, 'ticket.view', { number: ticket.number });
    expect((await seen).viewers.map((v) => v.accountId)).toEqual([t.technician.id, t.admin.id]);

    // A second tab of the same technician counts once.
    const tab2 = await t.socket('/agent', { token: t.technicianToken });
    expect((await ack(tab2, 'ticket.view', { number: ticket.number })).data!.viewers).toHaveLength(2);
    const afterTab2 = nextEvent<Viewers>(tech, 'ticket.viewers');
    tab2.close();
    expect((await afterTab2).viewers).toHaveLength(2);

    const left = nextEvent<Viewers>(tech, 'ticket.viewers');
    expect(await ack(admin, 'ticket.leave', { number: ticket.number })).toEqual({
      ok: true,
      data: { number: ticket.number },
    });
    expect((await left).viewers.map((v) => v.accountId)).toEqual([t.technician.id]);

    await ack(admin, 'ticket.view', { number: ticket.number });
    const gone = nextEvent<Viewers>(admin, 'ticket.viewers');
    tech.disconnect(); // the tab closes without ticket.leave
    expect((await gone).viewers.map((v) => v.accountId)).toEqual([t.admin.id]);

    // Comments reach the ticket room live.
    const comment = nextEvent<{ number: number; comment: { body: string } }>(admin, 'ticket.comment');
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .send({ body: 'live!', visibility: 'internal' })
      .expect(201);
    expect((await comment).comment.body).toBe('live!');

    expect((await ack(admin, 'ticket.view', { number: 999999 })).error).toMatchObject({ statusCode: 404 });
    expect((await ack(admin, 'ticket.view', { number: 'x', extra: 1 })).error).toMatchObject({ statusCode: 400 });
    admin.close();
  });

  it('pushes list updates to technicians allowed to see the company', async () => {
    const { contact } = await seedCompany(t);
    const s = await t.socket('/agent', { token: t.technicianToken });
    const created = nextEvent<{ ticket: { number: number } }>(s, 'ticket.created');
    const ticket = await createTicket(t, contact.id, {}, t.adminToken);
    expect((await created).ticket.number).toBe(ticket.number);
    const updated = nextEvent<{ ticket: { priority: string }; changes: string[] }>(s, 'ticket.updated');
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .send({ priority: 'critical' })
      .expect(200);
    expect(await updated).toMatchObject({ ticket: { priority: 'critical' }, changes: ['priority'] });
    s.close();
  });
});

describe('live ticket viewers across two instances (Redis)', () => {
  let available = false;
  beforeAll(async () => {
    available = await redisReachable();
    if (!available) {
      const msg = `SKIPPED: Redis is not reachable at ${REDIS_URL}; the two-instance viewers test did not run.`;
      if (process.env.CI) throw new Error(msg);
      console.warn(msg);
    }
  });

  it('shows a viewer on instance A to a viewer on instance B, and drops a closed tab everywhere', async () => {
    if (!available) return;
    const clock = new FakeClock();
    const a = await createTestApp({ clock, redis: REDIS_URL, instanceId: 'viewers-a' });
    const b = await createTestApp({
      clock,
      redis: REDIS_URL,
      database: a.database,
      seed: false,
      instanceId: 'viewers-b',
    });
    try {
      const { contact } = await seedCompany(a);
      const ticket = await createTicket(a, contact.id);
      const onA = await a.socket('/agent', { token: a.technicianToken });
      const onB = await b.socket('/agent', { token: b.tokenFor(a.admin.id) });
      await ack(onA, 'ticket.view', { number: ticket.number });
      const seenOnA = nextEvent<Viewers>(onA, 'ticket.viewers');
      const res = await ack(onB, 'ticket.view', { number: ticket.number });
      expect(res.data!.viewers.map((v) => v.accountId)).toEqual([a.technician.id, a.admin.id]);
      expect((await seenOnA).viewers.map((v) => v.accountId)).toEqual([a.technician.id, a.admin.id]);

      const afterClose = nextEvent<Viewers>(onA, 'ticket.viewers');
      onB.disconnect();
      expect((await afterClose).viewers.map((v) => v.accountId)).toEqual([a.technician.id]);
      // Closing right away: shutdown must wait for the disconnect's presence work (no Redis use after quit).
      onA.close();
    } finally {
      await b.close();
      await a.close();
    }
  });
});
