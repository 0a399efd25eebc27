// Browser e2e for the tickets area in French (#16): a technician whose account chose French sees the
// ticket list (column headers, filters, buttons) and a ticket (composer, actions) in French, with
// `<html lang="fr">`; switching to English in the profile menu turns the list English without a
// reload. Requires apps/web/dist and Chromium.
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[tickets-french.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('tickets area in French (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  let number: number;
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
    ({ number } = await api<{ number: number }>('post', '/api/tickets', {
      title: 'Imprimante bloquée',
      description: 'Bourrage papier',
      requesterId: jane.id,
      priority: 'high',
    }));
    await api('put', '/api/me', { language: 'fr' }, app.technicianToken);
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const headers = (page: import('playwright-core').Page) =>
    page.locator('[data-testid="ticket-list"] thead th').allTextContents();

  it('shows the list and a ticket in French, then English after a switch in the profile menu', async () => {
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    const list = page.getByTestId('ticket-list');
    await list.locator(`[data-testid="ticket-row"][data-number="${number}"]`).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');

    // The list: title, headers, filters, buttons, and the enum labels of the row.
    await waitForText(page.getByTestId('page-title'), 'Tickets');
    expect(await headers(page)).toEqual(['', '#', 'Titre', 'Statut', 'Priorité', 'Technicien', 'Mis à jour']);
    await waitForText(page.getByTestId('new-ticket'), 'Nouveau ticket');
    const filters = page.getByTestId('ticket-filters');
    expect(await filters.getAttribute('aria-label')).toBe('Filtres');
    expect(await page.getByTestId('filter-q').getAttribute('placeholder')).toBe(
      'Rechercher dans le titre et la description',
    );
    expect(await page.getByTestId('filter-sort').locator('option').first().textContent()).toBe('Mis à jour récemment');
    expect(await page.getByTestId('filter-priority').locator('option').allTextContents()).toEqual([
      'Tous',
      'Basse',
      'Moyenne',
      'Haute',
      'Critique',
    ]);
    expect(await page.getByTestId('filter-assignee').locator('option').allTextContents()).toEqual(
      expect.arrayContaining(["N'importe qui", 'Moi', 'Non attribué']),
    );
    const row = list.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
    await waitForText(row.locator('.col-priority'), 'Haute');
    await waitForText(row.locator('.col-assignee'), 'Non attribué');

    // A ticket: composer and actions in French.
    await row.getByTestId('ticket-link').click();
    await page.getByTestId('ticket-composer').waitFor();
    expect(await page.getByTestId('composer-body').getAttribute('placeholder')).toBe(
      'Répondez au demandeur (envoyé par e-mail et affiché dans le portail)…',
    );
    await waitForText(page.getByTestId('composer-submit'), 'Envoyer la réponse');
    await waitForText(page.getByTestId('composer-visibility-internal'), 'Note interne');
    await waitForText(page.getByTestId('quick-reply-button'), 'Réponse rapide');
    await waitForText(page.getByTestId('composer-attach'), 'Joindre des fichiers');
    expect(await page.getByTestId('ticket-priority').locator('option:checked').textContent()).toBe('Haute');
    await waitForText(page.getByRole('tab', { name: 'Activité' }), 'Activité');
    await waitForText(page.locator('.back-link'), '← Tickets');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');

    // Back to the list, then English from the profile menu: no reload, the headers follow.
    await page.locator('.back-link').click();
    await list.locator(`[data-testid="ticket-row"][data-number="${number}"]`).waitFor();
    await page.evaluate('window.__noReload = true');
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('language-select').selectOption('en');
    await waitForText(page.getByTestId('new-ticket'), 'New ticket');
    expect(await headers(page)).toEqual(['', '#', 'Title', 'Status', 'Priority', 'Assignee', 'Updated']);
    expect(await page.getByTestId('filter-q').getAttribute('placeholder')).toBe('Search title and description');
    await waitForText(page.locator(`[data-testid="ticket-row"][data-number="${number}"] .col-priority`), 'High');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await page.evaluate<boolean>('window.__noReload === true')).toBe(true);
  });
  it("shows a quick reply's French name in a French console, its default name in English", async () => {
    await api('post', '/api/quick-replies', {
      name: 'Parts ordered',
      nameFr: 'Pièces commandées',
      body: 'Ordered',
      shared: true,
    });
    await api('put', '/api/me', { language: 'fr' }, app.technicianToken);
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    await page.locator(`[data-testid="ticket-row"][data-number="${number}"] [data-testid="ticket-link"]`).click();
    await page.getByTestId('quick-reply-button').click();
    const item = page.getByTestId('quick-reply-picker').getByTestId('quick-reply-item');
    await waitForText(item.locator('.qr-name'), 'Pièces commandées');
    await page.close();
    await api('put', '/api/me', { language: 'en' }, app.technicianToken);
    const english = await pages.signedIn(app.seed.technician, '/tickets');
    await english.locator(`[data-testid="ticket-row"][data-number="${number}"] [data-testid="ticket-link"]`).click();
    await english.getByTestId('quick-reply-button').click();
    await waitForText(english.getByTestId('quick-reply-picker').locator('.qr-name'), 'Parts ordered');
  });
});
