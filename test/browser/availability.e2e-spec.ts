// Browser e2e for issue #15 defects 7 and 10: an unavailable technician does not see incoming cases
// live (no list entry, no red dot) and sees what is waiting when turning available; availability is
// the labelled top-bar switch (en + fr), and the socket indicator only shows when the socket is down.
// Requires the built web UI (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
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
if (!chromiumAvailable)
  console.warn(`[availability.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('availability in the top bar and incoming cases (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let subdomain = '';

  async function ok<T = any>(method: 'get' | 'post' | 'put', path: string, body?: object, token = app.adminToken) {
    const req = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
  const setAvailable = (token: string, available: boolean) => ok('put', '/api/me/availability', { available }, token);
  const startChat = async (question: string): Promise<string> => {
    const res = await app
      .http()
      .post(`/api/public/portals/${subdomain}/chats`)
      .send({ firstName: 'Jane', lastName: 'Doe', email: 'jane@customer.test', question })
      .expect(201);
    return (res.body as { caseId: string }).caseId;
  };
  const caseItem = (page: Page, id: string) => page.locator(`[data-testid="case-item"][data-case-id="${id}"]`);

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser();
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Avail Corp' });
    subdomain = 'availcorp';
    await ok('post', '/api/portals', { companyId: company.id, subdomain, status: 'active' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('an unavailable technician gets no live case nor red dot; turning available on the top-bar switch shows what waits', async () => {
    await setAvailable(app.technicianToken, false);
    await setAvailable(app.adminToken, true);
    // The admin (available) watches too: when the case reaches the admin's page, the server has sent
    // case.created to everyone it was going to send it to.
    const admin = await pages.signedIn(app.seed.admin, '/cases');
    await admin.getByTestId('cases-tab-all').click();
    const tech = await pages.signedIn(app.seed.technician, '/cases');
    await tech.getByTestId('cases-page').waitFor();
    await tech.getByTestId('cases-tab-all').click();
    await waitForAttribute(tech.getByTestId('cases-tab-all'), 'aria-selected', 'true');
    await waitForAttribute(tech.getByTestId('availability-toggle'), 'aria-checked', 'false');
    // Connected, and the list's reload on connect answered: a reload after the chat starts would show
    // the case (the list may; the live events may not), which is not what this test is about.
    await waitForAttribute(tech.getByTestId('connection-status'), 'data-state', 'online');
    await tech.waitForLoadState('networkidle');

    app.clock.advance(5_000); // the technician's last look at Unassigned is in the past
    const waiting = await startChat('Unavailable technicians must not see this live');
    await caseItem(admin, waiting).waitFor();
    expect(await admin.getByTestId('side-menu-dot-cases').count()).toBe(1);
    await tech.waitForTimeout(500); // let any (wrong) event to the technician land
    expect(await caseItem(tech, waiting).count()).toBe(0);
    expect(await tech.getByTestId('cases-unassigned-dot').count()).toBe(0);
    expect(await tech.getByTestId('side-menu-dot-cases').count()).toBe(0);

    // A reload while unavailable: the list may show it (it is there), but no red dot.
    await tech.reload();
    await tech.getByTestId('cases-page').waitFor();
    await tech.getByTestId('cases-tab-all').click();
    await caseItem(tech, waiting).waitFor();
    expect(await tech.getByTestId('cases-unassigned-dot').count()).toBe(0);
    expect(await tech.getByTestId('side-menu-dot-cases').count()).toBe(0);

    // Turning available from the top bar: the waiting case is counted (red dots) and new ones arrive live.
    await tech.getByTestId('availability-toggle').click();
    await waitForAttribute(tech.getByTestId('availability-toggle'), 'aria-checked', 'true');
    await tech.getByTestId('cases-unassigned-dot').waitFor();
    await tech.getByTestId('side-menu-dot-cases').waitFor();
    expect(
      (await ok<{ availability: string }>('get', '/api/auth/me', undefined, app.technicianToken)).availability,
    ).toBe('available');
    const live = await startChat('Available technicians see this live');
    await caseItem(tech, live).waitFor();

    // Opening Unassigned clears the dot and lists both.
    await tech.getByTestId('cases-tab-unassigned').click();
    await caseItem(tech, waiting).waitFor();
    await caseItem(tech, live).waitFor();
    await tech.getByTestId('cases-tab-all').click();
    expect(await tech.getByTestId('cases-unassigned-dot').count()).toBe(0);

    // Off again: the next case stays away from the technician's screen.
    await tech.getByTestId('availability-toggle').click();
    await waitForAttribute(tech.getByTestId('availability-toggle'), 'aria-checked', 'false');
    app.clock.advance(5_000);
    const later = await startChat('Again not for the unavailable technician');
    await caseItem(admin, later).waitFor();
    await tech.waitForTimeout(500);
    expect(await caseItem(tech, later).count()).toBe(0);
    expect(await tech.getByTestId('cases-unassigned-dot').count()).toBe(0);
    expect(await tech.getByTestId('side-menu-dot-cases').count()).toBe(0);
    await setAvailable(app.adminToken, false);
  });

  it('shows the switch in French, keeps it after a reload, and shows "Reconnexion…" only while the socket is down', async () => {
    await setAvailable(app.technicianToken, false);
    const page = await pages.open({ locale: 'fr-FR' });
    // Socket traffic goes through a relay, so the test can drop the live connection (network offline
    // keeps it from coming back until the network returns).
    const open = new Set<WebSocketRoute>();
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      open.add(ws);
    });
    await page.goto('/cases');
    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill(app.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    const toggle = page.getByRole('switch', { name: /Disponibilité pour le chat/ });
    await waitForAttribute(toggle, 'aria-checked', 'false');
    await waitForText(page.getByTestId('availability-text'), 'Indisponible');
    // Connected: no pill at all (no "online"/"en ligne" that reads like availability).
    expect((await page.getByTestId('connection-status').textContent())?.trim()).toBe('');
    expect((await page.locator('.topbar').innerText()).toLowerCase()).not.toMatch(/online|en ligne/);

    await toggle.click();
    await waitForText(page.getByTestId('availability-text'), 'Disponible');
    await waitForAttribute(toggle, 'aria-checked', 'true');
    await page.reload();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    await waitForAttribute(page.getByTestId('availability-toggle'), 'aria-checked', 'true');
    await waitForText(page.getByTestId('availability-text'), 'Disponible');

    // The socket drops and cannot come back: the pill says so.
    await page.context().setOffline(true);
    for (const ws of open) await ws.close({ code: 1011 });
    open.clear();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'offline');
    await waitForText(page.getByTestId('connection-status').locator('.conn-text'), 'Reconnexion…');
    // Back up: the pill goes away again.
    await page.context().setOffline(false);
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online', 20_000);
    expect((await page.getByTestId('connection-status').textContent())?.trim()).toBe('');
    await setAvailable(app.technicianToken, false);
  });
});
