import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '@switchboard/testing';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
let n = 0;

/** #13.11: at least 12 characters, no common password, argon2id (no 72-byte cut), bcrypt rehashed at sign-in. */
describe('#13.11 passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const create = (password: string) =>
    t
      .http()
      .post('/api/accounts')
      .set(auth(t.adminToken))
      .send({ name: 'Pat', email: `pat-${++n}@passwords.example`, password, role: 'technician' });
  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });
  const storedHash = async (id: string): Promise<string> => {
    const sql = `SELECT "passwordHash" FROM "accounts" WHERE "id" = ${t.config.driver === 'postgres' ? '$1' : '?'}`;
    return (await t.get(DataSource).query(sql, [id]))[0].passwordHash;
  };

  it('#13.11 fewer than 12 characters: 400 naming the rule', async () => {
    const res = await create('elevenchars');
    expect(res.status).toBe(400);
    expect(res.body.details.fieldErrors.password).toEqual(['password must be at least 12 characters']);
  });

  it.each(['password1234', 'qwertyuiopasdfgh', 'aaaaaaaaaaaaaaaa', 'iloveyou1234'])(
    '#13.11 a common or trivially guessable password (%s): 400 naming the rule',
    async (password) => {
      const res = await create(password);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/password is too common or too easy to guess/);
    },
  );

  it('#13.11 the same rules when changing a password', async () => {
    const res = await t
      .http()
      .patch(`/api/accounts/${t.technician.id}`)
      .set(auth(t.adminToken))
      .send({ password: 'password1234' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/too common/);
  });

  it('#13.11 bytes after the 72nd count: argon2id, not bcrypt', async () => {
    const password = randomBytes(50).toString('hex'); // 100 characters
    const res = await create(password);
    expect(res.status).toBe(201);
    expect(await storedHash(res.body.id)).toMatch(/^\$argon2id\$/);
    expect((await login(res.body.email, password)).status).toBe(200);
    expect((await login(res.body.email, `${password.slice(0, 72)}-something-else`)).status).toBe(401);
  });

  it('#13.11 a bcrypt hash still signs in once and is replaced by argon2id', async () => {
    const res = await create('legacy-password-2019');
    expect(res.status).toBe(201);
    const sql = `UPDATE "accounts" SET "passwordHash" = ${t.config.driver === 'postgres' ? '$1 WHERE "id" = $2' : '? WHERE "id" = ?'}`;
    await t.get(DataSource).query(sql, [await bcrypt.hash('legacy-password-2019', 10), res.body.id]);
    expect(await storedHash(res.body.id)).toMatch(/^\$2[aby]\$/);

    expect((await login(res.body.email, 'wrong-password-2019')).status).toBe(401);
    expect(await storedHash(res.body.id)).toMatch(/^\$2[aby]\$/);
    expect((await login(res.body.email, 'legacy-password-2019')).status).toBe(200);
    expect(await storedHash(res.body.id)).toMatch(/^\$argon2id\$/);
    expect((await login(res.body.email, 'legacy-password-2019')).status).toBe(200);
  });
});
