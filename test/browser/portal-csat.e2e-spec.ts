// Browser e2e for #18.4: the satisfaction survey from the resolution mail's link (no sign-in), in
// English on a desktop and in French on a phone; the admin's Satisfaction report; the score badge
// in the technician's ticket header; the settings in Admin → Settings. Needs apps/web/dist and Chromium.
import type { Browser } from 'playwright-core';
import { ContactService } from '@switchboard/core';
import { createTestApp } from '@switchboard/testing';
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
if (!chromiumAvailable) console.warn(`[portal-csat.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('portal satisfaction survey (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const bearer = (token = app.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await createTestApp({
      web: true,
      plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }],
      // Mails carry absolute links; the test opens their path on the test server.
      env: { SWITCHBOARD_PUBLIC_URL: 'https://help.example' },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  /** A company with a portal, a contact, a ticket assigned to the technician, resolved: the mailed survey link's path. */
  async function resolvedTicket(subdomain: string, email: string, language?: 'fr') {
    const company = (
      await app
        .http()
        .post('/api/companies')
        .set(bearer())
        .send({ name: `${subdomain} Inc` })
        .expect(201)
    ).body as { id: string; name: string };
    await app
      .http()
      .post('/api/portals')
      .set(bearer())
      .send({ companyId: company.id, subdomain, status: 'active' })
      .expect(201);
    const contact = await app
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'Jane', lastName: 'Doe', email, ...(language ? { language } : {}) });
    const ticket = (
      await app
        .http()
        .post('/api/tickets')
        .set(bearer(app.technicianToken))
        .send({
          title: 'Printer on fire',
          description: 'It smokes.',
          requesterId: contact.id,
          assigneeId: app.technician.id,
        })
        .expect(201)
    ).body as { number: number };
    await app
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(app.technicianToken))
      .send({ status: 'resolved' })
      .expect(200);
    const items = (await app.http().get('/api/outbox?limit=200').set(bearer()).expect(200)).body.items as {
      to: string[];
      text: string;
    }[];
    const mail = items.find((m) => m.to.includes(email) && m.text.includes('/csat?token='))!;
    const link = new URL(/(https?:\/\/\S+\/csat\?token=[\w-]+&score=4)/.exec(mail.text)![1]);
    return { company, ticket, path: link.pathname + link.search, mail };
  }

  it('rates 4 with a comment from the mailed link, sees thanks, then the already-answered state', async () => {
    const { ticket, path } = await resolvedTicket('acme', 'jane@acme.test');
    const page = await pages.open();
    await page.goto(path);
    await waitForText(page.getByTestId('csat-question'), 'How did we do?');
    await waitForText(page.getByTestId('csat-ticket'), `About ticket #${ticket.number}: Printer on fire`);
    // The mail's "4" is pre-selected; Send still needs a click.
    await waitForAttribute(page.getByTestId('csat-score-4'), 'aria-pressed', 'true');
    await page.getByTestId('csat-comment').fill('Fast and friendly');
    await page.getByTestId('csat-send').click();
    await waitForText(page.getByTestId('csat-done'), 'Thank you for your feedback!');
    // The technician sees it in the activity.
    const activity = (
      await app.http().get(`/api/tickets/${ticket.number}/activity?limit=100`).set(bearer()).expect(200)
    ).body.items as { action: string; to: unknown }[];
    expect(activity.find((a) => a.action === 'csat')?.to).toMatchObject({ score: 4, comment: 'Fast and friendly' });

    // The same link in a fresh tab: already answered.
    const again = await pages.open();
    await again.goto(path);
    await waitForText(again.getByTestId('csat-done'), 'You already answered for this ticket: 4/5.');
  });

  it('the same in French on a phone-sized screen', async () => {
    const { path, mail } = await resolvedTicket('bistro', 'jeanne@bistro.test', 'fr');
    expect(mail.text).toContain('Comment avons-nous fait ?');
    const page = await pages.open({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    await page.goto(path.replace('&score=4', ''));
    await waitForText(page.getByTestId('csat-question'), 'Comment avons-nous fait ?');
    // Send without a score: asked to pick one.
    await page.getByTestId('csat-send').click();
    await waitForText(page.getByRole('alert'), 'Choisissez une note de 1 à 5.');
    await page.getByTestId('csat-score-5').click();
    await page.getByTestId('csat-send').click();
    await waitForText(page.getByTestId('csat-done'), 'Merci pour votre avis !');
    // Nothing wider than the phone's screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('shows the score in the ticket header, the report in Admin → Satisfaction and the CSAT settings', async () => {
    const { ticket, path, company } = await resolvedTicket('dinerco', 'dina@diner.test');
    await app
      .http()
      .post(`/api/public/csat/${new URLSearchParams(path.split('?')[1]).get('token')}`)
      .send({ score: 2, comment: 'Slow' })
      .expect(201);

    const tech = await pages.signedIn(app.seed.technician, `/tickets/${ticket.number}`);
    await waitForAttribute(tech.getByTestId('csat-badge'), 'data-score', '2');
    await waitForText(tech.getByTestId('csat-badge'), '★ 2/5');
    await tech.getByTestId('tab-activity').click();
    const line = tech.getByTestId('activity-list').locator('[data-action="csat"]');
    await line.waitFor();
    expect((await line.innerText()).replace(/\s+/g, ' ')).toContain('Jane Doe Rated 2/5: Slow');

    const admin = await pages.signedIn(app.seed.admin, '/admin/satisfaction');
    const report = admin.getByTestId('csat-report');
    await waitForAttribute(report, 'data-days', '30');
    // Three answers in this app (4, 5, 2) for the one technician; this company's one answer.
    const techRow = admin.getByTestId('csat-technicians').locator(`[data-id="${app.technician.id}"]`);
    await waitForText(techRow.locator('[data-cell="responses"]'), '3');
    await waitForText(techRow.locator('[data-cell="average"]'), '3.7');
    await waitForText(techRow.locator('[data-cell="satisfied"]'), '67 %');
    const companyRow = admin.getByTestId('csat-companies').locator(`[data-id="${company.id}"]`);
    await waitForText(companyRow.locator('th'), company.name);
    await waitForText(companyRow.locator('[data-cell="average"]'), '2');

    // The settings come from the typed schema: shown in Admin → Settings with their labels.
    await admin.goto('/admin/settings');
    await waitForText(
      admin.locator('[data-setting="csat.enabled"] .field-label'),
      'Ask the requester “How did we do?” when a ticket is resolved',
    );
    await admin.locator('[data-setting="csat.question"]').waitFor();
  });

  it('a signed-in contact answers on the resolved ticket’s page', async () => {
    const { ticket } = await resolvedTicket('cafeco', 'carl@cafe.test');
    await app.http().post('/api/public/portals/cafeco/sign-in').send({ email: 'carl@cafe.test' }).expect(202);
    const items = (await app.http().get('/api/outbox?limit=200').set(bearer()).expect(200)).body.items as {
      to: string[];
      text: string;
    }[];
    const signIn = items.find((m) => m.to.includes('carl@cafe.test') && m.text.includes('sign-in?token='))!;
    const link = new URL(/(https?:\/\/\S+sign-in\?token=[\w-]+)/.exec(signIn.text)![1]);
    const page = await pages.open();
    await page.goto(link.pathname + link.search);
    await page.getByTestId('portal-ticket-list').waitFor();
    await page.getByTestId(`portal-ticket-${ticket.number}`).click();
    const box = page.getByTestId('portal-ticket-csat');
    await waitForText(box.getByTestId('csat-question'), 'How did we do?');
    await box.getByTestId('csat-score-3').click();
    await box.getByTestId('csat-send').click();
    await waitForText(box.getByTestId('csat-done'), 'Thank you for your feedback!');
    // Opened again: the answer is remembered.
    await page.reload();
    await waitForText(page.getByTestId('csat-done'), 'You already answered for this ticket: 3/5.');
  });
});
