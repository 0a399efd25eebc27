// Browser e2e for the keyboard shortcuts (#15): the "?" overlay (the page's shortcuts and the global
// ones; Escape and a click outside close it), j/k moving the list marker, o opening the marked
// ticket, the "g t" / "g c" sequences, "/" to the top-bar search, "n" for a new ticket, nothing while
// typing in a field, and the overlay in the account's language. Requires apps/web/dist and Chromium.
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForFocus,
  waitForText,
  waitForValue,
} from './browser.helper';

jest.setTimeout(120_000);

/**
 * A two-key sequence typed within its 1.5 s window: both keydowns in one page task, because on a
 * loaded CI machine two separate key presses can land further apart than a person would type them.
 */
const sequence = (page: Page, first: string, second: string) =>
  page.evaluate(`for (const key of ${JSON.stringify([first, second])})
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));`);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[shortcuts.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('keyboard shortcuts (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  async function api<T = any>(method: 'post' | 'put', path: string, body: object, token = app.adminToken) {
    const res = await app.http()[method](path).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Initech' });
    const jane = await api<{ id: string }>('post', '/api/contacts', {
      companyId: company.id,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@initech.test',
    });
    for (const title of ['Printer jam', 'VPN down', 'New laptop'])
      await api('post', '/api/tickets', { title, description: 'x', requesterId: jane.id });
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The ticket list in a fresh tab, its rows' ticket numbers in screen order. */
  async function ticketList(): Promise<{ page: Page; numbers: string[] }> {
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    const rows = page.getByTestId('ticket-row');
    await rows.nth(2).waitFor();
    const numbers = await Promise.all([0, 1, 2].map(async (i) => (await rows.nth(i).getAttribute('data-number'))!));
    return { page, numbers };
  }

  const row = (page: Page, number: string) => page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
  const marked = (page: Page) => page.locator('[data-testid="ticket-row"][aria-current="true"]');
  /** The ticket number of the row holding the focus (its link), or null. */
  const focusedRow = (page: Page) =>
    page.evaluate<string | null>("document.activeElement?.closest('tr')?.getAttribute('data-number') ?? null");

  it('"?" shows the list page shortcuts and the global ones; Escape and a click outside close it', async () => {
    const { page } = await ticketList();
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await overlay.isVisible()).toBe(false);
    await page.keyboard.press('?');
    await overlay.waitFor();
    await waitForText(page.getByTestId('shortcuts-title'), 'Keyboard shortcuts');
    const keysOf = (section: string) =>
      page
        .getByTestId(section)
        .getByTestId('shortcut')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-keys')));
    expect(await keysOf('shortcuts-page')).toEqual(['j', 'k', 'o', 'x']);
    expect(await keysOf('shortcuts-global')).toEqual(['?', '/', 'n', 'g t', 'g c']);
    const item = (keys: string) => page.locator(`[data-testid="shortcut"][data-keys="${keys}"]`);
    expect(await item('j').textContent()).toBe('jMark the next ticket');
    expect(await item('o').textContent()).toBe('o or EnterOpen the marked ticket');
    expect(await item('g c').textContent()).toBe('g then cGo to cases');
    // Focus is in the dialog (its Close button) and stays there; the page behind gets no shortcut.
    await waitForFocus(page, 'shortcuts-close');
    const focusInDialog = () =>
      page.evaluate<boolean>("!!document.querySelector('dialog[open]')?.contains(document.activeElement)");
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });

    await page.keyboard.press('?');
    await overlay.waitFor();
    await page.getByTestId('shortcuts-title').click(); // inside: stays open
    expect(await overlay.isVisible()).toBe(true);
    await page.mouse.click(10, 450); // the backdrop, left of the centred dialog
    await overlay.waitFor({ state: 'hidden' });
    // The "j" pressed while it was open did not reach the list.
    expect(await marked(page).count()).toBe(0);
  });

  it('j/k move the marker (with the focus), o opens the marked ticket, "g t" and "g c" navigate', async () => {
    const { page, numbers } = await ticketList();
    await page.keyboard.press('j');
    await waitForAttribute(row(page, numbers[0]), 'aria-current', 'true');
    await page.keyboard.press('j');
    await waitForAttribute(row(page, numbers[1]), 'aria-current', 'true');
    expect(await row(page, numbers[0]).getAttribute('aria-current')).toBeNull();
    expect(await focusedRow(page)).toBe(numbers[1]);
    await page.keyboard.press('k');
    await waitForAttribute(row(page, numbers[0]), 'aria-current', 'true');
    expect(await marked(page).count()).toBe(1);
    expect(await focusedRow(page)).toBe(numbers[0]);
    await page.keyboard.press('j');
    await waitForAttribute(row(page, numbers[1]), 'aria-current', 'true');
    // x selects the marked row for the bulk bar, and unselects it.
    const box = row(page, numbers[1]).getByTestId('ticket-select');
    await page.keyboard.press('x');
    await page.getByTestId('bulk-bar').waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.keyboard.press('x');
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    expect(await box.isChecked()).toBe(false);

    await page.keyboard.press('o');
    await page.locator(`[data-testid="ticket-page"][data-number="${numbers[1]}"]`).waitFor();
    // The ticket page's own shortcut is listed there.
    await page.keyboard.press('?');
    const reply = page.getByTestId('shortcuts-page').locator('[data-testid="shortcut"][data-keys="r"]');
    await waitForText(reply, 'rJump to the reply box');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-overlay').waitFor({ state: 'hidden' });

    await sequence(page, 'g', 't');
    await page.getByTestId('ticket-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tickets');
    // Enter opens the marked ticket too (its link has the focus).
    await row(page, numbers[2]).waitFor();
    await page.keyboard.press('j');
    await waitForAttribute(row(page, numbers[0]), 'aria-current', 'true');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="ticket-page"][data-number="${numbers[0]}"]`).waitFor();
    await sequence(page, 'g', 'c');
    await page.getByTestId('cases-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
  });

  it('"/" focuses the search, typing "j" there is text, and "n" opens New ticket', async () => {
    const { page, numbers } = await ticketList();
    await page.keyboard.press('j');
    await waitForAttribute(row(page, numbers[0]), 'aria-current', 'true');
    await page.keyboard.press('/');
    await waitForFocus(page, 'global-search');
    const search = page.getByTestId('global-search');
    expect(await search.inputValue()).toBe('');
    await page.keyboard.type('j');
    await waitForValue(search, 'j');
    expect(await row(page, numbers[0]).getAttribute('aria-current')).toBe('true');
    expect(await row(page, numbers[1]).getAttribute('aria-current')).toBeNull();
    expect(await page.getByRole('dialog').isVisible()).toBe(false);

    await page.getByTestId('page-title').focus();
    await page.keyboard.press('n');
    await page.getByTestId('new-ticket-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
  });

  it('shows the overlay in French for an account that chose French', async () => {
    await api('put', '/api/me', { language: 'fr' }, app.technicianToken);
    try {
      const { page } = await ticketList();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
      await waitForText(page.getByTestId('shortcuts-title'), 'Raccourcis clavier');
      const item = (keys: string) => page.locator(`[data-testid="shortcut"][data-keys="${keys}"]`);
      expect(await item('j').textContent()).toBe('jMarquer le ticket suivant');
      expect(await item('g t').textContent()).toBe('g puis tAller aux tickets');
      expect(await page.getByTestId('shortcuts-close').textContent()).toBe('Fermer');
    } finally {
      await api('put', '/api/me', { language: null }, app.technicianToken);
    }
  });
});
