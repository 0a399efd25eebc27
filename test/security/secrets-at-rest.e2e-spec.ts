import { JwtService } from '@nestjs/jwt';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelInstanceService, PluginInstallationEntity, PluginRegistry } from '@switchboard/plugin-host';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';

const EMAIL_PLUGIN = { name: 'plugins/channel-email', enable: true };
const KEY_1 = 'first-secret-key-0123456789abcdefghijklmnop';
const KEY_2 = 'second-secret-key-0123456789abcdefghijklmno';
const KEY_3 = 'unrelated-secret-key-0123456789abcdefghijkl';
const RELAY_PASSWORD = 'relay-pa55word-in-clear';
const RELAY = `smtp://helpdesk:${RELAY_PASSWORD}@127.0.0.1:2`;
const WEBHOOK_SECRET = 'webhook-secret-in-clear-0123456789';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ENVELOPE = /^enc:v1:([0-9a-f]{8}):/;
const LEGACY_JWT = 'legacy-plaintext-signing-key-0123456789abcdef';

/** The rows as stored, read straight from the database (no service in between). */
async function rowsOf(t: TestApp) {
  const ds = t.get(DataSource);
  const system = (await ds.query('SELECT * FROM system_secrets')) as Array<{ key: string; value: string }>;
  const plugin = await ds.getRepository(PluginInstallationEntity).findOneByOrFail({ pluginId: 'channel-email' });
  const instances = (await ds.query('SELECT * FROM channel_instances')) as Array<{ id: string; config: unknown }>;
  const config = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, string>;
  return {
    jwt: system.find((r) => r.key === 'jwt')!.value,
    relayUrl: String(plugin.settings.relayUrl),
    webhookSecret: config(instances[0].config).secret,
    everything: JSON.stringify({ system, plugin, instances }),
  };
}

/**
 * #13.15: the session signing key, webhook secrets and plugin settings of type `secret` are stored
 * sealed (AES-256-GCM, `enc:v1:<kid>:…`) under SWITCHBOARD_SECRET_KEY, and the key rotates.
 */
describe('#13.15 Secrets at rest', () => {
  let db: TestDatabase;
  let t: TestApp | undefined;
  let adminToken: string;
  let adminId: string;
  let instanceId: string;
  let firstKid: string;

  const boot = async (env: Record<string, string>, seed = false) => {
    await t?.close();
    t = undefined;
    t = await createTestApp({
      database: db,
      plugins: [EMAIL_PLUGIN],
      seed,
      env: { SWITCHBOARD_SMTP_PORT: '0', SWITCHBOARD_SMTP_RELAY: RELAY, ...env },
    });
    return t;
  };
  /** Everything this instance reads back in clear, through the code paths that use it. */
  const expectReadsSecrets = async (app: TestApp) => {
    await app.http().get('/api/auth/me').set(bearer(adminToken)).expect(200);
    const instance = await app.get(ChannelInstanceService).resolve(instanceId);
    expect(instance?.config.secret).toBe(WEBHOOK_SECRET);
    const plugin = app.get(PluginRegistry).get('channel-email');
    expect(plugin?.active?.context.settings.get('relayUrl')).toBe(RELAY);
    const view = await app.http().get('/api/plugins/channel-email').set(bearer(adminToken)).expect(200);
    expect(view.body).toMatchObject({ status: 'enabled', settings: { relayUrl: '********' } });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('stores the signing key, webhook secrets and secret plugin settings encrypted (no plaintext in the rows)', async () => {
    const app = await boot({ SWITCHBOARD_SECRET_KEY: KEY_1 }, true);
    adminToken = app.adminToken;
    adminId = app.admin.id;
    const created = await app
      .http()
      .post('/api/channel-instances')
      .set(bearer(adminToken))
      .send({ pluginId: 'channel-email', name: 'Provider', config: { secret: WEBHOOK_SECRET } })
      .expect(201);
    instanceId = created.body.id;
    expect(created.body.config.secret).toBe('********');

    const rows = await rowsOf(app);
    for (const value of [rows.jwt, rows.relayUrl, rows.webhookSecret]) expect(value).toMatch(ENVELOPE);
    expect(rows.everything).not.toContain(RELAY_PASSWORD);
    expect(rows.everything).not.toContain(WEBHOOK_SECRET);
    firstKid = ENVELOPE.exec(rows.jwt)![1];
    expect(ENVELOPE.exec(rows.relayUrl)![1]).toBe(firstKid);

    // Never in clear to the UI either.
    const list = await app.http().get('/api/plugins').set(bearer(adminToken)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(RELAY_PASSWORD);
    const instances = await app.http().get('/api/channel-instances').set(bearer(adminToken)).expect(200);
    expect(JSON.stringify(instances.body)).not.toContain(WEBHOOK_SECRET);
  });

  it('a restart with the same key reads them (the session issued before still verifies)', async () => {
    await expectReadsSecrets(await boot({ SWITCHBOARD_SECRET_KEY: KEY_1 }));
  });

  it('rotation: a new key plus the previous one reads and re-encrypts; then the new key alone still reads', async () => {
    const rotating = await boot({ SWITCHBOARD_SECRET_KEY: KEY_2, SWITCHBOARD_SECRET_KEY_PREVIOUS: KEY_1 });
    await expectReadsSecrets(rotating);
    const rows = await rowsOf(rotating);
    const kids = [rows.jwt, rows.relayUrl, rows.webhookSecret].map((v) => ENVELOPE.exec(v)?.[1]);
    expect(new Set(kids).size).toBe(1);
    expect(kids[0]).not.toBe(firstKid);
    expect(rows.everything).not.toContain(RELAY_PASSWORD);

    await expectReadsSecrets(await boot({ SWITCHBOARD_SECRET_KEY: KEY_2 }));
  });

  it('a wrong key is a clear start error, not silent garbage', async () => {
    await t?.close();
    t = undefined;
    await expect(
      createTestApp({ database: db, plugins: [EMAIL_PLUGIN], seed: false, env: { SWITCHBOARD_SECRET_KEY: KEY_3 } }),
    ).rejects.toThrow(/encrypted with key id [0-9a-f]{8}, which is neither SWITCHBOARD_SECRET_KEY nor/);
  });

  it('plaintext rows from before encryption are encrypted at start (idempotent) and still read', async () => {
    const app = await boot({ SWITCHBOARD_SECRET_KEY: KEY_2 });
    const ds = app.get(DataSource);
    const plugin = await ds.getRepository(PluginInstallationEntity).findOneByOrFail({ pluginId: 'channel-email' });
    await ds
      .getRepository(PluginInstallationEntity)
      .update(plugin.id, { settings: { ...plugin.settings, relayUrl: RELAY } });
    const param = ds.options.type === 'postgres' ? '$1' : '?';
    await ds.query(`UPDATE channel_instances SET config = ${param}`, [JSON.stringify({ secret: WEBHOOK_SECRET })]);
    await ds.query(`UPDATE system_secrets SET value = ${param} WHERE "key" = 'jwt'`, [LEGACY_JWT]);
    expect((await rowsOf(app)).everything).toContain(RELAY_PASSWORD);

    for (let restart = 0; restart < 2; restart++) {
      const next = await boot({ SWITCHBOARD_SECRET_KEY: KEY_2 });
      const rows = await rowsOf(next);
      expect(rows.jwt).toMatch(ENVELOPE);
      // The legacy key is what signs sessions now (and a session from the previous restart still verifies).
      if (restart === 1) await next.http().get('/api/auth/me').set(bearer(adminToken)).expect(200);
      adminToken = next.tokenFor(adminId);
      expect(() => new JwtService().verify(adminToken, { secret: LEGACY_JWT, ignoreExpiration: true })).not.toThrow();
      expect(rows.relayUrl).toMatch(ENVELOPE);
      expect(rows.webhookSecret).toMatch(ENVELOPE);
      expect(rows.everything).not.toContain(RELAY_PASSWORD);
      expect(rows.everything).not.toContain(WEBHOOK_SECRET);
      expect(rows.everything).not.toContain(LEGACY_JWT);
      await expectReadsSecrets(next);
    }
  });

  it('without SWITCHBOARD_SECRET_KEY a key is generated into the data folder (0600) and reused on restart', async () => {
    await t?.close();
    t = undefined;
    const own = await createTestDatabase();
    try {
      const first = await createTestApp({
        database: own,
        plugins: [EMAIL_PLUGIN],
        env: { SWITCHBOARD_SMTP_RELAY: RELAY },
      });
      const token = first.adminToken;
      const file = join(own.dataDir, 'secret.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(
        (await rowsOf(first).catch(() => null))?.jwt ??
          (await first.get(DataSource).query('SELECT * FROM system_secrets'))[0].value,
      ).toMatch(ENVELOPE);
      await first.close();
      const second = await createTestApp({ database: own, plugins: [EMAIL_PLUGIN], seed: false });
      try {
        await second.http().get('/api/auth/me').set(bearer(token)).expect(200);
        expect(second.get(PluginRegistry).get('channel-email')?.active?.context.settings.get('relayUrl')).toBe(RELAY);
      } finally {
        await second.close();
      }
    } finally {
      await own.drop();
    }
  });
});
