// #13.1 in the web app: an open technician tab follows the admin's changes to its account.
// Real API serving the built SPA (`npm run build:web`), system Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CompanyService, ContactService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  trackPageErrors,
  waitForAttribute,
} from '../browser/browser.helper';

jest.setTimeout(60_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[socket-revocation-browser] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describeWithBrowser('#13.1 web app: the open technician tab follows access changes', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    t = await createTestApp({ web: true, loginRateLimit: 1000 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: t.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = trackPageErrors(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  async function company(name: string) {
    const c = await t.get(CompanyService).create({ name: `${name} ${Date.now()}` });
    const contact = await t
      .get(ContactService)
      .create({ companyId: c.id, firstName: 'Ann', lastName: name, email: `ann.${name}.${Date.now()}@x.example` });
    return { company: c, contact };
  }

  async function ticket(requesterId: string, title: string): Promise<number> {
    const res = await t
      .http()
      .post('/api/tickets')
      .set(bearer(t.adminToken))
      .send({ title, description: 'x', requesterId })
      .expect(201);
    return res.body.number;
  }

  async function signedInTechnician() {
    const email = `browser.${Date.now()}@test.local`;
    const password = 'Browser-Tests-Passw0rd!';
    const id = (
      await t
        .http()
        .post('/api/accounts')
        .set(bearer(t.adminToken))
        .send({ name: 'Tab Tech', email, password, role: 'technician' })
        .expect(201)
    ).body.id as string;
    await page.goto('/');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('ticket-list').waitFor();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    return id;
  }

  const row = (n: number) => page.locator(`[data-testid="ticket-row"][data-number="${n}"]`);

  it('#13.1 restricted: the tab keeps working with the new scope (other company gone, own company live)', async () => {
    const acme = await company('Acme');
    const globex = await company('Globex');
    const globexOld = await ticket(globex.contact.id, 'Globex visible before');
    const id = await signedInTechnician();
    await row(globexOld).waitFor();

    await t
      .http()
      .patch(`/api/accounts/${id}`)
      .set(bearer(t.adminToken))
      .send({ allCompanies: false, companyIds: [acme.company.id] })
      .expect(200);

    // The list is read again for the new scope, and the tab reconnects on its own.
    await row(globexOld).waitFor({ state: 'detached', timeout: 5000 });
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    const globexNew = await ticket(globex.contact.id, 'Globex after');
    const acmeNew = await ticket(acme.contact.id, 'Acme after');
    await row(acmeNew).waitFor({ timeout: 5000 });
    expect(await row(globexNew).count()).toBe(0);
    expect(await page.getByTestId('login-form').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('#13.1 deactivated: the open tab goes to the sign-in page', async () => {
    const id = await signedInTechnician();
    await t.http().patch(`/api/accounts/${id}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
    await page.getByTestId('login-form').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
