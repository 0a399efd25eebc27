// Browser e2e for the ticket page's Actions menu (#15) and defect 8 (the ticket's earlier conversation
// above a chat started from it), against the real API on SQLite with a real device socket.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { AGENT_CHAT_PLUGIN, seedDevice } from '../agent-chat/agent-chat.helpers';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForFocus,
  waitForText,
} from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[ticket-actions.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('ticket page Actions menu (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const sockets: Socket[] = [];
  let companyId: string;
  let jane: { id: string };
  let john: { id: string };

  async function api<T = any>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    body?: object,
    token = app.adminToken,
  ) {
    const req = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400)
      throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  const createTicket = async (title: string, requesterId = jane.id) =>
    (
      await api<{ number: number }>('post', '/api/tickets', {
        title,
        description: `${title}: since today.`,
        requesterId,
      })
    ).number;

  async function openTicket(page: Page, number: number) {
    await page.locator(`[data-testid="ticket-page"][data-number="${number}"]`).waitFor();
  }

  async function openMenu(page: Page) {
    await page.getByTestId('ticket-actions-button').click();
    await page.getByTestId('ticket-actions-menu').waitFor();
  }

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [AGENT_CHAT_PLUGIN] });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Initech' });
    companyId = company.id;
    jane = await api('post', '/api/contacts', {
      companyId,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@initech.test',
    });
    john = await api('post', '/api/contacts', {
      companyId,
      firstName: 'John',
      lastName: 'Smith',
      email: 'john@initech.test',
    });
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is a keyboard menu button: Enter opens on the first item, arrows move, Escape and a click outside close it; no Delete for a technician', async () => {
    const number = await createTicket('Keyboard menu');
    const page = await pages.signedIn(app.seed.technician, `/tickets/${number}`);
    await openTicket(page, number);
    const button = page.getByTestId('ticket-actions-button');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByTestId('ticket-actions-menu');
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Start chat',
      'Merge into another ticket…',
      'Edit title…',
      'Change contact…',
      'Product family…',
    ]);
    await waitForFocus(page, 'ticket-action-chat');
    await page.keyboard.press('ArrowDown');
    await waitForFocus(page, 'ticket-action-merge');
    await page.keyboard.press('End');
    await waitForFocus(page, 'ticket-action-family');
    await page.keyboard.press('ArrowDown'); // wraps
    await waitForFocus(page, 'ticket-action-chat');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await waitForFocus(page, 'ticket-actions-button');

    // ArrowUp opens on the last item; Enter on it opens its dialog.
    await page.keyboard.press('ArrowUp');
    await menu.waitFor();
    await waitForFocus(page, 'ticket-action-family');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    await openMenu(page);
    await page.getByTestId('page-title').click();
    await menu.waitFor({ state: 'detached' });
  });

  it('edits the title, changes the contact and sets the product family from the menu', async () => {
    const family = await api<{ id: string; name: string }>('post', '/api/product-families', { name: 'Printers' });
    const number = await createTicket('Old title');
    const page = await pages.signedIn(app.seed.technician, `/tickets/${number}`);
    await openTicket(page, number);

    // Edit title: an empty title cannot be saved; the new one shows at once.
    await openMenu(page);
    await page.getByTestId('ticket-action-title').click();
    const titleDialog = page.getByTestId('title-dialog');
    await titleDialog.waitFor();
    await titleDialog.getByTestId('title-input').fill('   ');
    expect(await titleDialog.getByTestId('title-dialog-submit').isDisabled()).toBe(true);
    await waitForText(titleDialog.getByTestId('title-dialog-error'), 'The title must not be empty');
    await titleDialog.getByTestId('title-input').fill('Printer jams on page 2');
    await titleDialog.getByTestId('title-dialog-submit').click();
    await titleDialog.waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('page-title'), 'Printer jams on page 2');

    // Change contact: pick John in the requester picker.
    expect(await page.getByTestId('ticket-header').textContent()).toContain('Requested by Jane Doe');
    await openMenu(page);
    await page.getByTestId('ticket-action-contact').click();
    const contactDialog = page.getByTestId('contact-dialog');
    await contactDialog.waitFor();
    await contactDialog.getByTestId('contact-picker-input').fill('john');
    await contactDialog.getByRole('option', { name: /John Smith/ }).click();
    await contactDialog.getByTestId('contact-dialog-submit').click();
    await contactDialog.waitFor({ state: 'hidden' });
    await page.getByTestId('ticket-header').filter({ hasText: 'Requested by John Smith' }).waitFor();

    // Product family.
    await waitForText(page.getByTestId('ticket-product-family').locator('.prop-value'), 'None');
    await openMenu(page);
    await page.getByTestId('ticket-action-family').click();
    const familyDialog = page.getByTestId('family-dialog');
    await familyDialog.waitFor();
    await familyDialog.getByTestId('family-select').selectOption(family.id);
    await familyDialog.getByTestId('family-dialog-submit').click();
    await familyDialog.waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('ticket-product-family').locator('.prop-value'), 'Printers');

    const saved = await api('get', `/api/tickets/${number}`);
    expect(saved).toMatchObject({
      title: 'Printer jams on page 2',
      requester: { id: john.id },
      productFamilyId: family.id,
    });
  });

  it('merges into a ticket found by title, and opens it', async () => {
    const target = await createTicket('Scanner offline in accounting');
    const source = await createTicket('Scanner does not work');
    const page = await pages.signedIn(app.seed.technician, `/tickets/${source}`);
    await openTicket(page, source);
    await openMenu(page);
    await page.getByTestId('ticket-action-merge').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('merge-dialog-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('merge-search').fill('accounting');
    const result = dialog.locator(`[data-testid="merge-result"][data-number="${target}"]`);
    await result.waitFor();
    // The ticket itself is never offered.
    expect(await dialog.locator(`[data-testid="merge-result"][data-number="${source}"]`).count()).toBe(0);
    await result.click();
    await waitForText(dialog.getByTestId('merge-dialog-submit'), `Merge #${source} into #${target}`);
    await dialog.getByTestId('merge-dialog-submit').click();
    await page.waitForURL(`**/tickets/${target}`);
    await openTicket(page, target);
    expect((await api('get', `/api/tickets/${source}`)).mergedInto).toBe(target);

    // By number too (a number search finds that ticket directly).
    const third = await createTicket('Another one');
    await page.goto(`/tickets/${third}`);
    await openTicket(page, third);
    await openMenu(page);
    await page.getByTestId('ticket-action-merge').click();
    await page.getByTestId('merge-search').fill(`#${target}`);
    await page.locator(`[data-testid="merge-result"][data-number="${target}"]`).waitFor();
  });

  it('an admin deletes a ticket after confirming; the ticket is gone', async () => {
    const number = await createTicket('Delete me');
    const page = await pages.signedIn(app.seed.admin, `/tickets/${number}`);
    await openTicket(page, number);
    await openMenu(page);
    await page.getByTestId('ticket-action-delete').click();
    const dialog = page.getByTestId('delete-dialog');
    await waitForText(dialog.locator('h2'), `Delete ticket #${number}?`);
    await dialog.getByTestId('delete-dialog-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    await openMenu(page);
    await page.getByTestId('ticket-action-delete').click();
    await dialog.getByTestId('delete-dialog-submit').click();
    await page.waitForURL('**/tickets');
    const res = await app.http().get(`/api/tickets/${number}`).set('Authorization', `Bearer ${app.adminToken}`);
    expect(res.status).toBe(404);
  });

  it('a ticket deleted by an admin leaves an open ticket list live', async () => {
    const number = await createTicket('Gone soon');
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    const row = page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
    await row.waitFor();
    await api('delete', `/api/tickets/${number}`);
    await row.waitFor({ state: 'detached' });
  });

  it('Start chat from a ticket opens the chat with "Earlier in ticket #N" (public messages only), in French too', async () => {
    const { contact, token } = await seedDevice(app);
    const number = (
      await api<{ number: number }>('post', '/api/tickets', {
        title: 'Teams has no sound',
        description: 'No sound in Teams calls since the update.',
        requesterId: contact.id,
      })
    ).number;
    await api('post', `/api/tickets/${number}/comments`, { body: 'Which headset do you use?', visibility: 'public' });
    await api('post', `/api/tickets/${number}/comments`, { body: 'Driver issue, I think.', visibility: 'internal' });
    const device = await app.socket('/device', { token });
    sockets.push(device);
    const requested = new Promise<any>((resolve) => device.once('chat.requested', resolve));

    // French UI (browser language).
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto(`/tickets/${number}`);
    await page.getByTestId('login-email').fill(app.seed.admin.email);
    await page.getByTestId('login-password').fill(app.seed.admin.password);
    await page.getByTestId('login-submit').click();
    await openTicket(page, number);
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    await waitForText(page.getByTestId('ticket-actions-button'), 'Actions ▾');
    await openMenu(page);
    expect(await page.getByTestId('ticket-actions-menu').getByRole('menuitem').allTextContents()).toEqual([
      'Démarrer une discussion',
      'Fusionner dans un autre ticket…',
      'Modifier le titre…',
      'Changer de contact…',
      'Famille de produits…',
      'Supprimer le ticket…',
    ]);
    await page.getByTestId('ticket-action-chat').click();
    await page.waitForURL('**/chats/*');
    const earlier = page.getByTestId('chat-earlier');
    await earlier.waitFor();
    expect(await earlier.locator('strong').first().textContent()).toBe(`Plus tôt dans le ticket n°${number}`);
    const lines = earlier.getByTestId('chat-earlier-line');
    expect(await lines.locator('.case-msg-body').allTextContents()).toEqual([
      'No sound in Teams calls since the update.',
      'Which headset do you use?',
    ]);
    expect(await earlier.textContent()).not.toContain('Driver issue');
    // The device got the same block with the request.
    expect((await requested).chat.earlier.lines.map((l: any) => l.body)).toEqual([
      'No sound in Teams calls since the update.',
      'Which headset do you use?',
    ]);

    // End chat asks first (in French).
    await page.getByTestId('chat-end').click();
    await waitForText(page.getByTestId('chat-end-confirm').locator('h2'), 'Terminer cette discussion ?');
    await page.getByTestId('chat-end-confirm-yes').click();
    await page.locator('[data-testid="chat-pane"][data-status="ended"]').waitFor();
  });
});
