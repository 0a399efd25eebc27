// Browser e2e for #16 (admin area on the translation layer): an administrator whose account speaks
// French (PUT /api/me {language:'fr'}), in an English browser, opens the admin area in a fresh tab
// and sees it in French: portals, email and plugins, devices, settings, the technicians' Devices page
// and the notification settings; <html lang> follows. Real API on SQLite, real Chromium.
// Requires the built web UI (apps/web/dist).
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer } from '../tickets/tickets.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, pollUntil, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[admin-french.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('admin area in French (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    t = await createTestApp({ web: true });
    browser = await launchBrowser();
    // The account's choice, not the browser's: the tabs below are opened with an en-US locale.
    const res = await t.http().put('/api/me').set(bearer(t.adminToken)).send({ language: 'fr' });
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  const htmlLang = (page: Page) =>
    // document.documentElement.lang, read through a locator (jest's tsconfig has no DOM types).
    pollUntil((timeout) => page.locator('html').getAttribute('lang', { timeout }), 'fr', '<html lang="fr">', 10_000);

  it('shows portals, email and plugins in French', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin');
    await htmlLang(page);
    await waitForText(
      page.getByTestId('admin-nav').locator('[data-section="channels"]'),
      'Portails, e-mail et plugins',
    );
    await waitForText(page.getByTestId('admin-nav').locator('[data-section="devices"]'), 'Appareils');
    await waitForText(page.locator('#portals-heading'), 'Portails clients');
    await waitForText(page.getByTestId('portal-new'), 'Nouveau portail');
    await waitForText(
      page.getByTestId('portals-admin').locator('p.muted'),
      'Aucun portail pour le moment. Créez-en un par société pour que ses clients puissent discuter avec vous.',
    );
    await page.getByTestId('portal-new').click();
    const form = page.getByTestId('portal-form');
    expect(await form.getAttribute('aria-label')).toBe('Nouveau portail');
    await waitForText(form.locator('label[for="portal-subdomain"]'), 'Sous-domaine');
    await waitForText(form.locator('label[for="portal-name"]'), "Nom d'affichage");
    expect(await form.locator('#portal-name').getAttribute('placeholder')).toBe('Par défaut, le nom de la société');
    await waitForText(form.getByTestId('portal-form-submit'), 'Créer le portail');
    // Email and plugins, below the portals on the same section.
    await waitForText(page.locator('#mail-queue-heading'), 'E-mails sortants');
    await waitForText(page.locator('#mail-templates-heading'), "Modèles d'e-mail");
    await waitForText(page.locator('#plugins-heading'), 'Extensions');
  });

  it('shows the devices and settings sections in French', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin/devices');
    await htmlLang(page);
    await waitForText(page.locator('#devices-heading'), 'Appareils');
    await waitForText(page.getByTestId('device-new'), 'Ajouter un appareil');

    await page.getByTestId('admin-nav').locator('[data-section="settings"]').click();
    await waitForText(page.locator('#settings-heading'), 'Réglages');
    expect(await page.title()).toContain('Réglages · Administration');
  });

  it('shows the Devices page and the notification settings in French', async () => {
    const page = await pages.signedIn(t.seed.admin, '/devices');
    await htmlLang(page);
    await waitForText(page.getByTestId('page-title'), 'Appareils');

    await page.goto('/settings/notifications');
    await waitForText(page.getByTestId('page-title'), 'Paramètres de notification');
    await waitForText(page.locator('#notif-prefs-title'), 'Nouveaux dossiers');
    await waitForText(page.getByTestId('pref-inApp').locator('.pref-label'), "Notifications dans l'application");
    await waitForText(page.getByTestId('pref-sound-test'), 'Jouer un son de test');
    // The plural and the number follow the language too (1 000 with a French narrow space).
    await waitForText(
      page.locator('#signature-count'),
      `${new Intl.NumberFormat('fr').format(1000)} caractères restants`,
    );
    await htmlLang(page);
  });
});
