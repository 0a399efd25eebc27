import { FakeClock } from '@switchboard/core';
import { createTestApp, nextEvent, redisReachable, TEST_REDIS_URL } from '@switchboard/testing';

const REDIS_URL = TEST_REDIS_URL;

describe('two API instances behind a load balancer, sharing Redis', () => {
  let available = false;

  beforeAll(async () => {
    available = await redisReachable();
    if (!available) {
      const msg = `SKIPPED: Redis is not reachable at ${REDIS_URL}; the two-instance Redis test did not run (.ci/run starts Redis).`;
      if (process.env.CI) throw new Error(msg);
      console.warn(msg);
    }
  });

  it('delivers a room message emitted on instance A to a socket connected to instance B', async () => {
    if (!available) return;
    const clock = new FakeClock();
    const a = await createTestApp({ clock, redis: REDIS_URL, instanceId: 'redis-a' });
    const b = await createTestApp({
      clock,
      redis: REDIS_URL,
      database: a.database,
      seed: false,
      instanceId: 'redis-b',
    });
    try {
      const onB = await b.socket('/agent', { token: b.tokenFor(a.technician.id) });
      const colleagueOnA = await a.socket('/agent', { token: a.adminToken });
      const tabOnB = nextEvent(onB, 'account.availability');
      const colleague = nextEvent(colleagueOnA, 'agent.availability');
      // The HTTP request lands on instance A; the technician's socket is on instance B.
      await a
        .http()
        .put('/api/me/availability')
        .set('Authorization', `Bearer ${a.technicianToken}`)
        .send({ available: true })
        .expect(200);
      expect(await tabOnB).toEqual({ availability: 'available' });
      expect(await colleague).toEqual({ accountId: a.technician.id, availability: 'available' });

      const health = await b.http().get('/health').expect(200);
      expect(health.body.redis.status).toBe('ok');
      onB.close();
      colleagueOnA.close();
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('lists a device connected to instance B as online on instance A (one adapter request per list)', async () => {
    if (!available) return;
    const a = await createTestApp({ redis: REDIS_URL, instanceId: 'presence-a' });
    const b = await createTestApp({ redis: REDIS_URL, database: a.database, seed: false, instanceId: 'presence-b' });
    try {
      const admin = { Authorization: `Bearer ${a.adminToken}` };
      const company = (await a.http().post('/api/companies').set(admin).send({ name: 'Presence Co' }).expect(201)).body;
      const enrol = async (name: string) =>
        (await a.http().post('/api/devices').set(admin).send({ companyId: company.id, name }).expect(201)).body as {
          device: { id: string };
          token: string;
        };
      const on = await enrol('PC-ON-B');
      const off = await enrol('PC-OFF');
      const socket = await b.socket('/device', { token: on.token });
      const list = (await a.http().get(`/api/devices?companyId=${company.id}`).set(admin).expect(200)).body
        .items as Array<{ id: string; online: boolean }>;
      expect(Object.fromEntries(list.map((d) => [d.id, d.online]))).toEqual({
        [on.device.id]: true,
        [off.device.id]: false,
      });
      socket.close();
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('shares the login rate limit between instances', async () => {
    if (!available) return;
    // The forwarded address counts only from a configured proxy (#13.8); the test client is one.
    const trustLoopback = { SWITCHBOARD_TRUST_PROXY: 'loopback' };
    const a = await createTestApp({ redis: REDIS_URL, loginRateLimit: 4, instanceId: 'limit-a', env: trustLoopback });
    const b = await createTestApp({
      redis: REDIS_URL,
      database: a.database,
      seed: false,
      loginRateLimit: 4,
      instanceId: 'limit-b',
      env: trustLoopback,
    });
    try {
      // A unique forwarded address per run keeps the Redis counter fresh.
      const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (
            await a
              .http()
              .post('/api/auth/login')
              .set('X-Forwarded-For', ip)
              .send({ email: 'x@test.local', password: 'wrong' })
          ).status,
        );
      for (let i = 0; i < 3; i++)
        statuses.push(
          (
            await b
              .http()
              .post('/api/auth/login')
              .set('X-Forwarded-For', ip)
              .send({ email: 'x@test.local', password: 'wrong' })
          ).status,
        );
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses.slice(4)).toEqual([429, 429]);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
