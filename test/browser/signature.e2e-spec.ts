// Browser e2e: a technician sets their email signature on their settings page; replies mailed to
// the requester are then signed with it. Requires `npm run build:web` and Chromium.
import type { Browser } from 'playwright-core';
import {
  bearer,
  bootEmailApp,
  eventually,
  outbox,
  seedCompany,
  sendMail,
  settleMail,
  ticketsOf,
  type EmailApp,
} from '../email/email.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText, waitForValue } from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[signature.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('email signature settings (browser)', () => {
  let e: EmailApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => e.t.baseUrl,
  );

  beforeAll(async () => {
    e = await bootEmailApp({ web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('saves a signature (kept after a reload), signs the mailed reply with it, and clears it', async () => {
    const page = await pages.signedIn(e.t.seed.technician, '/settings/notifications');
    const input = page.getByTestId('signature-input');
    await input.waitFor();
    expect(await input.inputValue()).toBe('');
    await input.fill('Tom Tech\nLevel 2 support, Acme helpdesk');
    await waitForText(page.locator('#signature-count'), '961 characters left');
    await page.getByTestId('signature-save').click();
    await waitForText(page.getByTestId('signature-status'), 'Signature saved.');

    // A fresh tab on the same route: the saved value is what the server has.
    const again = await pages.signedIn(e.t.seed.technician, '/settings/notifications');
    await waitForValue(again.getByTestId('signature-input'), 'Tom Tech\nLevel 2 support, Acme helpdesk');

    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Signed', text: 'Hello.' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await settleMail(e.t);
    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Fixed it.', visibility: 'public' })
      .expect(201);
    await eventually(async () => {
      const mail = (await outbox(e.t)).find((m) => m.text.startsWith('Fixed it.'));
      expect(mail?.text).toContain('-- \nTom Tech\nLevel 2 support, Acme helpdesk\n');
    });

    await again.getByTestId('signature-input').fill('   ');
    await again.getByTestId('signature-save').click();
    await waitForText(again.getByTestId('signature-status'), 'Signature removed: replies are signed with your name.');
    await waitForValue(again.getByTestId('signature-input'), '');
  });

  it('speaks French to a French browser, and says what is wrong when the save is refused', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/settings/notifications');
    await page.getByTestId('login-email').fill(e.t.seed.technician.email);
    await page.getByTestId('login-password').fill(e.t.seed.technician.password);
    await page.getByTestId('login-submit').click();
    await waitForText(page.locator('#signature-title'), 'Signature des e-mails');
    await waitForText(page.getByTestId('signature-save'), 'Enregistrer la signature');
    // The textarea stops at 1000; a longer value forced past it is refused by the server, clearly.
    await page.getByTestId('signature-input').evaluate((el) => {
      el.removeAttribute('maxlength');
    });
    await page.getByTestId('signature-input').fill('x'.repeat(1001));
    await page.getByTestId('signature-save').click();
    // The code's French words, with the server's naming the field and the rule (#16).
    await waitForText(
      page.getByTestId('signature-status'),
      'Certains champs ne sont pas valides (Invalid input: signature must be at most 1000 characters)',
    );
  });
});
