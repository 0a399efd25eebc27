// #13.13: security headers (helmet). Headers on API answers and pages; in Chromium a page on
// another origin cannot frame the technician app (clickjacking) but can frame the portal embed page
// (the embed widget runs on customers' sites), and the app runs under its CSP without violations.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { CompanyService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForAttribute } from '../browser/browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[security-headers.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const SUBDOMAIN = 'framed';

async function withPortal(t: TestApp): Promise<void> {
  const company = await t.get(CompanyService).create({ name: 'Framed Corp' });
  await t
    .http()
    .post('/api/portals')
    .set(bearer(t.adminToken))
    .send({ companyId: company.id, subdomain: SUBDOMAIN, status: 'active' })
    .expect(201);
}

function csp(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = String(res.headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    raw
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('#13.13 security headers on API answers and pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ web: true });
    await withPortal(t);
  });
  afterAll(() => t?.close());

  it('API answers carry CSP, X-Frame-Options DENY, Referrer-Policy, nosniff, and no HSTS over plain HTTP', async () => {
    for (const res of [
      await t.http().get('/api/auth/me').expect(401),
      await t.http().get('/api/accounts').set(bearer(t.adminToken)).expect(200),
    ]) {
      expect(csp(res)).toMatchObject({ 'default-src': "'self'", 'frame-ancestors': "'none'", 'object-src': "'none'" });
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the technician app page may not be framed and allows only its own inline script by hash', async () => {
    const res = await t.http().get('/').set('Accept', 'text/html').expect(200);
    const policy = csp(res);
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['script-src']).toMatch(/^'self' 'sha256-[A-Za-z0-9+/=]+'$/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    // Client-side routes (the SPA fallback) get the same.
    const deep = await t.http().get('/tickets/42').set('Accept', 'text/html').expect(200);
    expect(csp(deep)['frame-ancestors']).toBe("'none'");
  });

  it('the portal page may be framed by any site (the embed widget), the embed script loads cross-origin', async () => {
    const page = await t.http().get(`/p/${SUBDOMAIN}`).query({ embed: 1 }).expect(200);
    expect(csp(page)['frame-ancestors']).toBe('*');
    expect(page.headers['x-frame-options']).toBeUndefined();
    const script = await t.http().get(`/p/${SUBDOMAIN}/embed.js`).expect(200);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it("an uploaded script is served as a download only, never with a type a <script src> would run under 'self'", async () => {
    for (const contentType of ['application/javascript', 'text/ecmascript', 'text/html', 'image/svg+xml']) {
      const up = await t
        .http()
        .post('/api/files')
        .set(bearer(t.adminToken))
        .attach('file', Buffer.from('alert(1)'), { filename: 'x.js', contentType })
        .expect(201);
      const res = await t.http().get(`/api/files/${up.body.id}/content`).set(bearer(t.adminToken)).expect(200);
      expect([contentType, res.headers['content-type']]).toEqual([contentType, 'application/octet-stream']);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('HSTS is sent when SWITCHBOARD_COOKIE_SECURE is on', async () => {
    const secure = await createTestApp({ env: { SWITCHBOARD_COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.http().get('/api/auth/me').expect(401);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(csp(res)).toHaveProperty('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});

describeWithBrowser('#13.13 clickjacking and CSP in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let attacker: Server;
  let attackerOrigin: string;

  beforeAll(async () => {
    t = await createTestApp({ web: true });
    await withPortal(t);
    browser = await launchBrowser();
    pages = new BrowserPages(
      () => browser,
      () => t.baseUrl,
    );
    const html: Record<string, string> = {
      '/app': `<iframe id="f" src="${t.baseUrl}/" width="800" height="600"></iframe>`,
      '/portal': `<iframe id="f" src="${t.baseUrl}/p/${SUBDOMAIN}?embed=1" width="400" height="600"></iframe>`,
      '/widget': `<p>A customer's site</p><script src="${t.baseUrl}/p/${SUBDOMAIN}/embed.js"></script>`,
    };
    attacker = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html[(req.url ?? '/').split('?')[0]] ?? '');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await t?.close();
  });

  const cspViolations = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
    });
    return seen;
  };

  it('a page on another origin cannot frame the technician app', async () => {
    const page = await pages.open();
    await page.goto(`${attackerOrigin}/app`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a frame refused by frame-ancestors with its error page.
    expect(frame).toBeDefined();
    expect(await page.frameLocator('#f').getByTestId('login-email').count()).toBe(0);
    expect(frame!.url()).not.toBe(`${t.baseUrl}/`);
  });

  it('the portal embed page renders inside a frame on a customer site, and the widget script loads', async () => {
    const page = await pages.open();
    const violations = cspViolations(page);
    await page.goto(`${attackerOrigin}/portal`);
    await page.frameLocator('#f').getByTestId('portal-page').waitFor({ timeout: 10_000 });
    const widget = await pages.open();
    await widget.goto(`${attackerOrigin}/widget`);
    await widget.getByRole('button', { name: /chat/i }).click({ timeout: 10_000 });
    await widget.frameLocator('iframe').getByTestId('portal-page').waitFor({ timeout: 10_000 });
    expect(violations).toEqual([]);
  });

  it('the technician app runs under its CSP: sign in, go live, open a screen, no violations', async () => {
    const page = await pages.open();
    const violations = cspViolations(page);
    await page.goto('/');
    await page.getByTestId('login-email').fill(t.seed.admin.email);
    await page.getByTestId('login-password').fill(t.seed.admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    // index.html's inline script (the /p/ hop) runs on every load: a wrong hash would show up here.
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(violations).toEqual([]);
    expect(await pages.closeAll()).toEqual([]);
  });
});
