import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createTestApp,
  createTestDatabase,
  freePort,
  REPO_ROOT,
  type TestApp,
  type TestDatabase,
} from '@switchboard/testing';
import { DEMO_PASSWORD } from '../../apps/api/src/bootstrap/demo-data.service';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
let n = 0;

/** #13.9: the last ACTIVE administrator can be neither demoted, deactivated nor deleted, even by two racing requests. */
describe('#13.9 last-admin guard counts only active admins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function newAdmin() {
    const email = `admin-${++n}@last-admin.example`;
    const body = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({ name: `Admin ${n}`, email, password: 'correct horse battery', role: 'admin' })
        .expect(201)
    ).body;
    return { id: body.id as string, token: t.tokenFor(body.id) };
  }

  async function activeAdmins(token: string): Promise<string[]> {
    const res = await t.http().get('/api/accounts?limit=200').set(auth(token)).expect(200);
    return res.body.items.filter((a: any) => a.role === 'admin' && a.active).map((a: any) => a.id);
  }

  it('#13.9 with one other admin deactivated, the last active admin cannot be demoted, deactivated or deleted', async () => {
    const other = await newAdmin();
    await t.http().patch(`/api/accounts/${other.id}`).set(auth(t.adminToken)).send({ active: false }).expect(200);
    expect(await activeAdmins(t.adminToken)).toEqual([t.admin.id]);

    const demote = await t
      .http()
      .patch(`/api/accounts/${t.admin.id}`)
      .set(auth(t.adminToken))
      .send({ role: 'technician' });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toMatch(/last active administrator/);
    const deactivate = await t
      .http()
      .patch(`/api/accounts/${t.admin.id}`)
      .set(auth(t.adminToken))
      .send({ active: false });
    expect(deactivate.status).toBe(409);
    const remove = await t.http().delete(`/api/accounts/${t.admin.id}`).set(auth(t.adminToken));
    expect(remove.status).toBe(409);
    expect(await activeAdmins(t.adminToken)).toEqual([t.admin.id]);

    // Reactivating the other admin makes the change allowed again; the deactivated admin itself may be changed freely.
    await t.http().patch(`/api/accounts/${other.id}`).set(auth(t.adminToken)).send({ role: 'technician' }).expect(200);
  });

  it('#13.9 two concurrent demotions of the last two active admins cannot both pass', async () => {
    let survivor = { id: t.admin.id, token: t.adminToken };
    for (let round = 0; round < 5; round++) {
      const a = await newAdminBy(survivor.token);
      const b = await newAdminBy(survivor.token);
      // Only a and b are active admins now.
      await t.http().patch(`/api/accounts/${survivor.id}`).set(auth(a.token)).send({ active: false }).expect(200);
      expect((await activeAdmins(a.token)).sort()).toEqual([a.id, b.id].sort());

      const [ra, rb] = await Promise.all([
        t.http().patch(`/api/accounts/${a.id}`).set(auth(b.token)).send({ role: 'technician' }),
        t.http().patch(`/api/accounts/${b.id}`).set(auth(a.token)).send({ active: false }),
      ]);
      expect([ra.status, rb.status].filter((s) => s === 200).length).toBeLessThanOrEqual(1);
      const left = await activeAdmins(t.tokenFor((await anyAdminId([a.id, b.id]))!));
      expect(left.length).toBe(1);
      survivor = { id: left[0], token: t.tokenFor(left[0]) };
    }
  });

  async function newAdminBy(token: string) {
    const email = `admin-${++n}@last-admin.example`;
    const res = await t
      .http()
      .post('/api/accounts')
      .set(auth(token))
      .send({ name: `Admin ${n}`, email, password: 'correct horse battery', role: 'admin' })
      .expect(201);
    return { id: res.body.id as string, token: t.tokenFor(res.body.id) };
  }

  /** One of these that is still an active admin (to read the list with). */
  async function anyAdminId(ids: string[]): Promise<string | undefined> {
    for (const id of ids) {
      const res = await t
        .http()
        .get('/api/accounts?limit=200')
        .set(auth(t.tokenFor(id)));
      if (res.status === 200) return id;
    }
    return undefined;
  }
});

/** The real entry point (apps/api/src/main.ts, as `npm start` runs it) in a child process, on the test's database. */
function start(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['-r', join(REPO_ROOT, 'scripts/register.cjs'), join(REPO_ROOT, 'apps/api/src/main.ts')],
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', SWITCHBOARD_PLUGINS: '', ...env } },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = async () => {
    const end = Date.now() + 45_000;
    while (!/Switchboard listening/.test(out)) {
      if (Date.now() > end || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`server did not start; output:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { listening, stop, output: () => out };
}

describe('#13.9 the environment admin is the recovery path, whatever SWITCHBOARD_DEMO says', () => {
  jest.setTimeout(120_000);
  const BOSS = { email: 'boss@example.com', password: 'boss-recovery-password-2026' };
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  async function boot(db: TestDatabase, demo: boolean, email = BOSS.email) {
    const port = String(await freePort());
    const p = start({
      PORT: port,
      DATABASE_URL: db.url,
      SWITCHBOARD_DATA_DIR: db.dataDir,
      SWITCHBOARD_DEMO: String(demo),
      SWITCHBOARD_ADMIN_EMAIL: email,
      SWITCHBOARD_ADMIN_PASSWORD: BOSS.password,
    });
    await p.listening();
    const base = `http://127.0.0.1:${port}`;
    const login = async (email: string, password: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return { status: res.status, token: res.ok ? ((await res.json()) as { accessToken: string }).accessToken : '' };
    };
    const api = (token: string, path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    return { ...p, login, api };
  }

  async function freshDatabase() {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }

  it.each([true, false])(
    '#13.9 on an empty database with SWITCHBOARD_DEMO=%s the environment admin signs in',
    async (demo) => {
      const s = await boot(await freshDatabase(), demo);
      try {
        expect((await s.login(BOSS.email, BOSS.password)).status).toBe(200);
        // Demo data is still added next to it when asked for.
        expect((await s.login('admin@switchboard.local', DEMO_PASSWORD)).status).toBe(demo ? 200 : 401);
      } finally {
        await s.stop();
      }
    },
  );

  it('#13.9 the environment admin may use the demo admin address: it starts and keeps the environment password', async () => {
    const s = await boot(await freshDatabase(), true, 'admin@switchboard.local');
    try {
      expect((await s.login('admin@switchboard.local', BOSS.password)).status).toBe(200);
      expect((await s.login('tina@switchboard.local', DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('#13.9 a restart restores a demoted, deactivated environment admin whose password was changed', async () => {
    const db = await freshDatabase();
    const first = await boot(db, true);
    try {
      const demoAdmin = await first.login('admin@switchboard.local', DEMO_PASSWORD);
      expect(demoAdmin.status).toBe(200);
      const list = (await (await first.api(demoAdmin.token, '/api/accounts?limit=200')).json()) as {
        items: Array<{ id: string; email: string }>;
      };
      const boss = list.items.find((a) => a.email === BOSS.email)!;
      const res = await first.api(demoAdmin.token, `/api/accounts/${boss.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ role: 'technician', active: false, password: 'somebody-else-chose-this' }),
      });
      expect(res.status).toBe(200);
      expect((await first.login(BOSS.email, BOSS.password)).status).toBe(401);
    } finally {
      await first.stop();
    }

    const second = await boot(db, true);
    try {
      const boss = await second.login(BOSS.email, BOSS.password);
      expect(boss.status).toBe(200);
      const me = (await (await second.api(boss.token, '/api/accounts?limit=200')).json()) as {
        items: Array<{ email: string; role: string; active: boolean; allCompanies: boolean }>;
      };
      expect(me.items.find((a) => a.email === BOSS.email)).toMatchObject({
        role: 'admin',
        active: true,
        allCompanies: true,
      });
      expect(second.output()).toMatch(/Recovered the administrator boss@example\.com/);
    } finally {
      await second.stop();
    }
  });
});
