// The technician's first load (#16's budget: under 45 KB of gzipped JavaScript, translation layer
// included). Measured as the browser loads it: every script a fresh tab fetches for the sign-in
// page, then for the ticket list once signed in, gzipped as a server would send it. Stylesheets are
// reported beside it (not part of the JavaScript budget).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, REPO_ROOT, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForAttribute } from './browser.helper';

jest.setTimeout(60_000);
const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[first-load-budget.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

/** The technician console's JavaScript budget for its first load, gzipped. */
const FIRST_LOAD_JS_BUDGET = 45 * 1024;

describeWithBrowser('technician first load budget (#16)', () => {
  let t: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  beforeAll(async () => {
    t = await createTestApp({ web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Gzipped bytes of the built assets a page fetched (each counted once), by kind. */
  function recorder(page: Page) {
    const seen = new Set<string>();
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/assets/')) seen.add(path);
    });
    return () => {
      const size = (ext: string) =>
        [...seen]
          .filter((p) => p.endsWith(ext))
          .reduce(
            (sum, p) => sum + gzipSync(readFileSync(join(REPO_ROOT, 'apps/web/dist', p)), { level: 9 }).length,
            0,
          );
      return { js: size('.js'), css: size('.css'), files: [...seen].sort() };
    };
  }

  it('loads the sign-in page, then the signed-in ticket list, with under 45 KB of gzipped JavaScript', async () => {
    const page = await pages.open();
    const sizes = recorder(page);
    await page.goto('/tickets');
    await page.getByTestId('login-email').waitFor();
    const signIn = sizes();
    await page.getByTestId('login-email').fill(t.seed.technician.email);
    await page.getByTestId('login-password').fill(t.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    await page.getByTestId('new-ticket').waitFor();
    await page.waitForLoadState('networkidle');
    const signedIn = sizes();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `[first-load-budget] sign-in page: JS ${kb(signIn.js)}, CSS ${kb(signIn.css)}; ` +
        `ticket list signed in: JS ${kb(signedIn.js)}, CSS ${kb(signedIn.css)} (${signedIn.files.length} files)`,
    );
    expect(signIn.js).toBeGreaterThan(0);
    expect(signIn.js).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    expect(signedIn.js).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    expect(await pages.closeAll()).toEqual([]);
  });
});
