// Browser e2e for #17: the sentiment badge after an end user's email reply, and the list filter.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser } from 'playwright-core';
import { bootEmailApp, type EmailApp, seedCompany, sendMail, ticketsOf } from '../email/email.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[sentiment.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('ticket sentiment UI (browser)', () => {
  let e: EmailApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => e.t.baseUrl,
  );

  beforeAll(async () => {
    e = await bootEmailApp({ web: true, plugins: [{ name: 'plugins/feature-sentiment', enable: true }] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('shows the badge after an angry end-user reply, live, and the list filters by sentiment', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Scanner',
      text: 'Hello, could you set up the scanner on floor 4?',
      messageId: `<s-1@${domain}>`,
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const other = await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Keyboard',
      text: 'Thank you so much, the new keyboard is perfect!',
      messageId: `<k-1@${domain}>`,
    });
    expect(other.response).toContain('250');

    const page = await pages.signedIn(e.t.seed.technician, `/tickets/${ticket.number}`);
    await page
      .getByTestId('ticket-page')
      .and(page.locator(`[data-number="${ticket.number}"]`))
      .waitFor();
    const badge = page.getByTestId('ticket-sentiment').getByTestId('sentiment-badge');
    await waitForText(badge, 'Neutral');

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: Scanner [#${ticket.number}]`,
      text: 'THREE DAYS AND STILL NOTHING!!! This is unacceptable, the scanner is still broken.',
      messageId: `<s-2@${domain}>`,
      references: [`<s-1@${domain}>`],
    });
    // Live: the header's badge turns negative without a reload (icon + label).
    await waitForText(badge, 'Negative');
    expect(await badge.getAttribute('data-sentiment')).toBe('negative');
    expect(await badge.locator('svg').count()).toBe(1);
    await page.getByTestId('tab-activity').click();
    await page
      .locator('[data-testid="activity-item"][data-action="sentiment"]')
      .filter({ hasText: 'Sentiment analysis changed the sentiment from Neutral to Negative' })
      .waitFor();

    // A fresh tab on the list: the filter keeps negative tickets only.
    const list = await pages.signedIn(e.t.seed.technician, '/tickets');
    const row = (n: number) => list.locator(`[data-testid="ticket-row"][data-number="${n}"]`);
    await row(ticket.number).waitFor();
    await waitForText(row(ticket.number).getByTestId('sentiment-badge'), 'Negative');
    const keyboard = (await ticketsOf(e.t, contact.id)).find((t) => t.title === 'Keyboard')!;
    await row(keyboard.number).waitFor();
    await list.getByTestId('filter-sentiment').selectOption('negative');
    await row(keyboard.number).waitFor({ state: 'detached' });
    await row(ticket.number).waitFor();
    expect(new URL(list.url()).searchParams.get('sentiment')).toBe('negative');
    await list.getByTestId('filter-sentiment').selectOption('positive');
    await row(ticket.number).waitFor({ state: 'detached' });
    await waitForText(row(keyboard.number).getByTestId('sentiment-badge'), 'Positive');
  });
});
