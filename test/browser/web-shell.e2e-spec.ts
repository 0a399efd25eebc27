// Browser e2e for the technician web shell (apps/web): the real API (createTestApp) serves the built
// SPA, and system Chromium drives it. Requires `npm run build:web` to have produced apps/web/dist.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  trackPageErrors,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(60_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) {
  console.warn(
    `[web-shell.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override).`,
  );
}
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('web shell (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = trackPageErrors(page);
  });

  afterEach(async () => {
    await context?.close();
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('rejects a wrong password, signs in, goes live and persists availability across a reload', async () => {
    const { email, password } = app.seed.admin;

    await page.goto('/');
    await page.getByTestId('login-form').waitFor();

    // Wrong password: the fixed, friendly error is shown and we stay on the login form.
    await signIn(email, `${password}-wrong`);
    await waitForText(page.getByTestId('login-error'), 'Invalid email or password');
    expect(await page.getByTestId('side-menu').count()).toBe(0);

    // Correct password: the signed-in shell with the full (admin) menu, landing on Tickets.
    await signIn(email, password);
    const menu = page.getByTestId('side-menu');
    await menu.waitFor();
    for (const label of ['Tickets', 'Chats', 'Cases', 'Admin']) {
      expect(await menu.getByRole('link', { name: label, exact: true }).isVisible()).toBe(true);
    }
    await waitForText(page.getByTestId('page-title'), 'Tickets');
    expect(new URL(page.url()).pathname).toBe('/tickets');
    expect(await page.getByText('Switchboard', { exact: true }).first().isVisible()).toBe(true);

    // The /agent socket authenticates (token from login or cookie). Connected, the indicator shows
    // nothing (a green "Online" read as availability, #15.10): no pill, no "online" text in the bar.
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    expect((await page.getByTestId('connection-status').textContent())?.trim()).toBe('');
    expect((await page.locator('.topbar').innerText()).toLowerCase()).not.toContain('online');

    // Client-side navigation works and updates the title.
    await menu.getByRole('link', { name: 'Chats', exact: true }).click();
    await waitForText(page.getByTestId('page-title'), 'Chats');
    expect(new URL(page.url()).pathname).toBe('/chats');

    // Availability is the labelled switch in the top bar (no menu to open), the same setting as the API's.
    const toggle = page.locator('.topbar').getByRole('switch', { name: /Chat availability/ });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('data-testid')).toBe('availability-toggle');
    const before = await toggle.getAttribute('aria-checked');
    expect(before === 'true' || before === 'false').toBe(true);
    const after = before === 'true' ? 'false' : 'true';
    await toggle.click();
    await waitForAttribute(toggle, 'aria-checked', after);
    await waitForText(page.getByTestId('availability-text'), after === 'true' ? 'Available' : 'Unavailable');
    const me = await page.evaluate(() =>
      fetch('/api/auth/me', { credentials: 'include' }).then((r) => r.json() as Promise<{ availability: string }>),
    );
    expect(me.availability).toBe(after === 'true' ? 'available' : 'unavailable');

    // Reload: session comes back from the httpOnly cookie alone, on the same route, with the persisted value.
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    await waitForText(page.getByTestId('page-title'), 'Chats');
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    await waitForAttribute(page.getByTestId('availability-toggle'), 'aria-checked', after);
    await waitForText(page.getByTestId('availability-text'), after === 'true' ? 'Available' : 'Unavailable');
    // And back, so the switch works both ways.
    await page.getByTestId('availability-toggle').click();
    await waitForAttribute(page.getByTestId('availability-toggle'), 'aria-checked', before!);
    await page.getByTestId('profile-menu').click();

    // Sign out returns to the login form, and a reload keeps us signed out (cookie cleared).
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor();
    await page.reload();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('side-menu').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });

  it('serves deep links and collapses the side menu into a drawer on phone widths', async () => {
    const { email, password } = app.seed.admin;
    await page.setViewportSize({ width: 375, height: 740 });

    // A deep link while signed out shows the login page, then lands on the requested page.
    await page.goto('/cases');
    await page.getByTestId('login-form').waitFor();
    await signIn(email, password);
    await waitForText(page.getByTestId('page-title'), 'Cases');

    const menu = page.getByTestId('side-menu');
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Navigation' }).click();
    await menu.getByRole('link', { name: 'Admin', exact: true }).click();
    await waitForText(page.getByTestId('page-title'), 'Admin');
    await menu.waitFor({ state: 'hidden' });

    expect(pageErrors).toEqual([]);
  });
});
