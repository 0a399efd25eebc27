// Browser e2e for #14 (contact centre, first part): the agent state in the console top bar, the admin
// Queues and Wrap-up reasons sections, and a portal's routing field, each loaded in a fresh tab.
// Real API on SQLite, real Chromium. Requires the built web UI (apps/web/dist).
import type { Browser } from 'playwright-core';
import { createTestApp, eventually, type TestApp } from '@switchboard/testing';
import { bearer, seedCompany } from '../tickets/tickets.helper';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[routing-admin.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('contact centre screens (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: Awaited<ReturnType<typeof seedCompany>>;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    acme = await seedCompany(t, 'Routing Corp', 'melissa@routing.example');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('the top bar shows the agent state and changes it; the availability switch follows, and back', async () => {
    const page = await pages.signedIn(t.seed.technician, '/tickets');
    const state = page.getByTestId('agent-state');
    await waitForAttribute(state, 'data-state', 'not_ready');
    expect(await page.getByTestId('agent-state-select').locator('option:checked').textContent()).toBe('Not ready');
    await page.getByTestId('agent-state-select').selectOption('available');
    await waitForAttribute(state, 'data-state', 'available');
    await waitForAttribute(page.getByTestId('availability-toggle'), 'data-availability', 'available');
    const me = await t.http().get('/api/me').set(bearer(t.technicianToken)).expect(200);
    expect(me.body.agentState.state).toBe('available');
    // The availability switch moves the agent state with it.
    await page.getByTestId('availability-toggle').click();
    await waitForAttribute(page.getByTestId('availability-toggle'), 'data-availability', 'unavailable');
    await waitForAttribute(state, 'data-state', 'not_ready');
  });

  it('the agent state speaks French', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/tickets');
    await page.getByTestId('login-email').fill(t.seed.admin.email);
    await page.getByTestId('login-password').fill(t.seed.admin.password);
    await page.getByTestId('login-submit').click();
    await waitForAttribute(page.getByTestId('agent-state'), 'data-state', 'not_ready');
    expect(await page.getByTestId('agent-state-select').locator('option:checked').textContent()).toBe('Pas prêt');
    await page.goto('/admin/queues');
    await waitForText(page.locator('#queues-heading'), "Files d'attente");
    await waitForText(page.getByTestId('admin-nav').locator('[data-section="wrap-up-reasons"]'), 'Motifs de clôture');
  });

  it('admin → Queues: create with companies and members, a refused timer beside its field, edit, delete', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin/queues');
    await page.getByTestId('queue-new').click();
    const form = page.getByTestId('queue-form');
    await form.getByTestId('queue-name').fill('First line');
    await form.locator(`[data-company="Routing Corp"]`).check();
    await form.locator(`[data-member="${t.seed.technician.email}"]`).check();
    await form.getByTestId('queue-offer').fill('2');
    await form.getByTestId('queue-submit').click();
    await waitForText(
      page.getByTestId('queue-error-offerTimeoutSeconds'),
      'offerTimeoutSeconds must not be less than 5',
    );
    await form.getByTestId('queue-offer').fill('30');
    await form.getByTestId('queue-submit').click();
    await waitForText(page.getByTestId('admin-message'), '“First line” created');
    const row = page.locator('[data-testid="queue-row"][data-name="First line"]');
    await waitForText(row.getByTestId('queue-row-companies'), 'Routing Corp');
    await waitForText(row.getByTestId('queue-row-members'), t.seed.technician.name);
    await waitForText(row.getByTestId('queue-row-timers'), 'offer 30 s · wait 600 s');
    const [stored] = (await t.http().get('/api/queues').set(bearer(t.adminToken))).body;
    expect(stored).toMatchObject({
      name: 'First line',
      companyIds: [acme.company.id],
      memberIds: [t.seed.technician.id],
      offerTimeoutSeconds: 30,
    });

    await row.getByTestId('queue-edit').click();
    await page.getByTestId('queue-wait').fill('120');
    await page.getByTestId('queue-submit').click();
    await waitForText(row.getByTestId('queue-row-timers'), 'offer 30 s · wait 120 s');

    await row.getByTestId('row-delete').click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await waitForText(page.getByTestId('admin-message'), '“First line” deleted');
    await eventually(async () =>
      expect((await t.http().get('/api/queues').set(bearer(t.adminToken))).body).toEqual([]),
    );
  });

  it('admin → Wrap-up reasons: add, a duplicate refused beside the field, deactivate, delete', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin/wrap-up-reasons');
    await page.locator('#reason-new-label').fill('Password reset');
    await page.getByTestId('reason-add').click();
    const row = page.locator('[data-testid="reason-row"][data-label="Password reset"]');
    await waitForAttribute(row, 'data-active', 'true');
    await page.locator('#reason-new-label').fill('password RESET');
    await page.getByTestId('reason-add').click();
    await waitForText(page.getByTestId('field-error'), 'A wrap-up reason "password RESET" already exists');
    await row.getByTestId('reason-toggle').click();
    await waitForAttribute(row, 'data-active', 'false');
    const active = (await t.http().get('/api/wrap-up-reasons?active=true').set(bearer(t.adminToken))).body;
    expect(active).toEqual([]);
    await row.getByTestId('row-delete').click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await waitForText(page.getByTestId('admin-message'), '“Password reset” deleted');
  });

  it('admin → Wrap-up reasons: a French label added with the reason, then changed in its edit form', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin/wrap-up-reasons');
    await page.locator('#reason-new-label').fill('Printer fixed');
    await page.locator('#reason-new-label-fr').fill('  Imprimante réparée ');
    await page.getByTestId('reason-add').click();
    const row = page.locator('[data-testid="reason-row"][data-label="Printer fixed"]');
    await waitForText(row.getByTestId('reason-label-fr'), 'Imprimante réparée');
    await row.getByTestId('reason-edit').click();
    await row.locator('input[name="labelFr"]').fill('Imprimante dépannée');
    await row.getByTestId('reason-save').click();
    await waitForText(row.getByTestId('reason-label-fr'), 'Imprimante dépannée');
    const listed = (await t.http().get('/api/wrap-up-reasons').set(bearer(t.adminToken))).body as {
      id: string;
      label: string;
      labelFr: string | null;
    }[];
    const reason = listed.find((r) => r.label === 'Printer fixed');
    expect(reason?.labelFr).toBe('Imprimante dépannée');
    await t.http().delete(`/api/wrap-up-reasons/${reason?.id}`).set(bearer(t.adminToken)).expect(204);
  });

  it('a portal routes to a queue from its form (the pool stays the default)', async () => {
    const queue = (
      await t
        .http()
        .post('/api/queues')
        .set(bearer(t.adminToken))
        .send({ name: 'Portal queue', companyIds: [acme.company.id] })
        .expect(201)
    ).body;
    const portal = (
      await t
        .http()
        .post('/api/portals')
        .set(bearer(t.adminToken))
        .send({ companyId: acme.company.id, subdomain: 'routingcorp', status: 'active' })
        .expect(201)
    ).body;
    const page = await pages.signedIn(t.seed.admin, '/admin');
    await page.locator('[data-testid="portal-row"][data-subdomain="routingcorp"]').getByTestId('portal-edit').click();
    expect(await page.getByTestId('portal-form-routing').inputValue()).toBe('pool');
    await page.getByTestId('portal-form-routing').selectOption('queue');
    await page.getByTestId('portal-form-submit').click();
    await waitForText(page.getByTestId('portal-form-error-queueId'), 'required when routing is "queue"');
    await page.getByTestId('portal-form-queue').selectOption(queue.id);
    await page.getByTestId('portal-form-submit').click();
    await eventually(async () =>
      expect((await t.http().get(`/api/portals/${portal.id}`).set(bearer(t.adminToken))).body).toMatchObject({
        routing: 'queue',
        queueId: queue.id,
      }),
    );
  });
});
