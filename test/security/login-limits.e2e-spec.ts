// #13.8: the login rate limit and the per-account lockout. The address is the socket's unless
// SWITCHBOARD_TRUST_PROXY names the proxies allowed to set X-Forwarded-For. Time is the FakeClock.
// With REDIS_URL set the lockout state lives in Redis, else in the database.
import { createTestApp, type TestApp, type TestAppOptions } from '@switchboard/testing';

jest.setTimeout(60_000);

const REDIS = !!process.env.REDIS_URL;
const TRUST_LOOPBACK = { SWITCHBOARD_TRUST_PROXY: 'loopback' };
const MINUTE = 60_000;

function login(t: TestApp, email: string, password: string, forwardedFor?: string) {
  const req = t.http().post('/api/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password });
}

async function statuses(t: TestApp, n: number, email: string, password: string, forwardedFor?: (i: number) => string) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await login(t, email, password, forwardedFor?.(i))).status);
  return out;
}

describe('#13.8 login rate limit: X-Forwarded-For is believed only from configured proxies', () => {
  const apps: TestApp[] = [];
  const start = async (options: TestAppOptions) => {
    const t = await createTestApp({ redis: REDIS, ...options });
    apps.push(t);
    return t;
  };
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  it('a spoofed X-Forwarded-For does not reset the per-address limit when trust proxy is off (the default)', async () => {
    const t = await start({ loginRateLimit: 3 });
    const seen = await statuses(t, 5, 'nobody@test.local', 'wrong-password', (i) => `203.0.113.${i + 1}`);
    expect(seen).toEqual([401, 401, 401, 429, 429]);
    const limited = await login(t, 'nobody@test.local', 'wrong-password', '198.51.100.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('with SWITCHBOARD_TRUST_PROXY=loopback the forwarded address is the client', async () => {
    const t = await start({ loginRateLimit: 3, env: TRUST_LOOPBACK });
    expect(await statuses(t, 4, 'nobody@test.local', 'wrong-password', () => '203.0.113.50')).toEqual([
      401, 401, 401, 429,
    ]);
    expect((await login(t, 'nobody@test.local', 'wrong-password', '203.0.113.51')).status).toBe(401);
  });
});

describe('#13.8 login lockout: per account+address with backoff, plus a slower per-account limit', () => {
  let t: TestApp;
  const attacker = '203.0.113.66';
  const user = '198.51.100.20';

  beforeEach(async () => {
    // A generous per-address limit isolates the lockout from it.
    t = await createTestApp({ redis: REDIS, loginRateLimit: 10_000, env: TRUST_LOOPBACK });
  });
  afterEach(() => t?.close());

  it('locks account+address after 5 failures with a doubling Retry-After, and the lock ends after the backoff', async () => {
    const { email, password } = t.seed.technician;
    expect(await statuses(t, 5, email, 'wrong-password', () => attacker)).toEqual([401, 401, 401, 401, 401]);

    const locked = await login(t, email, password, attacker);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      error: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in 60 s/),
    });
    expect(locked.headers['retry-after']).toBe('60');

    t.clock.advance(59_000);
    expect((await login(t, email, password, attacker)).status).toBe(429);
    t.clock.advance(1_000);
    // The lock is over; one more failure locks again, twice as long.
    expect((await login(t, email, 'wrong-password', attacker)).status).toBe(401);
    expect((await login(t, email, password, attacker)).headers['retry-after']).toBe('120');
    t.clock.advance(2 * MINUTE);
    expect((await login(t, email, 'wrong-password', attacker)).headers['retry-after']).toBeUndefined();
    expect((await login(t, email, password, attacker)).headers['retry-after']).toBe('240');
    // Backoff is capped at 15 minutes.
    for (let i = 0; i < 6; i++) {
      t.clock.advance(15 * MINUTE);
      await login(t, email, 'wrong-password', attacker);
    }
    expect((await login(t, email, password, attacker)).headers['retry-after']).toBe('900');
    t.clock.advance(15 * MINUTE);
    // A success ends the backoff for that address: the next mistake is a plain 401 again.
    expect((await login(t, email, password, attacker)).status).toBe(200);
    expect((await login(t, email, 'wrong-password', attacker)).status).toBe(401);
    expect((await login(t, email, password, attacker)).status).toBe(200);
  });

  it('the real user signs in from another address while an attacker hammers from one', async () => {
    const { email, password } = t.seed.technician;
    const hammer = await statuses(t, 30, email, 'wrong-password', () => attacker);
    expect(hammer.filter((s) => s === 401)).toHaveLength(5);
    expect(hammer.slice(5).every((s) => s === 429)).toBe(true);
    expect((await login(t, email, password, user)).status).toBe(200);
    // Keeping it up for hours from one address never reaches the per-account limit.
    for (let i = 0; i < 16; i++) {
      t.clock.advance(15 * MINUTE);
      await login(t, email, 'wrong-password', attacker);
    }
    expect((await login(t, email, password, user)).status).toBe(200);
  });

  it('20 failures from many addresses lock the account for everyone for 15 minutes, then it opens again', async () => {
    const { email, password } = t.seed.technician;
    for (let a = 1; a <= 4; a++)
      expect(await statuses(t, 5, email, 'wrong-password', () => `203.0.113.${100 + a}`)).toEqual([
        401, 401, 401, 401, 401,
      ]);
    const locked = await login(t, email, password, user);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    // Another account is not affected.
    expect((await login(t, t.seed.admin.email, t.seed.admin.password, user)).status).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await login(t, email, password, user)).status).toBe(200);
  });

  it('the lockout is shared by a second instance (same database, or Redis)', async () => {
    const b = await createTestApp({
      redis: REDIS,
      database: t.database,
      seed: false,
      clock: t.clock,
      loginRateLimit: 10_000,
      env: TRUST_LOOPBACK,
    });
    try {
      const { email, password } = t.seed.technician;
      expect(await statuses(t, 5, email, 'wrong-password', () => attacker)).toEqual([401, 401, 401, 401, 401]);
      expect((await login(b, email, password, attacker)).status).toBe(429);
      expect((await login(b, email, password, user)).status).toBe(200);
    } finally {
      await b.close();
    }
  });
});
