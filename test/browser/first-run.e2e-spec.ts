// First run (#15): the login page of a demo install lists the demo logins while they still use the
// demo password; nowhere else, and not once they change. Requires `npm run build:web` and Chromium.
import type { Browser } from 'playwright-core';
import { AccountService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { DemoDataService, DEMO_PASSWORD } from '../../apps/api/src/bootstrap/demo-data.service';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[first-run.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('first run: demo logins on the login page (browser)', () => {
  let demo: TestApp;
  let plain: TestApp;
  let browser: Browser;
  let current: () => TestApp;
  const pages = new BrowserPages(
    () => browser,
    () => current().baseUrl,
  );

  beforeAll(async () => {
    demo = await createTestApp({ web: true, seed: false, env: { SWITCHBOARD_DEMO: 'true' } });
    await demo.get(DemoDataService).seed();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await (plain ? plain.close() : demo?.close());
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('lists the demo logins; a click fills the form and signs in', async () => {
    current = () => demo;
    const page = await pages.open();
    await page.goto('/login');
    const box = page.getByTestId('demo-logins');
    await waitForText(box.locator('h2'), 'Demo data is loaded');
    expect(await box.getByTestId('demo-login').allInnerTexts()).toEqual([
      expect.stringContaining('admin@switchboard.local'),
      expect.stringContaining('tina@switchboard.local'),
      expect.stringContaining('theo@switchboard.local'),
    ]);
    expect(await box.innerText()).toContain(DEMO_PASSWORD);
    await box.getByRole('button', { name: 'Use tina@switchboard.local' }).click();
    expect(await page.getByTestId('login-email').inputValue()).toBe('tina@switchboard.local');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  it('drops a login once its password changes, speaks French, and says nothing without demo mode', async () => {
    current = () => demo;
    const accounts = demo.get(AccountService);
    const theo = (await accounts.findByEmail('theo@switchboard.local'))!;
    await accounts.update(theo.id, { password: 'a brand new passphrase 77' });
    const api = await demo.http().get('/api/auth/demo-logins').expect(200);
    expect(api.body.logins.map((l: { email: string }) => l.email)).toEqual([
      'admin@switchboard.local',
      'tina@switchboard.local',
    ]);

    const french = await pages.open({ locale: 'fr-FR' });
    await french.goto('/login');
    await waitForText(french.getByTestId('demo-logins').locator('h2'), 'Les données de démonstration sont chargées');
    expect(await french.getByTestId('demo-login').count()).toBe(2);

    // One app at a time: passport's strategies are process-wide, so two apps in one process share the last one's.
    await demo.close();
    plain = await createTestApp({ web: true });
    current = () => plain;
    expect((await plain.http().get('/api/auth/demo-logins').expect(200)).body).toEqual({ logins: [] });
    const page = await pages.open();
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    // Give the request time to land, then check nothing was shown.
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('demo-logins').count()).toBe(0);
  });
});
