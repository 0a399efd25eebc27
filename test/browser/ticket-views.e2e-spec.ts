// Browser e2e for the ticket list's saved views (#15) against the real API on SQLite.
// Requires the built web (`npx vite build --config apps/web/vite.config.mjs`) and Chromium.
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

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) {
  console.warn(`[ticket-views.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
}
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('ticket list saved views (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const numbers: Record<string, number> = {};

  async function api<T = any>(method: 'get' | 'post' | 'patch', path: string, body?: object): Promise<T> {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400)
      throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  const view = (page: Page, id: string) => page.locator(`[data-testid="ticket-view"][data-view="${id}"]`);
  const name = (page: Page, id: string) => view(page, id).locator('.ticket-view-name');
  const count = (page: Page, id: string) => view(page, id).getByTestId('ticket-view-count').locator('[aria-hidden]');
  const rowNumbers = async (page: Page) =>
    (await page.getByTestId('ticket-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))))
      .map(Number)
      .sort((a, b) => a - b);

  async function waitForRows(page: Page, expected: number[]): Promise<void> {
    const want = [...expected].sort((a, b) => a - b);
    const deadline = Date.now() + 10_000;
    let got: number[] = [];
    while (Date.now() < deadline) {
      got = await rowNumbers(page);
      if (JSON.stringify(got) === JSON.stringify(want)) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`ticket rows: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }

  beforeAll(async () => {
    // Counts stop at 2 here, so the strip shows a capped count ("2+") next to exact ones.
    app = await createTestApp({ web: true, env: { SWITCHBOARD_VIEW_COUNT_LIMIT: '2' } });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Acme Corp' });
    const contact = await api<{ id: string }>('post', '/api/contacts', {
      companyId: company.id,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@acme.test',
    });
    const ticket = async (key: string, extra: object) => {
      const t = await api<{ number: number }>('post', '/api/tickets', {
        title: `${key} ticket`,
        description: 'It broke this morning.',
        requesterId: contact.id,
        ...extra,
      });
      numbers[key] = t.number;
    };
    await ticket('Unassigned urgent', { priority: 'high' });
    await ticket('Unassigned waiting', { status: 'pending' });
    await ticket('Assigned', { assigneeId: app.seed.technician.id });
    await ticket('Resolved', { status: 'resolved' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('shows the views with counts, applies one, saves a custom view that survives a reload, deletes it', async () => {
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    const strip = page.getByTestId('ticket-views');
    await strip.waitFor();
    await waitForText(name(page, 'mine'), 'My open tickets');
    await waitForText(count(page, 'mine'), '1');
    await waitForText(count(page, 'unassigned'), '2');
    await waitForText(count(page, 'waiting'), '1');
    // Three open tickets over a limit of 2: "2+", read out as "more than 2 tickets".
    await waitForText(count(page, 'open'), '2+');
    await waitForText(view(page, 'open').locator('.visually-hidden'), 'more than 2 tickets');
    await waitForRows(page, Object.values(numbers));

    // Unassigned: only the unassigned, not-done tickets; the view is highlighted and in the URL.
    await view(page, 'unassigned').click();
    await waitForAttribute(view(page, 'unassigned'), 'aria-current', 'true');
    await waitForRows(page, [numbers['Unassigned urgent'], numbers['Unassigned waiting']]);
    expect(new URL(page.url()).searchParams.get('view')).toBe('unassigned');
    expect(await page.getByTestId('filter-assignee').inputValue()).toBe('none');

    // Narrowing the filters by hand takes the view off; save that as a view of one's own.
    await page.getByTestId('filter-priority').selectOption('high');
    await waitForRows(page, [numbers['Unassigned urgent']]);
    expect(await view(page, 'unassigned').getAttribute('aria-current')).toBeNull();
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await page.getByTestId('save-view').click();
    const dialog = page.getByTestId('save-view-dialog');
    await dialog.getByTestId('save-view-dialog-name').fill('Urgent, nobody on it');
    await dialog.getByTestId('save-view-dialog-submit').click();
    const custom = page.getByTestId('ticket-view').filter({ hasText: 'Urgent, nobody on it' });
    await waitForAttribute(custom, 'aria-current', 'true');
    await waitForText(custom.getByTestId('ticket-view-count').locator('[aria-hidden]'), '1');
    const id = await custom.getAttribute('data-view');
    expect(new URL(page.url()).searchParams.get('view')).toBe(id);

    // A fresh load of the same URL: the view is still there, active, with its count and its filters.
    await page.reload();
    await waitForAttribute(custom, 'aria-current', 'true');
    await waitForText(custom.getByTestId('ticket-view-count').locator('[aria-hidden]'), '1');
    await waitForRows(page, [numbers['Unassigned urgent']]);
    expect(await page.getByTestId('filter-priority').inputValue()).toBe('high');

    // Rename it, then delete it from its menu.
    await page.getByRole('button', { name: 'Options for view Urgent, nobody on it' }).click();
    await page.getByTestId('ticket-view-rename').click();
    const rename = page.getByTestId('rename-view-dialog');
    await rename.getByTestId('rename-view-dialog-name').fill('Hot potatoes');
    await rename.getByTestId('rename-view-dialog-submit').click();
    await waitForText(name(page, id!), 'Hot potatoes');
    await page.getByRole('button', { name: 'Options for view Hot potatoes' }).click();
    await page.getByTestId('ticket-view-delete').click();
    await page.getByTestId('delete-view-dialog-yes').click();
    await view(page, id!).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    const left = await api<{ id: string }[]>('get', '/api/ticket-views');
    expect(left.map((v) => v.id)).toEqual(['mine', 'unassigned', 'waiting', 'open']);
  });

  it('opening /tickets?view=… applies the view, and counts follow live changes from the API', async () => {
    const page = await pages.signedIn(app.seed.technician, '/tickets?view=unassigned');
    await waitForAttribute(view(page, 'unassigned'), 'aria-current', 'true');
    await waitForRows(page, [numbers['Unassigned urgent'], numbers['Unassigned waiting']]);
    await waitForText(count(page, 'unassigned'), '2');
    await waitForText(count(page, 'mine'), '1');

    // Someone assigns a ticket to the technician through the API: the badges follow without a reload.
    await api('patch', `/api/tickets/${numbers['Unassigned urgent']}`, { assigneeId: app.seed.technician.id });
    await waitForText(count(page, 'unassigned'), '1');
    await waitForText(count(page, 'mine'), '2');
    await waitForRows(page, [numbers['Unassigned waiting']]);

    // On "My open tickets" (open or pending, two categories), a live change keeps a fitting row in place.
    await view(page, 'mine').click();
    await waitForRows(page, [numbers['Assigned'], numbers['Unassigned urgent']]);
    await api('patch', `/api/tickets/${numbers['Assigned']}`, { priority: 'critical' });
    await waitForText(
      page.locator(`[data-testid="ticket-row"][data-number="${numbers['Assigned']}"] .col-priority`),
      'Critical',
    );
    await waitForRows(page, [numbers['Assigned'], numbers['Unassigned urgent']]);
  });

  it('speaks French to a French browser', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/tickets');
    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill(app.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await waitForText(name(page, 'mine'), 'Mes tickets ouverts');
    await waitForText(name(page, 'waiting'), 'En attente du contact');
    await waitForText(page.getByTestId('save-view'), 'Enregistrer la vue…');
  });
});
