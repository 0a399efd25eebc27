// #13.5: cross-site requests with the technician's cookie. A page served from another port of the
// same host is same-site (ports do not count for SameSite=Lax), so the browser attaches the session
// cookie to its form posts, its credentialed fetches and its WebSocket handshakes. Real Chromium,
// real app, real sockets; a tiny node http server plays the attacker's site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { CompanyService, ContactService } from '@switchboard/core';
import { createTestApp, nextEvent, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser } from '../browser/browser.helper';
import { createCompanyWithPortal, createPortalApp } from '../portal/portal-helpers';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[csrf.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The attacker's site: every page is given by the test. */
async function attackerSite(pages: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = pages[(req.url ?? '/').split('?')[0]];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function accountExists(t: TestApp, email: string): Promise<boolean> {
  const res = await t.http().get('/api/accounts').set(bearer(t.adminToken)).expect(200);
  const list = (Array.isArray(res.body) ? res.body : (res.body.items ?? [])) as { email: string }[];
  return list.some((a) => a.email === email);
}

async function createTicket(t: TestApp, title: string): Promise<void> {
  const company = await t.get(CompanyService).create({ name: `CSRF Corp ${title}` });
  const contact = await t
    .get(ContactService)
    .create({ companyId: company.id, firstName: 'Vic', lastName: 'Tim', email: `vic.${Date.now()}@csrf.example` });
  await t
    .http()
    .post('/api/tickets')
    .set(bearer(t.technicianToken))
    .send({ title, description: 'internal details', requesterId: contact.id })
    .expect(201);
}

describeWithBrowser('#13.5 CSRF: a page on another origin cannot act with the technician cookie (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let attacker: Awaited<ReturnType<typeof attackerSite>>;

  const formEmail = 'csrf-form@evil.example';
  const plainEmail = 'csrf-plain@evil.example';
  const fetchEmail = 'csrf-fetch@evil.example';

  beforeAll(async () => {
    t = await createTestApp({ web: true });
    browser = await launchBrowser();
    pages = new BrowserPages(
      () => browser,
      () => t.baseUrl,
    );
    const target = `${t.baseUrl}/api/accounts`;
    const wsUrl = `${t.baseUrl.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    attacker = await attackerSite({
      // Classic form CSRF: urlencoded, auto-submitted.
      '/form': `<form id="f" method="POST" action="${target}">
          <input name="name" value="Mallory"><input name="email" value="${formEmail}">
          <input name="password" value="attacker-password-123"><input name="role" value="admin"></form>
          <script>document.getElementById('f').submit()</script>`,
      // JSON smuggled in a text/plain form (no preflight): {"name":"M",...,"x":"="}.
      '/plain': `<form id="f" method="POST" enctype="text/plain" action="${target}">
          <input name='{"name":"Mallory","email":"${plainEmail}","password":"attacker-password-123","role":"admin","x":"' value='"}'></form>
          <script>document.getElementById('f').submit()</script>`,
      // A credentialed no-cors fetch (the response is opaque, the side effect is not).
      '/fetch': `<script>
          window.done = Promise.all([
            fetch('${target}', { method: 'POST', mode: 'no-cors', credentials: 'include',
              body: new URLSearchParams({ name: 'Mallory', email: '${fetchEmail}', password: 'attacker-password-123', role: 'admin' }) }),
            fetch('${target}', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' },
              body: JSON.stringify({ name: 'Mallory', email: '${fetchEmail}', password: 'attacker-password-123', role: 'admin' }) }),
          ]).then(() => 'sent', (e) => 'failed: ' + e);
        </script>`,
      // socket.io's wire protocol over a raw WebSocket: the browser attaches the cookie to the handshake.
      '/socket': `<script>
          window.frames_ = [];
          const ws = new WebSocket('${wsUrl}');
          ws.onmessage = (m) => { window.frames_.push(m.data); if (String(m.data).startsWith('0')) ws.send('40/agent,'); if (m.data === '2') ws.send('3'); };
          ws.onclose = () => window.frames_.push('closed');
        </script>`,
    });
  });

  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await attacker?.close();
    await t?.close();
  });

  async function signedInAdminVisits(path: string): Promise<Page> {
    const page = await pages.signedIn(t.seed.admin, '/');
    await page.goto(`${attacker.origin}${path}`);
    return page;
  }

  it('an auto-submitted urlencoded form creates no admin account', async () => {
    const page = await signedInAdminVisits('/form');
    await page.waitForURL(`${t.baseUrl}/api/accounts`, { timeout: 10_000 });
    const answer = await page.locator('body').textContent();
    expect(answer).toMatch(/Cross-site request refused/);
    expect(await accountExists(t, formEmail)).toBe(false);
  });

  it('a text/plain form carrying JSON creates no admin account', async () => {
    const page = await signedInAdminVisits('/plain');
    await page.waitForURL(`${t.baseUrl}/api/accounts`, { timeout: 10_000 });
    expect(await page.locator('body').textContent()).toMatch(/Cross-site request refused/);
    expect(await accountExists(t, plainEmail)).toBe(false);
  });

  it('a credentialed fetch from the other origin creates no admin account', async () => {
    const page = await signedInAdminVisits('/fetch');
    // Settled either way: the opaque answer is now also blocked by Cross-Origin-Resource-Policy (#13.13).
    expect(await page.evaluate('window.done')).toMatch(/^(sent|failed)/);
    expect(await accountExists(t, fetchEmail)).toBe(false);
  });

  it('a WebSocket opened by the other origin with the cookie is refused and receives no ticket events', async () => {
    const page = await signedInAdminVisits('/socket');
    const frames = async () => (await page.evaluate('window.frames_')) as string[];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await frames()).some((f) => f.startsWith('40/agent') || f.startsWith('44/agent')))
      await new Promise((r) => setTimeout(r, 50));
    const answer = (await frames()).find((f) => f.startsWith('40/agent') || f.startsWith('44/agent'));
    expect(answer).toMatch(/^44\/agent,.*unauthorized/);
    await createTicket(t, 'Secret outage');
    await new Promise((r) => setTimeout(r, 500));
    expect((await frames()).filter((f) => f.includes('ticket.created'))).toEqual([]);
  });

  it('the real web UI on its own origin still signs in (a POST), goes live (cookie socket) and reads', async () => {
    const page = await pages.signedIn(t.seed.admin, '/');
    // signedIn waited for "online": the cookie-authenticated socket from our own origin connected.
    const res = await page.evaluate(async () => {
      const r = await fetch('/api/auth/me', { credentials: 'same-origin' });
      return r.status;
    });
    expect(res).toBe(200);
    expect(await pages.closeAll()).toEqual([]);
  });
});

describe('#13.5 CSRF: origin and content-type rules (HTTP and socket.io)', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SWITCHBOARD_ALLOWED_ORIGINS: 'https://help.example.com' } });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: t.seed.admin.email, password: t.seed.admin.password })
      .expect(200);
    cookie = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(() => t?.close());

  const account = (email: string) => ({ name: 'N', email, password: 'a-long-password-123', role: 'technician' });

  it('the session cookie says SameSite=Lax and HttpOnly', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: t.seed.admin.email, password: t.seed.admin.password });
    expect(String(res.headers['set-cookie'])).toMatch(/sb_token=.*HttpOnly.*SameSite=Lax/i);
  });

  it('a cookie-authenticated write from a foreign Origin (or Referer) is 403, from our own or an allowed origin it passes', async () => {
    const post = () => t.http().post('/api/accounts').set('Cookie', cookie);
    const foreign = await post().set('Origin', 'http://127.0.0.1:1').send(account('o1@x.example'));
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: 'FORBIDDEN', message: expect.stringMatching(/Cross-site request/) });
    await post().set('Referer', 'http://evil.example/page').send(account('o2@x.example')).expect(403);
    await post().set('Origin', 'null').send(account('o3@x.example')).expect(403);
    await post().set('Origin', t.baseUrl).send(account('o4@x.example')).expect(201);
    await post().set('Origin', 'https://help.example.com').send(account('o5@x.example')).expect(201);
    await post().set('Referer', `${t.baseUrl}/accounts`).send(account('o6@x.example')).expect(201);
  });

  it('a bearer-authenticated write passes whatever its Origin (a script had to attach the token)', async () => {
    await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .set('Cookie', cookie)
      .set('Origin', 'http://evil.example')
      .send(account('b1@x.example'))
      .expect(201);
  });

  it('login from a foreign page is refused (login CSRF), from ours it works', async () => {
    const body = { email: t.seed.admin.email, password: t.seed.admin.password };
    await t.http().post('/api/auth/login').set('Origin', 'http://evil.example').send(body).expect(403);
    await t.http().post('/API/Auth/Login/').set('Origin', 'http://evil.example').send(body).expect(403);
    await t.http().post('/api/auth/login').set('Origin', t.baseUrl).send(body).expect(200);
  });

  it('JSON routes answer 415 to urlencoded, text/plain and multipart bodies, even with a bearer token', async () => {
    const form = await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .type('form')
      .send('name=N&email=f1%40x.example&password=a-long-password-123&role=admin');
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({
      error: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/application\/x-www-form-urlencoded.*application\/json/),
    });
    await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(account('f2@x.example')))
      .expect(415);
    await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .field('name', 'N')
      .field('email', 'f3@x.example')
      .expect(415);
  });

  it('upload routes still take multipart, and JSON routes still take application/json', async () => {
    const res = await t
      .http()
      .post('/api/files')
      .set(bearer(t.adminToken))
      .attach('file', Buffer.from('hello'), 'hello.txt');
    expect(res.status).toBe(201);
    await t
      .http()
      .post('/api/accounts')
      .set(bearer(t.adminToken))
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(account('j1@x.example')))
      .expect(201);
  });

  it('a cookie-authenticated socket.io handshake from a foreign Origin is refused; ours, and token handshakes without Origin, connect', async () => {
    await expect(t.socket('/agent', { headers: { Cookie: cookie, Origin: 'http://127.0.0.1:1' } })).rejects.toThrow(
      /unauthorized/,
    );
    const own = await t.socket('/agent', { headers: { Cookie: cookie, Origin: t.baseUrl } });
    const token = await t.socket('/agent', { token: t.adminToken });
    const tokenForeign = await t.socket('/agent', { token: t.adminToken, headers: { Origin: 'http://evil.example' } });
    const ticket = nextEvent(own, 'ticket.created');
    await createTicket(t, 'Socket check');
    await ticket;
    for (const s of [own, token, tokenForeign]) s.close();
  });
});

describe('#13.5 CSRF: the customer portal keeps working from customers’ sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t?.close());

  it('a visitor on another origin starts a chat and opens the portal socket with the portal token', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const res = await t
      .http()
      .post(`/api/public/portals/${subdomain}/chats`)
      .set('Origin', 'https://www.customer.example')
      .send({ firstName: 'Jane', lastName: 'Doe', email: 'jane@customer.example', question: 'Printer on fire' })
      .expect(201);
    const socket = await t.socket('/portal', {
      token: (res.body as { token: string }).token,
      headers: { Origin: 'https://www.customer.example' },
    });
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
