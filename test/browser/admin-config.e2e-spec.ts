// Browser e2e for #15 (missing admin screens): Admin → Settings, Ticket statuses, Product families,
// Quick replies and Automation rules, each loaded in a fresh tab: create/edit/delete what a user sees,
// a refused input shown beside its field, a setting changed in the form read back through the API,
// a rule built in the form firing on a ticket created afterwards. Real API on SQLite, real Chromium.
// Requires the built web UI (apps/web/dist).
import type { Browser, Page } from 'playwright-core';
import { createTestApp, eventually, type TestApp } from '@switchboard/testing';
import { SettingsService } from '@switchboard/core';
import { bearer, createTicket, seedCompany } from '../tickets/tickets.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[admin-config.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('admin configuration screens (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: Awaited<ReturnType<typeof seedCompany>>;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  const api = () => t.http();
  const admin = () => bearer(t.adminToken);

  beforeAll(async () => {
    // Every test signs in from a fresh tab (some twice): more sign-ins than the default limit allows.
    t = await createTestApp({ web: true, loginRateLimit: 1000 });
    acme = await seedCompany(t, 'Config Corp', 'melissa@config.example');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  const section = async (path: string, locale?: string): Promise<Page> => {
    if (!locale) return pages.signedIn(t.seed.admin, path);
    const page = await pages.open({ locale });
    await page.goto(path);
    await page.getByTestId('login-email').fill(t.seed.admin.email);
    await page.getByTestId('login-password').fill(t.seed.admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    return page;
  };

  it('lists the sections in the sub-navigation, in French too', async () => {
    const page = await section('/admin/settings', 'fr-FR');
    const nav = page.getByTestId('admin-nav');
    await waitForText(nav.locator('[data-section="settings"]'), 'Réglages');
    await waitForText(nav.locator('[data-section="automation"]'), "Règles d'automatisation");
    await waitForText(page.locator('#settings-heading'), 'Réglages');
    await waitForText(
      page.locator('[data-setting="tickets.defaultReplyType"] .field-label'),
      "Type par défaut d'une réponse de technicien",
    );
    await nav.locator('[data-section="statuses"]').click();
    await waitForText(page.locator('#statuses-heading'), 'États des tickets');
    expect(page.url()).toMatch(/\/admin\/statuses$/);
  });

  it('settings: a change in the form takes effect; a refused value is shown beside its field', async () => {
    const page = await section('/admin/settings');
    const form = page.getByTestId('settings-form');
    await form.locator('[data-setting="channels.inboundRateLimit"] input').waitFor();
    expect(await form.locator('select[name="tickets.defaultReplyType"]').inputValue()).toBe('public');
    await waitForText(form.locator('[data-setting="tickets.defaultReplyType"] .muted'), 'Default value');

    await form.locator('select[name="tickets.defaultReplyType"]').selectOption('internal');
    await form.locator('input[name="channels.inboundRateLimit"]').fill('2.5');
    await form.locator('[data-setting="masking.types"] input[value="PHONE"]').uncheck();
    await page.getByTestId('settings-save').click();
    await waitForText(page.getByTestId('settings-message'), '1 setting(s) could not be saved; see the fields marked');
    await waitForText(
      form.locator('[data-setting="channels.inboundRateLimit"] [data-testid="field-error"]'),
      'must be a whole number from 0 to 100000',
    );
    expect(await form.locator('input[name="channels.inboundRateLimit"]').getAttribute('aria-invalid')).toBe('true');
    // The others were saved, and the ticket defaults (what the composer reads) follow.
    const defaults = await api().get(`/api/tickets/defaults?companyId=${acme.company.id}`).set(admin()).expect(200);
    expect(defaults.body.defaultReplyType).toBe('internal');
    expect(await t.get(SettingsService).get('masking.types')).not.toContain('PHONE');
    await waitForText(form.locator('[data-setting="tickets.defaultReplyType"] .muted'), 'Set for all companies');

    await form.locator('input[name="channels.inboundRateLimit"]').fill('5');
    await page.getByTestId('settings-save').click();
    await waitForText(page.getByTestId('settings-message'), 'Settings saved');
    expect(await form.locator('[data-testid="field-error"]').count()).toBe(0);
    expect(await t.get(SettingsService).get('channels.inboundRateLimit')).toBe(5);

    // Reset: back to the default.
    await form.locator('[data-setting="channels.inboundRateLimit"] [data-testid="setting-reset"]').click();
    await waitForText(form.locator('[data-setting="channels.inboundRateLimit"] .muted'), 'Default value');
    expect(await form.locator('input[name="channels.inboundRateLimit"]').inputValue()).toBe('60');
    expect(await t.get(SettingsService).get('channels.inboundRateLimit')).toBe(60);

    // Per company: only what a company may override; chat enabled for this company only.
    await page.getByTestId('settings-scope').selectOption(acme.company.id);
    await form.locator('[data-setting="chat.enabled"] input').waitFor();
    // The company's form (only settings a company may override) replaces the global one.
    await form.locator('[data-setting="channels.inboundRateLimit"]').waitFor({ state: 'detached' });
    await form.locator('input[name="chat.enabled"]').check();
    await page.getByTestId('settings-save').click();
    await waitForText(page.getByTestId('settings-message'), 'Settings saved');
    expect(await t.get(SettingsService).get('chat.enabled', acme.company.id)).toBe(true);
    expect(await t.get(SettingsService).get('chat.enabled')).toBe(false);
    await api().delete(`/api/settings/chat.enabled?companyId=${acme.company.id}`).set(admin()).expect(200);
    await api().delete('/api/settings/tickets.defaultReplyType').set(admin()).expect(200);
    await api().delete('/api/settings/masking.types').set(admin()).expect(200);
  });

  it('ticket statuses: create, rename, reorder, delete; a bad key and a used status are refused', async () => {
    const page = await section('/admin/statuses');
    const table = page.getByTestId('statuses-table');
    await table.locator('[data-key="open"]').waitFor();
    // Built-ins cannot be deleted.
    expect(await table.locator('[data-key="open"] [data-testid="row-delete"]').count()).toBe(0);

    const create = page.getByTestId('status-create');
    await create.locator('input[name="key"]').fill('Bad Key');
    await create.locator('input[name="name"]').fill('Waiting on vendor');
    await page.getByTestId('status-add').click();
    await waitForText(
      create.locator('[data-testid="field-error"]'),
      'key must be 2-40 characters: lower-case letters, digits and _ (starting with a letter)',
    );
    await create.locator('input[name="key"]').fill('waiting_vendor');
    await create.locator('select[name="category"]').selectOption('pending');
    await page.getByTestId('status-add').click();
    await waitForText(page.getByTestId('admin-message'), '“Waiting on vendor” created');
    const row = table.locator('[data-key="waiting_vendor"]');
    await waitForText(row.getByTestId('status-name'), 'Waiting on vendor');
    let listed = (await api().get('/api/ticket-statuses').set(admin()).expect(200)).body as { key: string }[];
    expect(listed.at(-1)).toMatchObject({ key: 'waiting_vendor', category: 'pending', builtIn: false });

    // Rename (and an empty name refused).
    await row.getByTestId('status-rename').click();
    await row.locator('input[name="name"]').fill('');
    await row.getByTestId('status-save').click();
    await row.getByTestId('field-error').first().waitFor();
    await row.locator('input[name="name"]').fill('Waiting on supplier');
    await row.getByTestId('status-save').click();
    await waitForText(row.getByTestId('status-name'), 'Waiting on supplier');

    // Move it up one place.
    const keysBefore = listed.map((s) => s.key);
    await row.getByTestId('status-up').click();
    await waitForText(page.getByTestId('admin-message'), 'Saved');
    listed = (await api().get('/api/ticket-statuses').set(admin()).expect(200)).body;
    const keysAfter = listed.map((s) => s.key);
    expect(keysAfter.indexOf('waiting_vendor')).toBe(keysBefore.indexOf('waiting_vendor') - 1);
    expect(
      await table.getByTestId('status-row').nth(keysAfter.indexOf('waiting_vendor')).getAttribute('data-key'),
    ).toBe('waiting_vendor');

    // In use: the API's refusal is shown; once unused it goes.
    const ticket = await createTicket(t, acme.contact.id, { title: 'Vendor part' });
    await api().patch(`/api/tickets/${ticket.number}`).set(admin()).send({ status: 'waiting_vendor' }).expect(200);
    await row.getByTestId('row-delete').click();
    await row.getByTestId('row-delete-confirm').click();
    await waitForText(
      page.getByTestId('admin-message'),
      '"waiting_vendor" is used by 1 ticket(s); move them to another status first',
    );
    await api().patch(`/api/tickets/${ticket.number}`).set(admin()).send({ status: 'open' }).expect(200);
    await row.getByTestId('row-delete').click();
    await row.getByTestId('row-delete-confirm').click();
    await waitForText(page.getByTestId('admin-message'), '“Waiting on supplier” deleted');
    await row.waitFor({ state: 'detached' });
    listed = (await api().get('/api/ticket-statuses').set(admin()).expect(200)).body;
    expect(listed.map((s) => s.key)).not.toContain('waiting_vendor');
  });

  it('ticket statuses: a French label set in the form is what a French technician sees on the ticket list', async () => {
    const page = await section('/admin/statuses');
    const create = page.getByTestId('status-create');
    await create.locator('input[name="key"]').fill('with_supplier');
    await create.locator('input[name="name"]').fill('With supplier');
    await create.locator('input[name="nameFr"]').fill('x'.repeat(100));
    await create.locator('select[name="category"]').selectOption('pending');
    await page.getByTestId('status-add').click();
    const row = page.getByTestId('statuses-table').locator('[data-key="with_supplier"]');
    await waitForText(row.getByTestId('status-name-fr'), 'x'.repeat(100));
    // Renamed in French through the row's edit form.
    await row.getByTestId('status-rename').click();
    await row.locator('input[name="nameFr"]').fill('Chez le fournisseur');
    await row.getByTestId('status-save').click();
    await waitForText(row.getByTestId('status-name-fr'), 'Chez le fournisseur');
    const ticket = await createTicket(t, acme.contact.id, { title: 'Supplier part' });
    await api().patch(`/api/tickets/${ticket.number}`).set(admin()).send({ status: 'with_supplier' }).expect(200);

    await api().put('/api/me').set(bearer(t.technicianToken)).send({ language: 'fr' }).expect(200);
    try {
      const list = await pages.signedIn(t.seed.technician, '/tickets');
      const pill = list.locator(`[data-testid="ticket-row"][data-number="${ticket.number}"] .status-pill`);
      await waitForText(pill, 'Chez le fournisseur');
      // The admin's console is in English: the default label.
      const english = await pages.signedIn(t.seed.admin, '/tickets');
      await waitForText(
        english.locator(`[data-testid="ticket-row"][data-number="${ticket.number}"] .status-pill`),
        'With supplier',
      );
    } finally {
      await api().put('/api/me').set(bearer(t.technicianToken)).send({ language: null }).expect(200);
      await api().patch(`/api/tickets/${ticket.number}`).set(admin()).send({ status: 'open' }).expect(200);
      await api().delete('/api/ticket-statuses/with_supplier').set(admin()).expect(204);
    }
  });

  it('product families: create, rename, delete; a duplicate name is refused', async () => {
    await api().post('/api/product-families').set(admin()).send({ name: 'Printers' }).expect(201);
    const page = await section('/admin/product-families');
    const table = page.getByTestId('families-table');
    await table.locator('[data-name="Printers"]').waitFor();
    const create = page.getByTestId('family-create');
    await create.locator('input[name="name"]').fill('printers');
    await page.getByTestId('family-add').click();
    await waitForText(create.getByTestId('field-error'), 'A product family named "printers" already exists');
    await create.locator('input[name="name"]').fill('Laptops');
    await page.getByTestId('family-add').click();
    await waitForText(page.getByTestId('admin-message'), '“Laptops” created');
    const row = table.locator('[data-name="Laptops"]');
    await row.getByTestId('family-rename').click();
    await row.locator('input[name="name"]').fill('Notebooks');
    await row.getByTestId('family-save').click();
    await table.locator('[data-name="Notebooks"]').waitFor();
    let names = (await api().get('/api/product-families').set(admin()).expect(200)).body.map(
      (f: { name: string }) => f.name,
    );
    expect(names).toEqual(['Notebooks', 'Printers']);
    const notebooks = table.locator('[data-name="Notebooks"]');
    await notebooks.getByTestId('row-delete').click();
    await notebooks.getByTestId('row-delete-confirm').click();
    await notebooks.waitFor({ state: 'detached' });
    names = (await api().get('/api/product-families').set(admin()).expect(200)).body.map(
      (f: { name: string }) => f.name,
    );
    expect(names).toEqual(['Printers']);
  });

  it('quick replies: create with placeholders, edit, delete; an unknown placeholder is refused', async () => {
    const page = await section('/admin/quick-replies');
    await page.getByTestId('quick-reply-new').click();
    const form = page.getByTestId('quick-reply-form');
    await form.locator('input[name="name"]').fill('Greeting');
    await form.locator('textarea[name="body"]').fill('Hello {{contact.nickname}}');
    await page.getByTestId('quick-reply-save').click();
    const refusal = form.getByTestId('field-error').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^unknown placeholder \{\{contact\.nickname\}\}; known: contact\.firstName/,
    );
    // Placeholders inserted by the buttons.
    await form.locator('textarea[name="body"]').fill('Hello ');
    await form.locator('[data-placeholder="contact.firstName"]').click();
    await form.locator('textarea[name="body"]').press('End');
    await form.locator('textarea[name="body"]').pressSequentially(', about #');
    await form.locator('[data-placeholder="ticket.number"]').click();
    expect(await form.locator('textarea[name="body"]').inputValue()).toBe(
      'Hello {{contact.firstName}}, about #{{ticket.number}}',
    );
    await page.getByTestId('quick-reply-save').click();
    await waitForText(page.getByTestId('admin-message'), '“Greeting” created');
    const row = page.locator('[data-testid="quick-reply-row"][data-name="Greeting"]');
    await waitForText(row.getByTestId('quick-reply-body'), 'Hello {{contact.firstName}}, about #{{ticket.number}}');

    // It renders on a ticket (the API fills the placeholders).
    const list = (await api().get('/api/quick-replies').set(admin()).expect(200)).body as {
      id: string;
      name: string;
      shared: boolean;
    }[];
    const greeting = list.find((q) => q.name === 'Greeting')!;
    expect(greeting.shared).toBe(true);
    const ticket = await createTicket(t, acme.contact.id, { title: 'Quick' });
    const rendered = await api()
      .post(`/api/quick-replies/${greeting.id}/render`)
      .set(admin())
      .send({ ticketNumber: ticket.number })
      .expect(200);
    expect(rendered.body.text).toBe(`Hello Melissa, about #${ticket.number}`);

    await row.getByTestId('quick-reply-edit').click();
    await form.locator('input[name="name"]').fill('Welcome');
    await page.getByTestId('quick-reply-save').click();
    const renamed = page.locator('[data-testid="quick-reply-row"][data-name="Welcome"]');
    await renamed.waitFor();
    await renamed.getByTestId('row-delete').click();
    await renamed.getByTestId('row-delete-confirm').click();
    await renamed.waitFor({ state: 'detached' });
    await api().get(`/api/quick-replies/${greeting.id}`).set(admin()).expect(404);
  });

  it('quick replies: a French name and a French text typed in the form; an unknown placeholder in it is refused', async () => {
    const page = await section('/admin/quick-replies');
    await page.getByTestId('quick-reply-new').click();
    const form = page.getByTestId('quick-reply-form');
    await form.locator('input[name="name"]').fill('On our way');
    await form.locator('input[name="nameFr"]').fill('En route');
    await form.locator('textarea[name="body"]').fill('A technician is on the way, {{contact.firstName}}.');
    await form.locator('textarea[name="bodyFr"]').fill('Un technicien arrive, {{contact.prenom}}.');
    await page.getByTestId('quick-reply-save').click();
    await form.getByTestId('field-error').waitFor();
    expect(await form.getByTestId('field-error').textContent()).toContain('unknown placeholder {{contact.prenom}}');
    await form.locator('textarea[name="bodyFr"]').fill('Un technicien arrive, {{contact.firstName}}.');
    await page.getByTestId('quick-reply-save').click();
    const row = page.locator('[data-testid="quick-reply-row"][data-name="On our way"]');
    await waitForText(row.getByTestId('quick-reply-name-fr'), 'En route');
    const listed = (await api().get('/api/quick-replies').set(admin()).expect(200)).body as {
      id: string;
      name: string;
      bodyFr: string | null;
    }[];
    const reply = listed.find((r) => r.name === 'On our way')!;
    expect(reply.bodyFr).toBe('Un technicien arrive, {{contact.firstName}}.');
    await api().delete(`/api/quick-replies/${reply.id}`).set(admin()).expect(204);
  });

  it('automation: a rule built in the form fires on the next ticket; a refused action is shown; enable/disable, delete', async () => {
    const page = await section('/admin/automation');
    const reopen = page.locator('[data-testid="rule-row"][data-name^="Reopen when the contact replies"]');
    await reopen.waitFor();
    expect(await reopen.getAttribute('data-enabled')).toBe('false');
    // The "reopen on contact reply" rule switched on from the list.
    await reopen.getByTestId('rule-toggle').click();
    await waitForText(reopen.getByTestId('rule-state'), 'Enabled');
    const rules = (await api().get('/api/automation-rules').set(admin()).expect(200)).body as {
      id: string;
      name: string;
      enabled: boolean;
      systemKey: string | null;
    }[];
    expect(rules.find((r) => r.systemKey === 'reopen-on-contact-reply')?.enabled).toBe(true);

    await page.getByTestId('rule-new').click();
    const form = page.getByTestId('rule-form');
    await form.locator('input[name="name"]').fill('Incidents are critical');
    await form.locator('select[name="trigger"]').selectOption('ticket.created');
    await form.locator('[data-group="type"] input[value="incident"]').check();
    await form.locator('select[name="actions.0.priority"]').selectOption('critical');
    // A second action with nothing chosen: the API refuses it and says where.
    await form.getByTestId('rule-add-action').click();
    await form.locator('select[name="actions.1.type"]').selectOption('set_status');
    await page.getByTestId('rule-save').click();
    await form.getByTestId('rule-error').waitFor();
    await waitForText(
      form.locator('[data-testid="rule-action"][data-index="1"] [data-testid="field-error"]'),
      'status should not be empty',
    );
    await form.locator('select[name="actions.1.type"]').selectOption('add_note');
    await form.locator('textarea[name="actions.1.body"]').fill('Critical by rule');
    await page.getByTestId('rule-save').click();
    await waitForText(page.getByTestId('admin-message'), '“Incidents are critical” created');
    const row = page.locator('[data-testid="rule-row"][data-name="Incidents are critical"]');
    await waitForText(row.getByTestId('rule-state'), 'Enabled');

    // It fires: an incident created afterwards is critical with the note; a request is left alone.
    const incident = await createTicket(t, acme.contact.id, {
      title: 'Server down',
      type: 'incident',
      priority: 'low',
    });
    const request = await createTicket(t, acme.contact.id, { title: 'New mouse', type: 'request', priority: 'low' });
    await eventually(async () => {
      const a = await api().get(`/api/tickets/${incident.number}`).set(admin()).expect(200);
      expect(a.body.priority).toBe('critical');
    });
    const comments = await api().get(`/api/tickets/${incident.number}/comments`).set(admin()).expect(200);
    expect(comments.body.items.map((c: { body: string }) => c.body)).toContain('Critical by rule');
    expect((await api().get(`/api/tickets/${request.number}`).set(admin()).expect(200)).body.priority).toBe('low');

    // Edit: now "high"; disabled: the next incident keeps its priority.
    await row.getByTestId('rule-edit').click();
    await form.locator('select[name="actions.0.priority"]').selectOption('high');
    await page.getByTestId('rule-save').click();
    await waitForText(page.getByTestId('admin-message'), 'Saved');
    await row.getByTestId('rule-toggle').click();
    await waitForText(row.getByTestId('rule-state'), 'Disabled');
    const later = await createTicket(t, acme.contact.id, { title: 'Disk full', type: 'incident', priority: 'low' });
    expect((await api().get(`/api/tickets/${later.number}`).set(admin()).expect(200)).body.priority).toBe('low');
    const saved = (await api().get('/api/automation-rules').set(admin()).expect(200)).body.find(
      (r: { name: string }) => r.name === 'Incidents are critical',
    );
    expect(saved).toMatchObject({
      enabled: false,
      trigger: 'ticket.created',
      conditions: { type: ['incident'] },
      actions: [
        { type: 'set_priority', priority: 'high' },
        { type: 'add_note', body: 'Critical by rule' },
      ],
    });

    await row.getByTestId('row-delete').click();
    await row.getByTestId('row-delete-confirm').click();
    await row.waitFor({ state: 'detached' });
    await api().get(`/api/automation-rules/${saved.id}`).set(admin()).expect(404);
  });

  it('automation: rules are reordered with the arrows, and they run in the new order (in French too)', async () => {
    const mk = async (name: string, priority: string) =>
      (
        await api()
          .post('/api/automation-rules')
          .set(admin())
          .send({
            name,
            enabled: true,
            trigger: 'ticket.created',
            conditions: { type: ['problem'] },
            actions: [{ type: 'set_priority', priority }],
          })
          .expect(201)
      ).body as { id: string };
    const first = await mk('Problems are low', 'low');
    const second = await mk('Problems are high', 'high');
    // Both run; the last one to run wins: "high" today.
    const before = await createTicket(t, acme.contact.id, {
      title: 'Printer jam',
      type: 'problem',
      priority: 'medium',
    });
    expect((await api().get(`/api/tickets/${before.number}`).set(admin()).expect(200)).body.priority).toBe('high');

    const page = await section('/admin/automation', 'fr-FR');
    const names = () =>
      page.locator('[data-testid="rule-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    const high = page.locator('[data-testid="rule-row"][data-name="Problems are high"]');
    await high.waitFor();
    expect(await high.getByTestId('rule-up').getAttribute('aria-label')).toBe('Monter « Problems are high »');
    // The last row cannot move down.
    expect(await high.getByTestId('rule-down').isDisabled()).toBe(true);
    await high.getByTestId('rule-up').click();
    await waitForText(page.getByTestId('admin-message'), 'Règles réordonnées : Problems are high déplacée');
    const order = await names();
    expect(order.indexOf('Problems are high')).toBeLessThan(order.indexOf('Problems are low'));

    const after = await createTicket(t, acme.contact.id, { title: 'Scanner jam', type: 'problem', priority: 'medium' });
    expect((await api().get(`/api/tickets/${after.number}`).set(admin()).expect(200)).body.priority).toBe('low');
    // A stale order (a rule left out) is refused with the reason.
    const stale = await api()
      .put('/api/automation-rules/order')
      .set(admin())
      .send({ ids: [first.id] })
      .expect(400);
    expect(stale.body.message).toMatch(/leaves out rules/);
    for (const r of [first, second]) await api().delete(`/api/automation-rules/${r.id}`).set(admin()).expect(204);
  });
});
