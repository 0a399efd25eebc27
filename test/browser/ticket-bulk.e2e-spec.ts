// Browser e2e for the ticket list's bulk actions (#15): row checkboxes, the bulk bar, status and
// priority changes, merging, and the French strings, against the real API on SQLite.
// Requires the built web (apps/web/dist) and Chromium (see tickets.e2e-spec.ts).
import type { Browser, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  pollUntil,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[ticket-bulk.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('ticket list bulk actions (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let contactId: string;

  async function api<T = any>(method: 'get' | 'post', path: string, body?: object): Promise<T> {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
  const createTicket = async (title: string) =>
    (await api<{ number: number }>('post', '/api/tickets', { title, description: 'x', requesterId: contactId })).number;
  const row = (page: Page, number: number) => page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
  const checkbox = (page: Page, number: number) => row(page, number).getByTestId('ticket-select');

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Bulk Corp' });
    contactId = (
      await api<{ id: string }>('post', '/api/contacts', {
        companyId: company.id,
        firstName: 'Bo',
        lastName: 'Bulk',
        email: 'bo@bulk.test',
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('selects two rows, sets their status and priority from the bar, and says what changed', async () => {
    const a = await createTicket('Scanner jams');
    const b = await createTicket('Mouse drifts');
    const c = await createTicket('Screen flickers');
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    await row(page, c).waitFor();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    await checkbox(page, a).check();
    await checkbox(page, b).check();
    await waitForText(page.getByTestId('bulk-count'), '2 selected');
    expect(await row(page, a).evaluate((el) => el.classList.contains('is-selected'))).toBe(true);

    await page.getByTestId('bulk-status').click();
    await page.getByTestId('bulk-status-menu').locator('[data-value="pending"]').click();
    await waitForText(page.getByTestId('bulk-message'), '2 tickets updated.');
    for (const n of [a, b]) {
      await waitForAttribute(row(page, n), 'data-status', 'pending');
      await waitForText(row(page, n).locator('.status-pill'), 'Pending');
      expect(await checkbox(page, n).isChecked()).toBe(false);
    }
    expect(await row(page, c).getAttribute('data-status')).toBe('open');
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });

    // Keyboard only: Space on the checkbox, Enter opens the Priority menu, End + Enter picks Critical.
    await checkbox(page, c).focus();
    await page.keyboard.press('Space');
    await waitForText(page.getByTestId('bulk-count'), '1 selected');
    await page.getByTestId('bulk-priority').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('bulk-priority-menu').waitFor();
    // Focus moves into the menu after it renders: wait for it before the next key.
    const focusedValue = () =>
      page.evaluate<string | null>("document.activeElement?.getAttribute('data-value') ?? null");
    await pollUntil(focusedValue, 'low', 'focus on Low', 10_000);
    await page.keyboard.press('End');
    await pollUntil(focusedValue, 'critical', 'focus on Critical', 10_000);
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('bulk-message'), '1 ticket updated.');
    await waitForText(row(page, c).locator('.col-priority'), 'Critical');

    // Select all on this page, then Clear.
    await page.getByTestId('ticket-select-all').check();
    const rows = await page.getByTestId('ticket-row').count();
    await waitForText(page.getByTestId('bulk-count'), `${rows} selected`);
    await page.getByTestId('bulk-clear').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    expect(await page.getByTestId('ticket-select-all').isChecked()).toBe(false);
  });

  it('merges two selected tickets into the one picked, and names a ticket that could not be merged', async () => {
    const keep = await createTicket('VPN down (first report)');
    const dup = await createTicket('VPN down again');
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    await row(page, dup).waitFor();
    await checkbox(page, keep).check();
    await checkbox(page, dup).check();
    await page.getByTestId('bulk-merge').click();
    const dialog = page.getByTestId('bulk-merge-dialog');
    // The oldest ticket is offered as the one to keep.
    await waitForText(dialog.getByTestId('bulk-merge-dialog-submit'), `Merge into #${keep}`);
    expect(await dialog.locator(`[data-testid="bulk-merge-target"][data-number="${keep}"]`).isChecked()).toBe(true);
    await dialog.getByTestId('bulk-merge-dialog-submit').click();
    await waitForText(page.getByTestId('bulk-message'), `1 ticket merged into #${keep}.`);
    await waitForAttribute(row(page, dup), 'data-status', 'closed');
    expect(await row(page, keep).getAttribute('data-status')).toBe('open');

    // The merged one again (with another ticket): refused for that ticket, by number.
    const other = await createTicket('Printer offline');
    await row(page, other).waitFor();
    await checkbox(page, dup).check();
    await checkbox(page, other).check();
    await page.getByTestId('bulk-merge').click();
    await dialog.locator(`[data-testid="bulk-merge-target"][data-number="${other}"]`).check();
    await dialog.getByTestId('bulk-merge-dialog-submit').click();
    const message = page.getByTestId('bulk-failures');
    await message.waitFor();
    expect(await message.textContent()).toContain(`#${dup} (Ticket #${dup} is already merged into #${keep})`);

    // One row selected: the ticket picker of Actions → Merge finds the ticket to merge into.
    const single = await createTicket('Printer offline (duplicate)');
    await row(page, single).waitFor();
    await checkbox(page, single).check();
    await page.getByTestId('bulk-merge').click();
    const picker = page.getByTestId('merge-dialog');
    await picker.getByTestId('merge-search').fill(`#${other}`);
    await picker.locator(`[data-testid="merge-result"][data-number="${other}"]`).click();
    await picker.getByTestId('merge-dialog-submit').click();
    await waitForText(page.getByTestId('bulk-message'), `1 ticket merged into #${other}.`);
    await waitForAttribute(row(page, single), 'data-status', 'closed');
  });

  it('speaks French', async () => {
    const n = await createTicket('Clavier bloqué');
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/tickets');
    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill(app.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await row(page, n).waitFor();
    expect(await page.getByTestId('ticket-select-all').getAttribute('aria-label')).toBe(
      'Sélectionner tous les tickets de la page',
    );
    expect(await checkbox(page, n).getAttribute('aria-label')).toBe(`Sélectionner le ticket n°${n}`);
    await checkbox(page, n).check();
    // A plural form since the translation layer (#16): "1 sélectionné", "2 sélectionnés".
    await waitForText(page.getByTestId('bulk-count'), '1 sélectionné');
    await waitForText(page.getByTestId('bulk-status'), 'Changer le statut ▾');
    await waitForText(page.getByTestId('bulk-clear'), 'Effacer la sélection');
  });
});
