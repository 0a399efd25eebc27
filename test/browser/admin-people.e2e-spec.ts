// Browser e2e for issue #15 (screens that were API-only): the admin sections Users, Companies,
// Contacts and Devices, each loaded in a fresh tab, against the real API on SQLite and Chromium.
// The end-to-end flow is the "done" line: a new admin sets up chat for a company, enrols a
// device and assigns its contact without curl. Requires the built web UI (apps/web/dist).
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(180_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[admin-people.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('admin: users, companies, contacts, devices (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const sockets: Socket[] = [];

  const ok = async <T = any>(method: 'get' | 'post' | 'patch' | 'put', path: string, body?: object): Promise<T> => {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const row = (page: Page, testId: string, attr: string, value: string) =>
    page.locator(`[data-testid="${testId}"][data-${attr}="${value}"]`);

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a technician gets no access to the admin sections', async () => {
    const page = await pages.signedIn(app.technician, '/admin/users');
    await waitForText(page.locator('.empty-state h2'), 'Only administrators can open this page.');
    expect(await page.getByTestId('users-admin').count()).toBe(0);
    // Nor through the API behind the screens.
    const res = await app.http().get('/api/accounts').set('Authorization', `Bearer ${app.technicianToken}`);
    expect(res.status).toBe(403);
  });

  it('users: create (weak password and duplicate email refused), edit role/companies/permissions, deactivate, delete', async () => {
    await ok('post', '/api/companies', { name: 'Users Co' });
    await ok('post', '/api/companies', { name: 'Other Co' });
    const page = await pages.signedIn(app.admin, '/admin/users');
    await waitForAttribute(page.locator('.admin-nav a[data-section="users"]'), 'aria-current', 'page');
    await row(page, 'user-row', 'email', app.admin.email).waitFor();

    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-form');
    await form.getByTestId('user-form-name').fill('Nina New');
    await form.getByTestId('user-form-email').fill('nina@test.local');
    await form.getByTestId('user-form-password').fill('password1234');
    await form.getByTestId('user-form-submit').click();
    // The server's policy, at the field.
    await waitForText(
      form.getByTestId('user-form-error-password'),
      'password is too common or too easy to guess (common passwords, keyboard patterns and repetitions are refused)',
    );

    await form.getByTestId('user-form-email').fill(app.technician.email);
    await form.getByTestId('user-form-password').fill('correct horse battery staple');
    await form.getByTestId('user-form-submit').click();
    await waitForText(
      form.getByTestId('user-form-error-email'),
      `An account with email ${app.technician.email} already exists`,
    );

    await form.getByTestId('user-form-email').fill('nina@test.local');
    await form.getByTestId('user-form-submit').click();
    const nina = row(page, 'user-row', 'email', 'nina@test.local');
    await waitForText(nina.getByTestId('user-role'), 'Technician');
    await waitForText(nina.getByTestId('user-companies'), 'All companies');
    expect(await page.getByTestId('user-form').count()).toBe(0);

    // Edit: administrator, one company only, PII reveal.
    await nina.getByTestId('user-edit').click();
    await page.getByTestId('user-form-role').selectOption('admin');
    await page.getByTestId('user-form-some-companies').check();
    await page.locator('[data-testid="user-form-companies"] input[data-company="Users Co"]').check();
    await page.getByTestId('user-form-pii').check();
    await page.getByTestId('user-form-submit').click();
    await waitForText(nina.getByTestId('user-companies'), 'Users Co');
    await waitForText(nina.getByTestId('user-role'), 'AdministratorPII reveal');
    const stored = (await ok<{ items: any[] }>('get', '/api/accounts')).items.find(
      (a) => a.email === 'nina@test.local',
    );
    expect(stored).toMatchObject({ role: 'admin', allCompanies: false, permissions: ['pii.reveal'] });

    // Deactivate, reactivate.
    await nina.getByTestId('user-toggle-active').click();
    await waitForText(nina.getByTestId('user-state'), 'Deactivated');
    await waitForText(nina.getByTestId('user-toggle-active'), 'Reactivate');
    await nina.getByTestId('user-toggle-active').click();
    await waitForText(nina.getByTestId('user-state'), 'Active');

    // Delete with confirmation.
    await nina.getByTestId('user-delete').click();
    const confirm = page.getByTestId('user-delete-confirm');
    await waitForText(confirm.locator('h2'), 'Delete the account of Nina New?');
    await confirm.getByTestId('user-delete-confirm-yes').click();
    await nina.waitFor({ state: 'detached' });

    // The only active administrator cannot remove themself: the refusal is shown in the dialog.
    await row(page, 'user-row', 'email', app.admin.email).getByTestId('user-delete').click();
    await confirm.getByTestId('user-delete-confirm-yes').click();
    await waitForText(
      confirm.getByTestId('user-delete-confirm-error'),
      'The last active administrator cannot be removed, demoted or deactivated',
    );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await row(page, 'user-row', 'email', app.admin.email).getByTestId('user-toggle-active').click();
    await waitForText(
      page.getByTestId('users-error'),
      'The last active administrator cannot be removed, demoted or deactivated',
    );
    await waitForText(row(page, 'user-row', 'email', app.admin.email).getByTestId('user-state'), 'Active');
  });

  it('companies: create (duplicate refused), rename, chat on/off, delete', async () => {
    const page = await pages.signedIn(app.admin, '/admin/companies');
    await page.getByTestId('companies-admin').waitFor();
    await page.getByTestId('company-new').click();
    await page.getByTestId('company-form-name').fill('Globex');
    await page.getByTestId('company-form-submit').click();
    const globex = row(page, 'company-row', 'name', 'Globex');
    await globex.waitFor();

    await page.getByTestId('company-new').click();
    await page.getByTestId('company-form-name').fill('GLOBEX');
    await page.getByTestId('company-form-submit').click();
    await waitForText(page.getByTestId('company-form-error'), 'A company named "GLOBEX" already exists');
    await page.getByTestId('company-form').getByRole('button', { name: 'Cancel' }).click();

    await globex.getByTestId('company-rename').click();
    await page.getByTestId('company-form-name').fill('Globex Corp');
    await page.getByTestId('company-form-submit').click();
    const renamed = row(page, 'company-row', 'name', 'Globex Corp');
    await renamed.waitFor();
    const id = (await ok<{ items: any[] }>('get', '/api/companies')).items.find((c) => c.name === 'Globex Corp').id;

    const chat = renamed.getByTestId('company-chat');
    await waitForAttribute(chat, 'aria-checked', 'false');
    await chat.click();
    await waitForAttribute(chat, 'aria-checked', 'true');
    expect((await ok('get', `/api/settings/chat.enabled?companyId=${id}`)).value).toBe(true);
    await chat.click();
    await waitForAttribute(chat, 'aria-checked', 'false');
    expect((await ok('get', `/api/settings/chat.enabled?companyId=${id}`)).value).toBe(false);

    await renamed.getByTestId('company-delete').click();
    const confirm = page.getByTestId('company-delete-confirm');
    await waitForText(confirm.locator('h2'), 'Delete the company Globex Corp?');
    await confirm.getByTestId('company-delete-confirm-yes').click();
    await renamed.waitFor({ state: 'detached' });
    expect((await ok<{ items: any[] }>('get', '/api/companies')).items.some((c) => c.id === id)).toBe(false);
  });

  it('contacts: create (bad email and duplicate refused), search, company filter, edit, delete', async () => {
    const acme = await ok('post', '/api/companies', { name: 'Acme' });
    const initech = await ok('post', '/api/companies', { name: 'Initech' });
    await ok('post', '/api/contacts', {
      companyId: initech.id,
      firstName: 'Peter',
      lastName: 'Gibbons',
      email: 'peter@initech.example',
    });
    const page = await pages.signedIn(app.admin, '/admin/contacts');
    await row(page, 'contact-row', 'email', 'peter@initech.example').waitFor();

    await page.getByTestId('contact-new').click();
    await page.getByTestId('contact-form-firstName').fill('Wile');
    await page.getByTestId('contact-form-lastName').fill('Coyote');
    await page.getByTestId('contact-form-email').fill('not-an-email');
    await page.getByTestId('contact-form-phone').fill('+1 555 0100');
    await page.getByTestId('contact-form-companyId').selectOption(acme.id);
    await page.getByTestId('contact-form-submit').click();
    await waitForText(page.getByTestId('contact-form-error-email'), 'email must be an email address');
    await page.getByTestId('contact-form-email').fill('PETER@initech.example');
    await page.getByTestId('contact-form-companyId').selectOption(initech.id);
    await page.getByTestId('contact-form-submit').click();
    await waitForText(
      page.getByTestId('contact-form-error-email'),
      'A contact with email PETER@initech.example already exists in this company',
    );
    await page.getByTestId('contact-form-email').fill('wile@acme.example');
    await page.getByTestId('contact-form-companyId').selectOption(acme.id);
    await page.getByTestId('contact-form-submit').click();
    const wile = row(page, 'contact-row', 'email', 'wile@acme.example');
    await waitForText(wile.locator('td').nth(3), 'Acme');

    // Search (server side) and the company filter.
    await page.getByTestId('contacts-search').fill('GIBB');
    await wile.waitFor({ state: 'detached' });
    expect(await page.getByTestId('contact-row').count()).toBe(1);
    await page.getByTestId('contacts-search').fill('');
    await wile.waitFor();
    await page.getByTestId('contacts-company-filter').selectOption(initech.id);
    await wile.waitFor({ state: 'detached' });
    await page.getByTestId('contacts-company-filter').selectOption('');
    await wile.waitFor();

    // Edit: new last name, phone cleared; the company is fixed.
    await wile.getByTestId('contact-edit').click();
    expect(await page.getByTestId('contact-form-companyId').isDisabled()).toBe(true);
    await page.getByTestId('contact-form-lastName').fill('E. Coyote');
    await page.getByTestId('contact-form-phone').fill('');
    // The language of their mails (#16): French from now on.
    expect(await page.getByTestId('contact-form-language').inputValue()).toBe('');
    await page.getByTestId('contact-form-language').selectOption('fr');
    await page.getByTestId('contact-form-submit').click();
    await waitForText(wile.locator('td').first(), 'Wile E. Coyote');
    await waitForText(wile.locator('td').nth(2), '—');
    const saved = (await ok('get', '/api/contacts?search=coyote&limit=5')).items[0];
    expect(saved.language).toBe('fr');
    await wile.getByTestId('contact-edit').click();
    expect(await page.getByTestId('contact-form-language').inputValue()).toBe('fr');
    await page.getByTestId('contact-form-language').selectOption('');
    await page.getByTestId('contact-form-submit').click();
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    expect((await ok('get', `/api/contacts/${saved.id}`)).language).toBeNull();

    await wile.getByTestId('contact-delete').click();
    const confirm = page.getByTestId('contact-delete-confirm');
    await waitForText(confirm.locator('h2'), 'Delete the contact Wile E. Coyote?');
    await confirm.getByTestId('contact-delete-confirm-yes').click();
    await wile.waitFor({ state: 'detached' });
  });

  it('a new admin sets up chat for a company, enrols a device and assigns its contact, without curl', async () => {
    const page = await pages.signedIn(app.admin, '/admin/companies');
    // 1. Company, chat enabled.
    await page.getByTestId('company-new').click();
    await page.getByTestId('company-form-name').fill('Flow Co');
    await page.getByTestId('company-form-submit').click();
    const company = row(page, 'company-row', 'name', 'Flow Co');
    await company.getByTestId('company-chat').click();
    await waitForAttribute(company.getByTestId('company-chat'), 'aria-checked', 'true');

    // 2. Its contact (sub-navigation, same tab).
    await page.locator('.admin-nav a[data-section="contacts"]').click();
    await page.getByTestId('contact-new').click();
    await page.getByTestId('contact-form-firstName').fill('Melissa');
    await page.getByTestId('contact-form-lastName').fill('Jones');
    await page.getByTestId('contact-form-email').fill('melissa@flow.example');
    await page.getByTestId('contact-form-companyId').selectOption({ label: 'Flow Co' });
    await page.getByTestId('contact-form-submit').click();
    await row(page, 'contact-row', 'email', 'melissa@flow.example').waitFor();

    // 3. A device, its enrolment code shown at once.
    await page.locator('.admin-nav a[data-section="devices"]').click();
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-form-name').fill('LAPTOP-MELISSA');
    await page.getByTestId('device-form-os').fill('Windows 11');
    await page.getByTestId('device-form-company').selectOption({ label: 'Flow Co' });
    await page.getByTestId('device-form-submit').click();
    const device = row(page, 'device-admin-row', 'name', 'LAPTOP-MELISSA');
    await waitForText(device.getByTestId('device-company'), 'Flow Co');
    await waitForText(device.getByTestId('device-contact'), '—');
    await waitForText(device.getByTestId('device-online'), 'Offline');
    const panel = page.getByTestId('device-enrolment');
    await waitForText(panel.locator('h3'), 'Enrol the helpdesk agent on LAPTOP-MELISSA');
    const code = (await panel.getByTestId('device-enrolment-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await panel.getByTestId('device-enrolment-command').inputValue()).toBe(
      `switchboard-agent enroll ${app.baseUrl} ${code}`,
    );

    // 4. Assign the contact.
    await device.getByTestId('device-edit').click();
    await page.getByTestId('device-form-contact').selectOption({ label: 'Melissa Jones <melissa@flow.example>' });
    await page.getByTestId('device-form-submit').click();
    await waitForText(device.getByTestId('device-contact'), 'Melissa Jones');

    // The code shown is the one that works: the agent redeems it and connects; the list says Online.
    const redeemed = await app.http().post('/api/device-enrolment').send({ code }).expect(201);
    sockets.push(await app.socket('/device', { token: redeemed.body.token }));
    await page.reload();
    await waitForText(device.getByTestId('device-online'), 'Online');
    const stored = await ok('get', `/api/devices/${redeemed.body.device.id}`);
    expect(stored).toMatchObject({ name: 'LAPTOP-MELISSA', helpdeskAgentEnabled: true, online: true });
    const contacts = (await ok<{ items: any[] }>('get', `/api/contacts?companyId=${stored.companyId}`)).items;
    expect(stored.contactId).toBe(contacts[0].id);
    expect((await ok('get', `/api/settings/chat.enabled?companyId=${stored.companyId}`)).value).toBe(true);
  });

  it('devices: toggle the helpdesk agent, move to another company, new code, delete', async () => {
    const north = await ok('post', '/api/companies', { name: 'North Dev' });
    await ok('post', '/api/companies', { name: 'South Dev' });
    const contact = await ok('post', '/api/contacts', {
      companyId: north.id,
      firstName: 'Nora',
      lastName: 'North',
      email: 'nora@north.example',
    });
    const { device: created } = await ok('post', '/api/devices', {
      companyId: north.id,
      name: 'PC-NORTH',
      contactId: contact.id,
    });
    const page = await pages.signedIn(app.admin, '/admin/devices');
    await page.getByTestId('devices-company-filter').selectOption(north.id);
    const device = row(page, 'device-admin-row', 'name', 'PC-NORTH');
    await waitForText(device.getByTestId('device-contact'), 'Nora North');

    const agent = device.getByTestId('device-agent');
    await waitForAttribute(agent, 'aria-checked', 'true');
    await agent.click();
    await waitForAttribute(agent, 'aria-checked', 'false');
    expect((await ok('get', `/api/devices/${created.id}`)).helpdeskAgentEnabled).toBe(false);

    // A fresh enrolment code replaces the shown one.
    await device.getByTestId('device-enrol').click();
    const first = (await page.getByTestId('device-enrolment-code').textContent())!.trim();
    await page.getByTestId('device-enrolment-new').click();
    await page.waitForFunction(
      (old) =>
        (globalThis as any).document.querySelector('[data-testid="device-enrolment-code"]')?.textContent?.trim() !==
        old,
      first,
    );

    // Moving to another company clears the contact (it belongs to the old one).
    await device.getByTestId('device-edit').click();
    await page.getByTestId('device-form-company').selectOption({ label: 'South Dev' });
    await page.getByTestId('device-form-submit').click();
    await page.getByTestId('devices-company-filter').selectOption('');
    await waitForText(device.getByTestId('device-company'), 'South Dev');
    await waitForText(device.getByTestId('device-contact'), '—');

    await device.getByTestId('device-delete').click();
    const confirm = page.getByTestId('device-delete-confirm');
    await waitForText(confirm.locator('h2'), 'Delete the device PC-NORTH?');
    await confirm.getByTestId('device-delete-confirm-yes').click();
    await device.waitFor({ state: 'detached' });
    const gone = await app.http().get(`/api/devices/${created.id}`).set('Authorization', `Bearer ${app.adminToken}`);
    expect(gone.status).toBe(404);
  });

  it('the sections speak French to a French browser', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/admin/devices');
    await page.getByTestId('login-email').fill(app.admin.email);
    await page.getByTestId('login-password').fill(app.admin.password);
    await page.getByTestId('login-submit').click();
    await waitForText(page.locator('#devices-heading'), 'Appareils');
    await waitForText(page.locator('.admin-nav a[data-section="users"]'), 'Utilisateurs');
    await waitForText(page.getByTestId('device-new'), 'Ajouter un appareil');
    await page.locator('.admin-nav a[data-section="users"]').click();
    await waitForText(page.locator('#users-heading'), 'Techniciens et administrateurs');
  });
});
