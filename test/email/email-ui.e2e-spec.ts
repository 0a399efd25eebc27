// Browser e2e for the email bits of the web UI: an inbound email on the ticket page (inline image,
// "View original email", live reply) and the admin's outbound queue (retry a failed mail) and templates.
// Requires `npm run build:web` and Chromium (skipped with a warning otherwise).
import type { Browser } from 'playwright-core';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForText,
  waitForValue,
} from '../browser/browser.helper';
import { MAIL_RETRY_BACKOFF_MS } from '@switchboard/notify';
import {
  bootEmailApp,
  settleMail,
  commentsOf,
  type EmailApp,
  eventually,
  MAIL_MAX_ATTEMPTS_FOR_UI,
  outbox,
  seedCompany,
  sendMail,
  ticketsOf,
} from './email.helper';

jest.setTimeout(90_000);
const available = hasChromium();
if (!available) console.warn(`[email-ui.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const suite = available ? describe : describe.skip;

suite('email in the web UI (browser)', () => {
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

  it('shows an email ticket with its inline image and original, and a reply arrives live', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await sendMail(e.smtpPort, {
      from: `Melissa Jones <melissa@${domain}>`,
      subject: 'Screen is blue',
      text: 'See the picture.',
      html: '<p>See <img src="cid:pic@acme"></p>',
      attachments: [{ filename: 'screen.png', content: png, contentType: 'image/png', cid: 'pic@acme' }],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const page = await pages.signedIn(e.t.technician, `/tickets/${ticket.number}`);
    await page.getByTestId('ticket-page').waitFor();
    await page.getByTestId('comment-inline-images').locator('img[alt="screen.png"]').waitFor();
    const original = page.getByTestId('comment-original').first();
    await waitForText(original, 'View original email');
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(await original.getAttribute('href')).toBe(`/api/tickets/${ticket.number}/comments/${comment.id}/original`);
    const download = await Promise.all([page.waitForEvent('download'), original.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Screen is blue`,
      text: 'It is green now.\n\nOn Mon, Helpdesk <support@helpdesk.example> wrote:\n> restart',
    });
    await waitForText(page.getByTestId('comment-body').last(), 'It is green now.');
  });

  it('lets an admin retry a failed mail and edit a template', async () => {
    const { contact, domain } = await seedCompany(e.t);
    e.sink.refuseNext(MAIL_MAX_ATTEMPTS_FOR_UI);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Will fail to acknowledge', text: 'hello' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await settleMail(e.t);
    for (const delay of MAIL_RETRY_BACKOFF_MS) {
      e.t.clock.advance(delay + 1000);
      await e.t.runDueTimers();
    }
    const failed = (await outbox(e.t, '&status=failed')).find((m) => m.subject.startsWith(`[#${ticket.number}]`))!;
    expect(failed).toBeDefined();

    const page = await pages.signedIn(e.t.admin, '/admin');
    const row = page.getByTestId('mail-queue-row').filter({ hasText: `[#${ticket.number}]` });
    await row.waitFor();
    await row.getByRole('button', { name: 'Retry now' }).click();
    await row.waitFor({ state: 'detached' });
    await eventually(async () => expect((await outbox(e.t)).find((m) => m.id === failed.id)?.status).toBe('sent'));

    const form = page.getByTestId('mail-template-form');
    await form.getByTestId('mail-template-event').selectOption('ticket.status');
    // The picked mail's text replaces the draft after the render: wait for it before typing.
    await waitForValue(
      form.getByTestId('mail-template-subject'),
      '[#{{ticket.number}}] {{{ticket.title}}} — now {{ticket.status}}',
    );
    await form.getByTestId('mail-template-subject').fill('Status of [#{{ticket.number}}]: {{ticket.status}}');
    await form.getByRole('button', { name: 'Save' }).click();
    await waitForText(form.getByRole('status'), 'Saved');
    // The French version is its own template: switching shows the French default, saved apart.
    await form.getByTestId('mail-template-language').selectOption('fr');
    await waitForValue(
      form.getByTestId('mail-template-subject'),
      '[#{{ticket.number}}] {{{ticket.title}}} — désormais {{ticket.status}}',
    );
    await form.getByTestId('mail-template-subject').fill('Statut de [#{{ticket.number}}] : {{ticket.status}}');
    await form.getByRole('button', { name: 'Save' }).click();
    await waitForText(form.getByRole('status'), 'Saved');
    const french = await e.t
      .http()
      .get('/api/email-templates/ticket.status?language=fr')
      .set('Authorization', `Bearer ${e.t.adminToken}`)
      .expect(200);
    expect(french.body).toMatchObject({
      language: 'fr',
      custom: true,
      subject: 'Statut de [#{{ticket.number}}] : {{ticket.status}}',
    });
    const saved = await e.t
      .http()
      .get('/api/email-templates/ticket.status')
      .set('Authorization', `Bearer ${e.t.adminToken}`)
      .expect(200);
    expect(saved.body).toMatchObject({ custom: true, subject: 'Status of [#{{ticket.number}}]: {{ticket.status}}' });
  });
});
