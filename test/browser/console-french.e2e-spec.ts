// Browser e2e for the console in French (#16 item 1): the login page follows a French browser, and
// a technician whose account chose French sees the cases and chats screens, the side menu and the
// top bar in French, with <html lang="fr">. Requires apps/web/dist and Chromium.
import type { Browser, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, pollUntil, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[console-french.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('console in French (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  async function setLanguage(language: 'fr' | null) {
    const res = await app
      .http()
      .put('/api/me')
      .set('Authorization', `Bearer ${app.technicianToken}`)
      .send({ language });
    expect(res.status).toBeLessThan(300);
  }

  const htmlLang = (page: Page) =>
    pollUntil(() => page.evaluate<string>('document.documentElement.lang'), 'fr', '<html lang="fr">', 10_000);

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the login page in French in a French browser', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    await waitForText(page.locator('.login-title'), 'Se connecter');
    await waitForText(page.getByTestId('login-submit'), 'Se connecter');
    await waitForText(page.getByTestId('login-form').locator('.field-label').first(), 'Adresse e-mail');
    await waitForText(page.getByTestId('login-form').locator('.field-label').nth(1), 'Mot de passe');
    await htmlLang(page);
    expect(await page.title()).toBe('Connexion · Switchboard');

    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await waitForText(page.getByTestId('login-error'), 'Adresse e-mail ou mot de passe incorrect');
  });

  it('shows cases, chats, the side menu and the top bar in French for a French account', async () => {
    await setLanguage('fr');
    try {
      const page = await pages.signedIn(app.seed.technician, '/cases');
      await htmlLang(page);
      await waitForText(page.getByTestId('page-title'), 'Dossiers');
      await waitForText(page.getByTestId('cases-tab-unassigned'), 'Non attribués');
      await waitForText(page.getByTestId('cases-tab-mine'), 'Mes dossiers');
      await waitForText(page.getByTestId('cases-tab-all'), 'Tous les dossiers');
      await waitForText(
        page.getByTestId('cases-empty'),
        'Personne n’attend. Les nouvelles discussions et demandes apparaissent ici immédiatement.',
      );
      await waitForText(page.locator('.case-placeholder h2'), 'Sélectionnez un dossier');

      const menu = page.getByTestId('side-menu');
      expect(await menu.getAttribute('aria-label')).toBe('Principal');
      await waitForText(menu.locator('a[href="/cases"]'), 'Dossiers');
      await waitForText(menu.locator('a[href="/chats"]'), 'Discussions');
      await waitForText(menu.locator('a[href="/devices"]'), 'Appareils');
      await waitForText(menu.locator('a[href="/tickets"]'), 'Tickets');

      const text = (await page.getByTestId('availability-text').textContent())?.trim();
      expect(['Disponible', 'Indisponible']).toContain(text);
      expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notifications');
      expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');

      await page.getByTestId('side-menu').locator('a[href="/chats"]').click();
      await waitForText(page.getByTestId('page-title'), 'Discussions');
      await waitForText(page.locator('section.empty-state h2'), 'Aucune discussion en cours');
      await htmlLang(page);
    } finally {
      await setLanguage(null);
    }
  });
});
