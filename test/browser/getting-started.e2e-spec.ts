// The README's "Getting started" walk-through (#15), as a new user would do it on a demo install:
// sign in with a demo login, set up a portal, answer a live chat, open and answer a ticket, enrol a
// device. With SWITCHBOARD_SCREENSHOTS=docs/screenshots it also writes the README's screenshots
// (small JPEGs); CI runs it without, as a test of the walk-through itself.
// Requires `npm run build:web` (apps/web/dist) and Chromium.
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { DemoDataService, DEMO_PASSWORD } from '../../apps/api/src/bootstrap/demo-data.service';
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
if (!chromiumAvailable) console.warn(`[getting-started.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

const SHOTS = process.env.SWITCHBOARD_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  // From the top: a full-page capture of a scrolled page draws the sticky top bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${name}.jpg`), type: 'jpeg', quality: 60, fullPage: true });
}

describeWithBrowser('getting started: the first ten minutes on a demo install (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const tina = { email: 'tina@switchboard.local', password: DEMO_PASSWORD };
  const ada = { email: 'admin@switchboard.local', password: DEMO_PASSWORD };

  beforeAll(async () => {
    app = await createTestApp({
      web: true,
      seed: false,
      env: { SWITCHBOARD_DEMO: 'true' },
      plugins: [
        { name: 'plugins/channel-portal-livechat', enable: true },
        { name: 'plugins/channel-agent-chat', enable: true },
      ],
    });
    await app.get(DemoDataService).seed();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('1. signs in with a demo login shown on the login page', async () => {
    const page = await pages.open({ viewport: { width: 1100, height: 700 } });
    await page.goto('/login');
    const box = page.getByTestId('demo-logins');
    await waitForText(box.locator('h2'), 'Demo data is loaded');
    await shot(page, '01-login');
    await box.getByRole('button', { name: 'Use admin@switchboard.local' }).click();
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  it('2. the admin gives Acme Corp a customer portal with live chat', async () => {
    const admin = await pages.signedIn(ada, '/admin/companies');
    const acme = admin.locator('[data-testid="company-row"][data-name="Acme Corp"]');
    await acme.waitFor();
    if ((await acme.getByTestId('company-chat').getAttribute('aria-checked')) !== 'true')
      await acme.getByTestId('company-chat').click();
    await waitForAttribute(acme.getByTestId('company-chat'), 'aria-checked', 'true');
    await admin.locator('.admin-nav a[data-section="channels"]').click();
    await admin.getByTestId('portals-admin').waitFor();
    await admin.getByTestId('portal-new').click();
    await admin.getByTestId('portal-form-company').selectOption({ label: 'Acme Corp' });
    await admin.getByTestId('portal-form-subdomain').fill('acme');
    await admin.getByTestId('portal-form-submit').click();
    await admin.locator('[data-testid="portal-row"][data-subdomain="acme"]').waitFor();
    await admin.getByTestId('portal-embed').waitFor();
    expect(await admin.getByTestId('portal-embed-standalone').inputValue()).toContain('/p/acme');
    await shot(admin, '02-admin-portal');
  });

  it('3. a technician goes available and answers a visitor of the portal live', async () => {
    const tech = await pages.signedIn(tina, '/cases');
    await tech.getByTestId('cases-page').waitFor();
    if ((await tech.getByTestId('availability-toggle').getAttribute('aria-checked')) !== 'true')
      await tech.getByTestId('availability-toggle').click();
    await waitForAttribute(tech.getByTestId('availability-toggle'), 'aria-checked', 'true');

    const visitor = await pages.open({ viewport: { width: 420, height: 720 } });
    await visitor.goto('/p/acme');
    await visitor.getByTestId('portal-first-name').fill('Melissa');
    await visitor.getByTestId('portal-last-name').fill('Jones');
    await visitor.getByTestId('portal-email').fill('melissa@acme.example');
    await visitor.getByTestId('portal-question').fill('My laptop no longer sees the office Wi-Fi.');
    await visitor.getByTestId('portal-submit').click();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');

    const item = tech.getByTestId('case-item').filter({ hasText: 'office Wi-Fi' });
    await item.click();
    await tech.getByTestId('case-assign').click();
    await waitForText(tech.getByTestId('case-status'), 'Assigned');
    await tech
      .getByTestId('case-composer-body')
      .fill('Hello Melissa, is the Wi-Fi switch on the side of the laptop on?');
    await tech.getByTestId('case-composer-send').click();
    await visitor.getByTestId('portal-message').filter({ hasText: 'Wi-Fi switch' }).waitFor();
    await visitor.getByTestId('portal-message-input').fill('Oh, it was off. It works now, thank you!');
    await visitor.getByTestId('portal-message-input').press('Enter');
    await tech.getByTestId('case-message').filter({ hasText: 'It works now' }).waitFor();
    await shot(tech, '03-case-chat');
    await shot(visitor, '04-portal-visitor');
  });

  it('4. a technician opens a ticket for a contact and answers it', async () => {
    const page = await pages.signedIn(tina, '/tickets/new');
    await page.getByTestId('new-ticket-form').waitFor();
    await page.getByTestId('new-ticket-title').fill('Printer on floor 2 jams');
    await page.getByTestId('requester-picker-input').fill('melissa');
    await page
      .getByTestId('requester-picker')
      .getByRole('option', { name: /Melissa Jones/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('new-ticket-description').fill('Every second page jams since the toner change.');
    await page.getByTestId('new-ticket-submit').click();
    await page.getByTestId('ticket-page').waitFor();
    await page.getByTestId('composer-body').fill('We are sending someone this afternoon.');
    await page.getByTestId('composer-submit').click();
    await page.getByTestId('comment').filter({ hasText: 'sending someone' }).waitFor();
    await shot(page, '05-ticket');
  });

  it('5. the admin enrols a device for the helpdesk agent', async () => {
    const page = await pages.signedIn(ada, '/admin/devices');
    const laptop = page.locator('[data-testid="device-admin-row"][data-name="LAPTOP-MELISSA"]');
    await waitForText(laptop.getByTestId('device-contact'), 'Melissa Jones');
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-form-name').fill('DESKTOP-MARC');
    await page.getByTestId('device-form-os').fill('Windows 11');
    await page.getByTestId('device-form-company').selectOption({ label: 'Acme Corp' });
    await page.getByTestId('device-form-submit').click();
    const panel = page.getByTestId('device-enrolment');
    await waitForText(panel.locator('h3'), 'Enrol the helpdesk agent on DESKTOP-MARC');
    const code = (await panel.getByTestId('device-enrolment-code').textContent())!.trim();
    expect(await panel.getByTestId('device-enrolment-command').inputValue()).toBe(
      `switchboard-agent enroll ${app.baseUrl} ${code}`,
    );
    await shot(page, '06-admin-devices');
  });
});
