// Browser e2e for the console in French (#16 item 1): the login page follows a French browser, and
// a technician whose account chose French sees the cases and chats screens, the side menu and the
// top bar in French, with <html lang="fr">; the profile menu's switch turns the cases dashboard, the
// chats page and the admin page to French and back without a reload. Requires apps/web/dist and Chromium.
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

  async function setLanguage(language: 'fr' | null, token = app.technicianToken) {
    const res = await app.http().put('/api/me').set('Authorization', `Bearer ${token}`).send({ language });
    expect(res.status).toBeLessThan(300);
  }

  const htmlLang = (page: Page, lang = 'fr') =>
    pollUntil(() => page.evaluate<string>('document.documentElement.lang'), lang, `<html lang="${lang}">`, 10_000);

  /** The profile menu's language switch, as a technician uses it (the page stays loaded). */
  async function switchLanguage(page: Page, lang: 'en' | 'fr') {
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('language-select').selectOption(lang);
    await htmlLang(page, lang);
  }

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

  it('switches the cases dashboard, the chats page and the admin page to French and back, without a reload', async () => {
    try {
      const page = await pages.signedIn(app.seed.admin, '/cases');
      await waitForText(page.getByTestId('page-title'), 'Cases');
      await waitForText(page.getByTestId('cases-tab-unassigned'), 'Unassigned');
      // A reload would drop this mark: every check below proves the switch happened in place.
      await page.evaluate('window.__noReload = true');
      const noReload = () => page.evaluate<boolean>('window.__noReload === true');

      // Cases dashboard: tabs, empty column, placeholder, side menu, top bar.
      await switchLanguage(page, 'fr');
      await waitForText(page.getByTestId('page-title'), 'Dossiers');
      await waitForText(page.getByTestId('cases-tab-unassigned'), 'Non attribués');
      await waitForText(page.getByTestId('cases-tab-mine'), 'Mes dossiers');
      await waitForText(page.getByTestId('cases-tab-all'), 'Tous les dossiers');
      await waitForText(
        page.getByTestId('cases-empty'),
        'Personne n’attend. Les nouvelles discussions et demandes apparaissent ici immédiatement.',
      );
      await waitForText(page.locator('.case-placeholder h2'), 'Sélectionnez un dossier');
      await waitForText(page.getByTestId('side-menu').locator('a[href="/chats"]'), 'Discussions');
      expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');
      await switchLanguage(page, 'en');
      await waitForText(page.getByTestId('page-title'), 'Cases');
      await waitForText(page.getByTestId('cases-tab-mine'), 'My cases');
      await waitForText(
        page.getByTestId('cases-empty'),
        'No one is waiting. New chats and requests appear here instantly.',
      );
      await waitForText(page.locator('.case-placeholder h2'), 'Select a case');
      await waitForText(page.getByTestId('side-menu').locator('a[href="/chats"]'), 'Chats');
      expect(await page.locator('.skip-link').textContent()).toBe('Skip to content');

      // Chats page.
      await page.getByTestId('side-menu').locator('a[href="/chats"]').click();
      await waitForText(page.locator('section.empty-state h2'), 'No active chats');
      await switchLanguage(page, 'fr');
      await waitForText(page.getByTestId('page-title'), 'Discussions');
      await waitForText(page.locator('section.empty-state h2'), 'Aucune discussion en cours');
      await switchLanguage(page, 'en');
      await waitForText(page.getByTestId('page-title'), 'Chats');
      await waitForText(page.locator('section.empty-state h2'), 'No active chats');

      // Admin page: the sub-navigation and the section shown.
      await page.getByTestId('side-menu').locator('a[href="/admin"]').click();
      await waitForText(page.locator('#portals-heading'), 'Customer portals');
      await switchLanguage(page, 'fr');
      await waitForText(page.getByTestId('page-title'), 'Administration');
      await waitForText(
        page.getByTestId('admin-nav').locator('[data-section="channels"]'),
        'Portails, e-mail et plugins',
      );
      await waitForText(page.getByTestId('admin-nav').locator('[data-section="users"]'), 'Utilisateurs');
      await waitForText(page.locator('#portals-heading'), 'Portails clients');
      await waitForText(page.getByTestId('portal-new'), 'Nouveau portail');
      await waitForText(
        page.getByTestId('portals-admin').locator('p.muted'),
        'Aucun portail pour le moment. Créez-en un par société pour que ses clients puissent discuter avec vous.',
      );
      await switchLanguage(page, 'en');
      await waitForText(page.getByTestId('page-title'), 'Admin');
      await waitForText(page.getByTestId('admin-nav').locator('[data-section="channels"]'), 'Portals, email & plugins');
      await waitForText(page.getByTestId('admin-nav').locator('[data-section="users"]'), 'Users');
      await waitForText(page.locator('#portals-heading'), 'Customer portals');
      await waitForText(page.getByTestId('portal-new'), 'New portal');
      await waitForText(
        page.getByTestId('portals-admin').locator('p.muted'),
        'No portal yet. Create one per company so its customers can chat with you.',
      );
      expect(await noReload()).toBe(true);
    } finally {
      await setLanguage(null, app.adminToken);
    }
  });
});
