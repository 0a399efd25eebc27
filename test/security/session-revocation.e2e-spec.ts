import { createTestApp, TestApp } from '@switchboard/testing';

jest.setTimeout(30_000);

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('#13.7 session revocation: logout and password changes end sessions', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 1000 });
  });
  afterAll(() => t.close());

  async function newTechnician(password = 'Tech-Sessions-Passw0rd!') {
    const email = `sessions${++seq}@test.local`;
    const res = await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .send({ name: `Tech ${seq}`, email, password, role: 'technician' })
      .expect(201);
    return { id: res.body.id as string, email, password };
  }

  async function login(email: string, password: string) {
    const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
    return { token: res.body.accessToken as string, cookie: String(res.headers['set-cookie']).split(';')[0] };
  }

  const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token));

  it('#13.7 logout (bearer) ends that session only; another session of the same account stays', async () => {
    const acc = await newTechnician();
    const first = await login(acc.email, acc.password);
    const second = await login(acc.email, acc.password);
    expect(first.token).not.toBe(second.token);
    await me(first.token).expect(200);

    await t.http().post('/api/auth/logout').set(bearer(first.token)).expect(204);

    const gone = await me(first.token).expect(401);
    expect(gone.body.message).toMatch(/session/i);
    await me(second.token).expect(200);
  });

  it('#13.7 logout (cookie) ends the session the cookie carries', async () => {
    const acc = await newTechnician();
    const web = await login(acc.email, acc.password);
    await t.http().get('/api/auth/me').set('Cookie', web.cookie).expect(200);
    const out = await t.http().post('/api/auth/logout').set('Cookie', web.cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/sb_token=;/);
    // A copy of the cookie kept by an attacker (or a second tab) is dead too.
    await t.http().get('/api/auth/me').set('Cookie', web.cookie).expect(401);
    await me(web.token).expect(401);
  });

  it('#13.7 logout without a session, or with garbage, is still a 204', async () => {
    await t.http().post('/api/auth/logout').expect(204);
    await t.http().post('/api/auth/logout').set(bearer('not-a-jwt')).expect(204);
  });

  it('#13.7 a password change ends every session of the account; the new password signs in', async () => {
    const acc = await newTechnician();
    const a = await login(acc.email, acc.password);
    const b = await login(acc.email, acc.password);
    const untouched = await login(t.technician.email, t.technician.password);

    await t
      .http()
      .patch(`/api/accounts/${acc.id}`)
      .set(bearer(t.adminToken))
      .send({ password: 'Changed-Passw0rd-After!' })
      .expect(200);

    await me(a.token).expect(401);
    await me(b.token).expect(401);
    await me(untouched.token).expect(200); // other accounts are not affected
    await t.http().post('/api/auth/login').send({ email: acc.email, password: acc.password }).expect(401);
    const fresh = await login(acc.email, 'Changed-Passw0rd-After!');
    await me(fresh.token).expect(200);
  });

  it('#13.7 deactivation ends every session, and reactivating does not bring the old tokens back', async () => {
    const acc = await newTechnician();
    const old = await login(acc.email, acc.password);
    await t.http().patch(`/api/accounts/${acc.id}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
    await me(old.token).expect(401);
    await t.http().patch(`/api/accounts/${acc.id}`).set(bearer(t.adminToken)).send({ active: true }).expect(200);
    await me(old.token).expect(401);
    const fresh = await login(acc.email, acc.password);
    await me(fresh.token).expect(200);
  });

  it('#13.7 a change of role or companies keeps the session (its scope is read per request)', async () => {
    const acc = await newTechnician();
    const s = await login(acc.email, acc.password);
    await t
      .http()
      .patch(`/api/accounts/${acc.id}`)
      .set(bearer(t.adminToken))
      .send({ allCompanies: false, companyIds: [] })
      .expect(200);
    await me(s.token).expect(200);
  });

  it('#13.7 a revoked session stays revoked until its token expires (then the token is refused anyway)', async () => {
    const acc = await newTechnician();
    const s = await login(acc.email, acc.password);
    await t.http().post('/api/auth/logout').set(bearer(s.token)).expect(204);
    await me(s.token).expect(401);
    t.clock.advance((t.config.sessionTtlSeconds + 60) * 1000);
    await me(s.token).expect(401);
    // New sessions after the clock moved work as usual.
    const fresh = await login(acc.email, acc.password);
    await me(fresh.token).expect(200);
  });
});
