// Browser e2e for issue 6: the customer portal page (portal.html bundle) and the technician Cases
// dashboard, against the real API + portal/cases backend on SQLite with the live chat plugin enabled.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) {
  console.warn(
    `[portal-cases.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override).`,
  );
}
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

/** `PORTAL_SHOTS=/some/dir npx jest test/browser/portal-cases` saves screenshots of the main screens for review. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.PORTAL_SHOTS)
    await page.screenshot({ path: `${process.env.PORTAL_SHOTS}/${name}.png`, fullPage: true });
}

describeWithBrowser('customer portal + cases UI (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  async function api<T = any>(
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: object,
    token = app.adminToken,
  ): Promise<{ status: number; body: T }> {
    const req = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    return { status: res.status, body: res.body as T };
  }
  async function ok<T = any>(
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: object,
    token = app.adminToken,
  ): Promise<T> {
    const res = await api<T>(method, path, body, token);
    if (res.status >= 400)
      throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function createPortal(name: string, subdomain: string, status: 'active' | 'inactive'): Promise<{ id: string }> {
    const company = await ok<{ id: string }>('post', '/api/companies', { name });
    return ok<{ id: string }>('post', '/api/portals', { companyId: company.id, subdomain, status });
  }

  const setAvailable = (available: boolean) => ok('put', '/api/me/availability', { available }, app.technicianToken);

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser();
    // Only the seeded technician counts for availability: the admin stays unavailable.
    await ok('put', '/api/me/availability', { available: false }, app.adminToken);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('a visitor chats live with a technician, ends the chat, downloads the transcript; an admin deletes the case', async () => {
    await createPortal('Acme Corp', 'acme', 'active');
    await setAvailable(true);

    // The technician watches "All cases", so the Unassigned column is not being looked at.
    const tech = await pages.signedIn(app.seed.technician, '/cases');
    await tech.getByTestId('cases-page').waitFor();
    await tech.getByTestId('cases-tab-all').click();
    await waitForAttribute(tech.getByTestId('cases-tab-all'), 'aria-selected', 'true');
    expect(await tech.getByTestId('cases-unassigned-dot').count()).toBe(0);

    app.clock.advance(5_000); // time passes between the technician's last look and the visitor's arrival
    // The visitor opens the portal page: its own bundle, never the technician app (if the API answers
    // /p/:subdomain with index.html, that page aborts its own bundle and hops to portal.html).
    const visitor = await pages.open();
    const scripts: string[] = [];
    visitor.on('requestfinished', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await visitor.goto('/p/acme');
    await visitor.getByTestId('portal-chat-form').waitFor();
    expect(new URL(visitor.url()).pathname).toBe('/p/acme');
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill('jane@customer.test');
    await visitor.getByTestId('portal-question').fill('My printer prints blank pages since this morning.');
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    await visitor.getByTestId('portal-waiting').waitFor();
    expect(await visitor.getByTestId('portal-message').first().textContent()).toContain(
      'My printer prints blank pages',
    );
    expect(scripts.some((s) => /\/assets\/portal-/.test(s))).toBe(true);
    expect(scripts.filter((s) => /\/assets\/index-/.test(s))).toEqual([]);

    // The case appears live for the technician, red "Live chat", with the red dot on Unassigned.
    const item = tech.getByTestId('case-item').filter({ hasText: 'My printer prints blank pages' });
    await item.waitFor();
    const caseId = (await item.getAttribute('data-case-id'))!;
    expect(await item.getAttribute('data-live')).toBe('true');
    expect(await item.getByTestId('case-type').textContent()).toContain('Live chat');
    expect(await item.textContent()).toContain('Jane Doe');
    expect(await item.textContent()).toContain('/p/acme');
    await tech.getByTestId('cases-unassigned-dot').waitFor();
    await tech.getByTestId('side-menu-dot-cases').waitFor();
    // Available with sound on (the default): the Web Audio chime played once.
    await waitForAttribute(tech.locator('html'), 'data-case-chimes', '1');

    // Opening the Unassigned column clears the dot (and marks the case seen on the server).
    await tech.getByTestId('cases-tab-unassigned').click();
    await tech.getByTestId('cases-unassigned-dot').waitFor({ state: 'detached' });
    await tech
      .getByTestId('cases-column-unassigned')
      .getByTestId('case-item')
      .filter({ hasText: 'My printer' })
      .click();
    await tech
      .getByTestId('case-detail')
      .and(tech.locator(`[data-case-id="${caseId}"]`))
      .waitFor();
    expect(await tech.getByTestId('case-id').textContent()).toBe(caseId);
    expect(await tech.getByTestId('case-device').textContent()).toMatch(/Chrom/);
    await shot(tech, 'tech-case-unassigned');

    // Assign to me: the visitor is told who joined.
    await tech.getByTestId('case-assign').click();
    await waitForText(tech.getByTestId('case-status'), 'Assigned');
    await waitForText(tech.getByTestId('case-assignee'), app.seed.technician.name);
    await visitor
      .getByTestId('portal-system-message')
      .filter({ hasText: `${app.seed.technician.name} joined the chat` })
      .waitFor();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'active');
    expect(await visitor.getByTestId('portal-waiting').count()).toBe(0);

    // Both ways, live; the visitor's typing shows on the technician's side.
    await tech.getByTestId('case-composer-body').fill('Hello Jane, could you tell me the printer model?');
    await tech.getByTestId('case-composer-send').click();
    await visitor.getByTestId('portal-message').filter({ hasText: 'could you tell me the printer model?' }).waitFor();
    await visitor.getByTestId('portal-message-input').pressSequentially('It is a LaserJet', { delay: 10 });
    await tech
      .getByTestId('case-typing')
      .filter({ hasText: /Jane.* is typing…/ })
      .waitFor();
    await visitor.getByTestId('portal-message-input').press('Enter');
    await tech.getByTestId('case-message').filter({ hasText: 'It is a LaserJet' }).waitFor();
    await shot(tech, 'tech-case-chat');
    await shot(visitor, 'visitor-chat');

    // A reload resumes the same chat without losing messages.
    await visitor.reload();
    await visitor.getByTestId('portal-chat').waitFor();
    await visitor.getByTestId('portal-message').filter({ hasText: 'It is a LaserJet' }).waitFor();
    await visitor.getByTestId('portal-message').filter({ hasText: 'printer model?' }).waitFor();
    const afterReload = await visitor.getByTestId('portal-message').count();
    expect(afterReload).toBe(3);

    // End chat, with confirmation; the technician is told.
    await visitor.getByTestId('portal-end-chat').click();
    await visitor.getByTestId('portal-end-confirm-yes').click();
    await visitor.getByTestId('portal-ended').waitFor();
    await tech.getByTestId('case-system-message').filter({ hasText: 'The customer ended the conversation' }).waitFor();
    await waitForAttribute(tech.getByTestId('case-detail'), 'data-live', 'false');
    await tech.getByTestId('cases-tab-mine').click();
    await waitForAttribute(tech.locator(`[data-testid="case-item"][data-case-id="${caseId}"]`), 'data-live', 'false');

    // The transcript download has both sides, with names.
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByTestId('portal-transcript').click(),
    ]);
    const transcript = readFileSync((await download.path())!, 'utf8');
    expect(transcript).toContain('My printer prints blank pages');
    expect(transcript).toContain('could you tell me the printer model?');
    expect(transcript).toContain('It is a LaserJet');
    expect(transcript).toContain('Jane');
    expect(transcript).toContain(app.seed.technician.name);

    // Technicians cannot delete; an admin can, after a confirmation.
    expect(await tech.getByTestId('case-delete').count()).toBe(0);
    const admin = await pages.signedIn(app.seed.admin, `/cases/${caseId}`);
    await admin.getByTestId('case-detail').waitFor();
    await admin.getByTestId('case-delete').click();
    await admin.getByTestId('case-delete-confirm').waitFor();
    await admin.getByTestId('case-delete-confirm-yes').click();
    await admin.getByTestId('case-detail').waitFor({ state: 'detached' });
    // The live case.deleted event can close the detail before the page's own navigation lands.
    await admin.waitForURL((url) => url.pathname === '/cases');
    expect((await api('get', `/api/cases/${caseId}`)).status).toBe(404);
    // ...and it disappears live from the technician's lists.
    await tech.getByTestId('case-gone').waitFor();
    expect(await tech.locator(`[data-testid="case-item"][data-case-id="${caseId}"]`).count()).toBe(0);
  });

  it('shows the support-request form when nobody is available, "Service unavailable" when inactive, in French too', async () => {
    await createPortal('Globex', 'globex', 'active');
    const closed = await createPortal('Initech', 'initech', 'inactive');
    await setAvailable(false);

    // Nobody available: the support-request form; the request shows up as a grey "Support request".
    const visitor = await pages.open({ viewport: { width: 390, height: 800 } });
    await visitor.goto('/p/globex');
    await visitor.getByTestId('portal-request-form').waitFor();
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-form-error').waitFor();
    expect(await visitor.getByTestId('portal-email').getAttribute('aria-invalid')).toBe('true');
    await visitor.getByTestId('portal-first-name').fill('Bob');
    await visitor.getByTestId('portal-last-name').fill('Martin');
    await visitor.getByTestId('portal-email').fill('bob@globex.test');
    await visitor.getByTestId('portal-question').fill('Please reset my VPN password.');
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-request-sent').waitFor();
    await shot(visitor, 'visitor-phone-request-sent');

    const cases = await ok<{ items: { type: string; question: string; live: boolean }[] }>(
      'get',
      '/api/cases?view=unassigned',
    );
    const request = cases.items.find((c) => c.question.includes('VPN password'));
    expect(request).toMatchObject({ type: 'support_request', live: false });

    // Inactive: "Service unavailable" (English), and in French from the browser language.
    await visitor.goto('/p/initech');
    await waitForText(visitor.getByTestId('portal-unavailable').locator('h1'), 'Service unavailable');
    expect(await visitor.getByTestId('portal-unavailable').textContent()).toContain(
      'We apologize for this temporary inconvenience.',
    );
    // An English browser whose visitor chose French: the server answers in the page's language (#16).
    await visitor.evaluate("localStorage.setItem('switchboard.portal.lang', 'fr')");
    await visitor.goto('/p/initech');
    await waitForText(
      visitor.getByTestId('portal-unavailable').locator('p'),
      'Nous vous prions de nous excuser pour ce désagrément temporaire.',
    );
    await visitor.evaluate("localStorage.removeItem('switchboard.portal.lang')");
    const french = await pages.open({ locale: 'fr-FR' });
    await french.goto('/p/initech');
    await waitForText(french.getByTestId('portal-unavailable').locator('h1'), 'Service indisponible');
    expect(await french.getByTestId('portal-unavailable').textContent()).toContain(
      'Nous vous prions de nous excuser pour ce désagrément temporaire.',
    );
    expect(await french.locator('html').getAttribute('lang')).toBe('fr');
    await french.goto('/p/globex');
    await waitForText(french.getByTestId('portal-request-form').locator('h1'), 'Laissez-nous un message');

    // The portal goes active + somebody available: the chat form.
    await ok('patch', `/api/portals/${closed.id}`, { status: 'active' });
    await setAvailable(true);
    await french.goto('/p/initech');
    await waitForText(french.getByTestId('portal-chat-form').locator('h1'), 'Discutez avec nous');
  });

  it('admins create a portal from the Admin page and get the three snippets', async () => {
    const company = await ok<{ id: string; name: string }>('post', '/api/companies', { name: 'Umbrella' });
    await setAvailable(true);
    const admin = await pages.signedIn(app.seed.admin, '/admin');
    await admin.getByTestId('portals-admin').waitFor();
    await admin.getByTestId('portal-new').click();
    await admin.getByTestId('portal-form-company').selectOption(company.id);

    // A taken subdomain is refused with a clear message next to the field.
    await admin.getByTestId('portal-form-subdomain').fill('acme');
    await admin.getByTestId('portal-form-submit').click();
    await admin.getByTestId('portal-form-error-subdomain').waitFor();
    expect(await admin.getByTestId('portal-form-error-subdomain').textContent()).toMatch(/taken/i);

    await admin.getByTestId('portal-form-subdomain').fill('umbrella');
    await admin.getByTestId('portal-form-submit').click();
    await admin.locator('[data-testid="portal-row"][data-subdomain="umbrella"]').waitFor();
    await admin.getByTestId('portal-embed').waitFor();
    await shot(admin, 'admin-portals');
    expect(await admin.getByTestId('portal-embed-standalone').inputValue()).toContain('/p/umbrella');
    expect(await admin.getByTestId('portal-embed-popup').inputValue()).toContain('window.open');
    expect(await admin.getByTestId('portal-embed-script').inputValue()).toMatch(/<script[^>]+embed\.js/);

    // Notification preferences live in the profile menu → settings page, saved on toggle.
    await admin.getByTestId('profile-menu').click();
    await admin.getByTestId('notification-settings-link').click();
    await waitForAttribute(admin.getByTestId('pref-sound'), 'aria-checked', 'true');
    await admin.getByTestId('pref-sound').click();
    await waitForAttribute(admin.getByTestId('pref-sound'), 'aria-checked', 'false');
    expect((await ok<{ sound: boolean }>('get', '/api/me/notification-preferences')).sound).toBe(false);

    // The embed script served for it is ours, small, and renders the launcher + iframe on a host page.
    const script = await app.http().get('/p/umbrella/embed.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('switchboard:close');
    // The customer's site: another origin (localhost vs 127.0.0.1; both loopback, so Chromium's local
    // network checks stay out of the way).
    const site = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>Customer</title><h1>Welcome</h1><script src="${app.baseUrl}/p/umbrella/embed.js" async></script>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const host = await pages.open();
      await host.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
      await host.getByTestId('embed-launcher').click();
      await waitForAttribute(host.getByTestId('embed-launcher'), 'aria-expanded', 'true');
      const frame = host.frameLocator('[data-testid="embed-frame"]');
      await frame.getByTestId('portal-chat-form').waitFor();
      await frame.getByTestId('portal-close').click();
      await waitForAttribute(host.getByTestId('embed-launcher'), 'aria-expanded', 'false');
    } finally {
      site.close();
    }
  });
});
