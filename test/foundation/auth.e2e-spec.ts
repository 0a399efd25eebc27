import { createTestApp, TestApp } from '@switchboard/testing';

describe('auth: login, sessions, guards', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 5 });
  });
  afterAll(() => t.close());

  it('logs in with a bearer token and an httpOnly cookie', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: t.admin.email, password: t.admin.password })
      .expect(200);
    expect(typeof res.body.accessToken).toBe('string');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sb_token=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const byBearer = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(byBearer.body).toMatchObject({ email: t.admin.email, role: 'admin' });
    expect(byBearer.body.passwordHash).toBeUndefined();
    const byCookie = await t.http().get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(byCookie.body.id).toBe(t.admin.id);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const wrongPassword = await t
      .http()
      .post('/api/auth/login')
      .send({ email: t.admin.email, password: 'nope-nope' })
      .expect(401);
    const unknownEmail = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'ghost@test.local', password: 'nope-nope' })
      .expect(401);
    expect(wrongPassword.body.message).toBe('Invalid email or password');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('answers 400 naming the field for a malformed login body', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details.fieldErrors.email[0]).toMatch(/email/);
  });

  it('rejects requests without a session, with a garbage token and with an expired token', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/companies').set('Authorization', 'Bearer garbage').expect(401);
    const token = t.tokenFor(t.technician.id);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    t.clock.advance(13 * 3600_000); // past the 12 h session lifetime
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('denies admin routes to technicians (role guard)', async () => {
    const tech = t.tokenFor(t.technician.id);
    const res = await t
      .http()
      .post('/api/companies')
      .set('Authorization', `Bearer ${tech}`)
      .send({ name: 'Nope Inc' })
      .expect(403);
    expect(res.body.message).toMatch(/admin/);
    await t.http().get('/api/accounts').set('Authorization', `Bearer ${tech}`).expect(403);
    await t.http().get('/api/settings').set('Authorization', `Bearer ${tech}`).expect(403);
    await t.http().get('/api/plugins').set('Authorization', `Bearer ${tech}`).expect(403);
  });

  it('stops honouring a session when the account is deactivated', async () => {
    const admin = t.tokenFor(t.admin.id);
    const created = await t
      .http()
      .post('/api/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Short Lived', email: 'short@test.local', password: 'short-lived-1', role: 'technician' })
      .expect(201);
    const token = t.tokenFor(created.body.id);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t
      .http()
      .patch(`/api/accounts/${created.body.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ active: false })
      .expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('rate-limits login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await t.http().post('/api/auth/login').send({ email: t.technician.email, password: 'wrong-password' })).status,
      );
    }
    expect(statuses).toContain(429);
    const limited = await t
      .http()
      .post('/api/auth/login')
      .send({ email: t.technician.email, password: t.technician.password });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('TOO_MANY_REQUESTS');
  });

  it('logout clears the cookie', async () => {
    const res = await t.http().post('/api/auth/logout').expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/sb_token=;/);
  });
});
