// Browser e2e for #20: the top bar's global search box. Typing a word of a comment shows its ticket;
// French stemming ("imprimantes" finds "imprimante"); results grouped by type and driven by the
// keyboard (↓, Enter opens the ticket); French strings. Requires apps/web/dist and Chromium.
import type { Browser, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForAttribute } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[global-search.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('global search box (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let commented = 0;
  let printer = 0;

  async function ok<T = any>(method: 'get' | 'post', path: string, body?: object) {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  const typeSearch = async (page: Page, text: string) => {
    const box = page.getByTestId('global-search');
    await box.fill(text);
    await waitForAttribute(page.locator('.global-search'), 'data-state', 'done');
    return box;
  };

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Search Corp' });
    const contact = await ok<{ id: string }>('post', '/api/contacts', {
      companyId: company.id,
      firstName: 'Odile',
      lastName: 'Marchetti',
      email: 'odile@search-corp.example',
    });
    commented = (
      await ok<{ number: number }>('post', '/api/tickets', {
        title: 'VPN drops',
        description: 'Every hour',
        requesterId: contact.id,
      })
    ).number;
    await ok('post', `/api/tickets/${commented}/comments`, {
      body: 'Replaced the capybara router firmware',
      visibility: 'public',
    });
    printer = (
      await ok<{ number: number }>('post', '/api/tickets', {
        title: "L'imprimante ne répond plus",
        description: '',
        requesterId: contact.id,
      })
    ).number;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('a word of a comment shows its ticket, grouped under Tickets; ↓ then Enter opens it', async () => {
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    const box = await typeSearch(page, 'capybara');
    const hit = page.locator(`[data-testid="search-hit"][data-kind="ticket"][data-value="${commented}"]`);
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('VPN drops');
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('capybara');
    await expect(page.locator('.global-search-group').allTextContents()).resolves.toEqual(['Tickets']);
    await box.press('ArrowDown');
    await waitForAttribute(hit, 'aria-selected', 'true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await hit.getAttribute('id'));
    await box.press('Enter');
    await page.waitForURL(`**/tickets/${commented}`);
  });

  it('in French: "imprimantes" finds "imprimante", contacts are grouped, and nothing found says so', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/tickets');
    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill(app.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await expect(page.getByTestId('global-search').getAttribute('placeholder')).resolves.toBe('Rechercher…');
    await typeSearch(page, 'imprimantes');
    await page.locator(`[data-testid="search-hit"][data-kind="ticket"][data-value="${printer}"]`).waitFor();
    await typeSearch(page, 'marchetti');
    await page.locator('[data-testid="search-hit"][data-kind="contact"]').waitFor();
    await expect(page.locator('.global-search-group').allTextContents()).resolves.toEqual(['Contacts']);
    await typeSearch(page, 'zzqxw');
    await expect(page.getByTestId('global-search-empty').textContent()).resolves.toBe('Aucun résultat pour « zzqxw »');
    await page.getByTestId('global-search').press('Escape');
    await waitForAttribute(page.getByTestId('global-search'), 'aria-expanded', 'false');
  });
});
