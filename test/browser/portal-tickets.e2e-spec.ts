// Browser e2e for #18: "My tickets" on a company's portal, signed in from the mailed link, in
// English on a desktop and in French on a phone-sized screen. Needs apps/web/dist and Chromium.
import type { Browser, Page } from 'playwright-core';
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
if (!chromiumAvailable) console.warn(`[portal-tickets.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('portal My tickets (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const bearer = (token = app.adminToken) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  async function setup(subdomain: string, email: string) {
    const company = (
      await app
        .http()
        .post('/api/companies')
        .set(bearer())
        .send({ name: `${subdomain} Inc` })
        .expect(201)
    ).body;
    await app
      .http()
      .post('/api/portals')
      .set(bearer())
      .send({ companyId: company.id, subdomain, status: 'active' })
      .expect(201);
    const contact = await app
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'Jane', lastName: 'Doe', email });
    const ticket = (
      await app
        .http()
        .post('/api/tickets')
        .set(bearer(app.technicianToken))
        .send({ title: 'Printer on fire', description: 'It smokes since this morning.', requesterId: contact.id })
        .expect(201)
    ).body as { number: number };
    return { ticket };
  }

  async function mailedLink(email: string): Promise<string> {
    const items = (await app.http().get('/api/outbox?limit=200').set(bearer()).expect(200)).body.items as {
      to: string[];
      text: string;
      subject: string;
    }[];
    const mail = items.find((m) => m.to.includes(email) && m.text.includes('sign-in?token='))!;
    const link = new URL(/(https?:\/\/\S+sign-in\?token=[\w-]+)/.exec(mail.text)![1]);
    return link.pathname + link.search;
  }

  async function run(page: Page, subdomain: string, email: string, ticketNumber: number, texts: { answer: string }) {
    // From the portal's home, My tickets asks for an address and mails a link.
    await page.goto(`/p/${subdomain}`);
    await page.getByTestId('portal-my-tickets').click();
    await page.getByTestId('portal-sign-in-form').waitFor();
    await page.getByTestId('portal-sign-in-email').fill(email);
    await page.getByTestId('portal-send-link').click();
    await page.getByTestId('portal-link-sent').waitFor();
    // The mailed link signs in (fresh navigation, like a click in the mail).
    await page.goto(await mailedLink(email));
    await page.getByTestId('portal-ticket-list').waitFor();
    await waitForAttribute(page.getByTestId('portal-ticket-list'), 'data-loaded', 'true');
    await page.getByTestId(`portal-ticket-${ticketNumber}`).click();
    await page.getByTestId('portal-ticket-page').waitFor();
    await waitForText(page.getByTestId('portal-ticket-title'), 'Printer on fire');
    // Reply with an attachment.
    await page.getByTestId('portal-reply-body').fill('Still smoking, photo attached.');
    await page
      .getByTestId('portal-reply-files')
      .setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from('smoke') });
    await page.getByTestId('portal-reply-send').click();
    await waitForAttribute(page.getByTestId('portal-ticket-page'), 'data-comments', '1');
    await page.getByRole('link', { name: /photo\.txt/ }).waitFor();
    const comments = (
      await app.http().get(`/api/tickets/${ticketNumber}/comments`).set(bearer(app.technicianToken)).expect(200)
    ).body.items;
    expect(comments[0]).toMatchObject({
      source: 'portal',
      author: { kind: 'contact' },
      attachments: [{ name: 'photo.txt' }],
    });
    // A technician answers: it arrives live, without a reload.
    await app
      .http()
      .post(`/api/tickets/${ticketNumber}/comments`)
      .set(bearer(app.technicianToken))
      .send({ body: texts.answer, visibility: 'public' })
      .expect(201);
    await waitForAttribute(page.getByTestId('portal-ticket-page'), 'data-comments', '2');
    await waitForText(page.getByTestId('portal-comment').nth(1).locator('.p-msg-body'), texts.answer);
  }

  it('signs in from the mailed link, lists, opens, replies with a file and sees the answer arrive live', async () => {
    const { ticket } = await setup('acme', 'jane@acme.test');
    const page = await pages.open();
    await run(page, 'acme', 'jane@acme.test', ticket.number, { answer: 'A technician is on the way.' });
    await page.getByTestId('portal-sign-out').click();
    await page.getByTestId('portal-sign-in-form').waitFor();
  });

  it('the same in French on a phone-sized screen', async () => {
    const { ticket } = await setup('bistro', 'jeanne@bistro.test');
    const page = await pages.open({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    await page.goto('/p/bistro/tickets');
    await waitForText(page.getByTestId('portal-sign-in-form').locator('h1'), 'Connectez-vous pour voir vos tickets');
    await run(page, 'bistro', 'jeanne@bistro.test', ticket.number, { answer: 'Un technicien arrive.' });
    const outbox = (await app.http().get('/api/outbox?limit=200').set(bearer()).expect(200)).body.items;
    expect(
      outbox.find(
        (m: { to: string[]; text: string }) => m.to.includes('jeanne@bistro.test') && m.text.includes('sign-in?token='),
      ).subject,
    ).toContain('Votre lien');
    await waitForText(page.getByTestId('portal-signed-in'), 'Connecté(e) : Jane Doe');
    // Nothing wider than the phone's screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The language switch.
    await page.getByTestId('portal-lang').selectOption('en');
    await page.getByTestId('portal-ticket-page').waitFor();
    await waitForText(page.getByTestId('portal-signed-in'), 'Signed in as Jane Doe');
  });
  it("shows a status by the admin's French label to a French visitor", async () => {
    const { ticket } = await setup('vendome', 'jean@vendome.test');
    await app
      .http()
      .post('/api/ticket-statuses')
      .set(bearer())
      .send({ key: 'at_vendor', name: 'At the vendor', nameFr: 'Chez le fournisseur', category: 'pending' })
      .expect(201);
    await app
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(app.technicianToken))
      .send({ status: 'at_vendor' })
      .expect(200);
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/p/vendome/tickets');
    await page.getByTestId('portal-sign-in-email').fill('jean@vendome.test');
    await page.getByTestId('portal-send-link').click();
    await page.getByTestId('portal-link-sent').waitFor();
    await page.goto(await mailedLink('jean@vendome.test'));
    await waitForAttribute(page.getByTestId('portal-ticket-list'), 'data-loaded', 'true');
    await waitForText(page.getByTestId(`portal-ticket-${ticket.number}`).locator('.p-badge'), 'Chez le fournisseur');
    await page.getByTestId(`portal-ticket-${ticket.number}`).click();
    await waitForText(page.getByTestId('portal-ticket-status'), 'Chez le fournisseur');
    // In English: the admin's own name.
    await page.getByTestId('portal-lang').selectOption('en');
    await page.getByTestId('portal-ticket-page').waitFor();
    await waitForText(page.getByTestId('portal-ticket-status'), 'At the vendor');
  });
});
