import { createServer, type Server, type Socket, connect } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { PluginInstallationEntity, PluginRegistry } from '@switchboard/plugin-host';
import { createTestApp, createTestDatabase, eventually, type TestApp, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { BrowserPages, hasChromium, launchBrowser } from '../browser/browser.helper';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const fixture = (name: string, enable: boolean) => ({ name: `test/fixtures/plugins/${name}`, enable });
const EMAIL_PLUGIN = { name: 'plugins/channel-email', enable: true };
const BEFORE_SDK_1_3 = ['channel.ingest', 'mail.transport'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s: Server = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The first line an SMTP server sends, or the connection error code (ECONNREFUSED: nothing listens). */
function smtpGreeting(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setTimeout(5000);
    socket.once('data', (data) => {
      resolve(data.toString('utf8').split('\r\n')[0]);
      socket.destroy();
    });
    socket.once('timeout', () => {
      resolve('timeout');
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** #13.14: sockets a plugin opens are permissions (`net:listen`, `net:connect`) the admin grants. */
describe('#13.14 Plugin network permissions', () => {
  describe('the email plugin', () => {
    let db: TestDatabase;
    let t: TestApp | undefined;
    let port: number;
    let adminToken: string;
    const boot = async (seed: boolean) => {
      await t?.close();
      t = await createTestApp({
        database: db,
        plugins: [EMAIL_PLUGIN],
        seed,
        env: { SWITCHBOARD_SMTP_PORT: String(port), SWITCHBOARD_SMTP_HOST: '127.0.0.1' },
      });
      return t;
    };
    beforeAll(async () => {
      db = await createTestDatabase();
      port = await freePort();
    });
    afterAll(async () => {
      await t?.close();
      await db?.drop();
    });

    it('requests net:listen and net:connect; granted, its SMTP listener answers', async () => {
      const app = await boot(true);
      adminToken = app.adminToken;
      const view = await app.http().get('/api/plugins/channel-email').set(bearer(adminToken)).expect(200);
      expect(view.body.permissions).toEqual(expect.arrayContaining(['net:listen', 'net:connect']));
      expect(view.body).toMatchObject({ status: 'enabled' });
      expect(await smtpGreeting(port)).toMatch(/^220 /);
    });

    it('an installation granted before net:listen existed does not listen; the plugin page says which grant is missing', async () => {
      const ds = t!.get(DataSource);
      await ds.getRepository(PluginInstallationEntity).update(
        { pluginId: 'channel-email' },
        {
          grantedPermissions: BEFORE_SDK_1_3,
        },
      );
      const app = await boot(false);
      const view = await app.http().get('/api/plugins/channel-email').set(bearer(adminToken)).expect(200);
      expect(view.body).toMatchObject({ status: 'disabled' });
      expect(view.body.statusReason).toMatch(/Permissions not granted: .*net:listen/);
      expect(await smtpGreeting(port)).toBe('ECONNREFUSED');

      const refused = await app
        .http()
        .post('/api/plugins/channel-email/enable')
        .set(bearer(adminToken))
        .send({ grantPermissions: BEFORE_SDK_1_3 })
        .expect(400);
      expect(refused.body.message).toMatch(/net:listen/);

      const granted = await app
        .http()
        .post('/api/plugins/channel-email/enable')
        .set(bearer(adminToken))
        .send({ grantPermissions: view.body.permissions })
        .expect(200);
      expect(granted.body).toMatchObject({ status: 'enabled' });
      expect(await smtpGreeting(port)).toMatch(/^220 /);
    });
  });

  describe('ctx.net and ctx.http.fetch', () => {
    let t: TestApp;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      t = await createTestApp({
        plugins: [fixture('net-undeclared-listener', true), fixture('net-fetcher', true)],
        env: {},
      });
    });
    afterAll(() => t?.close());

    it('a plugin that listens without the net:listen grant is refused at start, with a clear reason', async () => {
      await t
        .http()
        .put('/api/plugins/net-undeclared-listener/settings')
        .set(bearer(t.adminToken))
        .send({ settings: { port } })
        .expect(200);
      const view = await t.http().get('/api/plugins/net-undeclared-listener').set(bearer(t.adminToken)).expect(200);
      expect(view.body).toMatchObject({ status: 'crashed' });
      expect(view.body.statusReason).toMatch(/net:listen/);
      expect(await smtpGreeting(port)).toBe('ECONNREFUSED');
    });

    it('ctx.net.assertConnect refuses a host that is not granted', () => {
      const ctx = t.get(PluginRegistry).get('net-fetcher')!.active!.context;
      expect(() => ctx.net.assertConnect('smtp.example.com', 587)).toThrow(/net:connect/);
    });

    it('ctx.http.fetch stops reading an endless body at its size limit and closes the connection', async () => {
      let closed = false;
      let sent = 0;
      const server = createHttpServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (!closed && res.write(chunk)) sent += chunk.length;
          if (!closed) res.once('drain', pump);
        };
        res.on('close', () => (closed = true));
        pump();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/endless`;
      try {
        const ctx = t.get(PluginRegistry).get('net-fetcher')!.active!.context;
        const started = Date.now();
        await expect(ctx.http.fetch(url, { timeoutMs: 60_000 })).rejects.toThrow(
          /exceeds 5242880 bytes; stopped reading it/,
        );
        expect(Date.now() - started).toBeLessThan(15_000);
        await eventually(() => expect(closed).toBe(true));
        expect(sent).toBeLessThan(64 * 1024 * 1024);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  // The built web UI (npm run build:web) in Chromium: each network permission says what it allows.
  (hasChromium() ? describe : describe.skip)('the admin plugin page (browser)', () => {
    let t: TestApp;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    const pages = new BrowserPages(
      () => browser,
      () => t.baseUrl,
    );
    beforeAll(async () => {
      t = await createTestApp({ web: true, plugins: [EMAIL_PLUGIN], env: { SWITCHBOARD_SMTP_PORT: '0' } });
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });
    afterEach(async () => expect(await pages.closeAll()).toEqual([]));

    for (const [locale, listen, connect] of [
      ['en-US', 'Accept network connections on any port', 'Open network connections to any host'],
      [
        'fr-FR',
        'Accepter des connexions réseau sur n’importe quel port',
        'Ouvrir des connexions réseau vers n’importe quel hôte',
      ],
    ]) {
      it(`shows net:listen and net:connect with what they allow (${locale})`, async () => {
        const page = await pages.open({ locale });
        await page.goto('/admin');
        await page.getByTestId('login-email').fill(t.admin.email);
        await page.getByTestId('login-password').fill(t.admin.password);
        await page.getByTestId('login-submit').click();
        const table = page.getByTestId('plugins-table');
        await table.waitFor();
        await table.locator('li[data-permission="net:listen"]').waitFor();
        expect(await table.locator('li[data-permission="net:listen"]').innerText()).toContain(listen);
        expect(await table.locator('li[data-permission="net:connect"]').innerText()).toContain(connect);
      }, 60_000);
    }
  });
});
