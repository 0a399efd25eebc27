// Browser e2e for #14 proactive chat: the admin sets the invitation rules in the portal form (fresh
// tab); on the customer's site (another origin) the embed widget invites after the delay on a
// matching page only, once per browser session; accepting opens the chat flagged proactive; French
// visitors read it in French. Real API on SQLite, real Chromium; requires the built web UI.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createTestApp, eventually, type TestApp } from '@switchboard/testing';
import { bearer, seedCompany } from '../tickets/tickets.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[portal-proactive.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('proactive chat invitation (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  let portalId: string;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Invite Corp', 'melissa@invite.example');
    portalId = (
      await t
        .http()
        .post('/api/portals')
        .set(bearer(t.adminToken))
        .send({ companyId: company.id, subdomain: 'invitecorp', status: 'active' })
        .expect(201)
    ).body.id;
    await t.http().put('/api/me/availability').set(bearer(t.technicianToken)).send({ available: true }).expect(200);
    // The customer's site on another origin (localhost vs 127.0.0.1), any path, with the widget.
    site = createServer((req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>${req.url}</title><h1>Page ${req.url}</h1><script src="${t.baseUrl}/p/invitecorp/embed.js" async></script>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    site?.close();
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('the admin sets the rules in the portal form; the widget invites on a matching page and the chat is flagged', async () => {
    const admin = await pages.signedIn(t.seed.admin, '/admin/channels');
    await admin.locator('[data-testid="portal-row"][data-subdomain="invitecorp"]').getByTestId('portal-edit').click();
    const enabled = admin.getByTestId('portal-form-proactive-enabled');
    expect(await enabled.isChecked()).toBe(false);
    await enabled.check();
    // A bad delay is refused next to its field, nothing saved.
    await admin.getByTestId('portal-form-proactive-delay').fill('99999');
    await admin.getByTestId('portal-form-submit').click();
    await admin.getByTestId('portal-form-error-proactive-delaySeconds').waitFor();
    await admin.getByTestId('portal-form-proactive-delay').fill('1');
    await admin.getByTestId('portal-form-proactive-urls').fill('/pricing, /checkout');
    await admin.getByTestId('portal-form-proactive-message').fill('Questions about our prices?');
    await admin.getByTestId('portal-form-submit').click();
    await admin.getByTestId('portal-form').waitFor({ state: 'detached' });
    const saved = await t.http().get(`/api/portals/${portalId}`).set(bearer(t.adminToken)).expect(200);
    expect(saved.body.proactive).toEqual({
      delaySeconds: 1,
      urlContains: ['/pricing', '/checkout'],
      message: 'Questions about our prices?',
      messageFr: null,
    });

    // A page that matches no rule: the launcher, no invitation (checked after the delay has passed).
    const visitor = await pages.open();
    await visitor.goto(`${siteUrl}/about`);
    await visitor.getByTestId('embed-launcher').waitFor();
    await visitor.waitForTimeout(1500);
    expect(await visitor.getByTestId('embed-invitation').count()).toBe(0);

    // The pricing page: invited after the delay, with the admin's text.
    await visitor.goto(`${siteUrl}/pricing?plan=pro`);
    const invitation = visitor.getByTestId('embed-invitation');
    await waitForText(invitation.locator('p'), 'Questions about our prices?');
    await visitor.getByTestId('embed-invitation-accept').click();
    expect(await visitor.getByTestId('embed-invitation').count()).toBe(0);
    expect(await visitor.getByTestId('embed-frame').getAttribute('src')).toContain('proactive=1');
    const frame = visitor.frameLocator('[data-testid="embed-frame"]');
    await frame.getByTestId('portal-first-name').fill('Paula');
    await frame.getByTestId('portal-last-name').fill('Price');
    await frame.getByTestId('portal-email').fill('paula@customer.test');
    await frame.getByTestId('portal-question').fill('Is there a discount for schools?');
    await frame.getByTestId('portal-submit').click();
    await frame.getByTestId('portal-chat').waitFor();
    const db = t.get(DataSource);
    await eventually(async () => {
      const rows: { meta: unknown }[] = await db.query(
        `SELECT meta FROM conversations WHERE subject = ${db.options.type === 'postgres' ? '$1' : '?'}`,
        ['Is there a discount for schools?'],
      );
      const meta = rows.map((r) => (typeof r.meta === 'string' ? JSON.parse(r.meta) : r.meta));
      expect(meta).toEqual([expect.objectContaining({ proactive: true })]);
    });

    // Once per browser session: another matching page of the same visit does not invite again.
    await visitor.goto(`${siteUrl}/checkout`);
    await visitor.getByTestId('embed-launcher').waitFor();
    await visitor.waitForTimeout(1500);
    expect(await visitor.getByTestId('embed-invitation').count()).toBe(0);
  });

  it('a French visitor is invited in French and can decline', async () => {
    await t
      .http()
      .patch(`/api/portals/${portalId}`)
      .set(bearer(t.adminToken))
      .send({ proactive: { delaySeconds: 0, urlContains: [], message: null, messageFr: null } })
      .expect(200);
    const visitor = await pages.open({ locale: 'fr-FR' });
    await visitor.goto(`${siteUrl}/accueil`);
    const invitation = visitor.getByTestId('embed-invitation');
    await waitForText(invitation.locator('p'), 'Besoin d’aide ? Discutons en direct.');
    expect(await visitor.getByTestId('embed-invitation-accept').textContent()).toBe('Discuter');
    await visitor.getByTestId('embed-invitation-dismiss').click();
    expect(await visitor.getByTestId('embed-invitation').count()).toBe(0);
    expect(await visitor.getByTestId('embed-frame').count()).toBe(0);
  });
});
