import { readFileSync } from 'node:fs';
// Browser e2e for the technician tickets UI (apps/web) against the real API + tickets backend on SQLite.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser, Page } from 'playwright-core';
import { createTestApp } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForText,
  waitForValue,
} from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) {
  console.warn(
    `[tickets.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override).`,
  );
}
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('tickets UI (browser)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let contactId: string;

  async function api<T = any>(
    method: 'get' | 'post' | 'patch',
    path: string,
    body?: object,
    token = app.adminToken,
  ): Promise<T> {
    const req = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400)
      throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  async function createTicket(title: string): Promise<number> {
    const ticket = await api<{ number: number }>('post', '/api/tickets', {
      title,
      description: `${title}: it started this morning.`,
      requesterId: contactId,
      priority: 'high',
    });
    return ticket.number;
  }

  async function openTicket(page: Page, number: number): Promise<void> {
    await page
      .getByTestId('ticket-page')
      .and(page.locator(`[data-number="${number}"]`))
      .waitFor();
    await page.getByTestId('ticket-composer').waitFor();
  }

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Acme Corp' });
    const contact = await api<{ id: string }>('post', '/api/contacts', {
      companyId: company.id,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@acme.test',
    });
    contactId = contact.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('a technician replies publicly and sets the status to Pending on send', async () => {
    const number = await createTicket('Printer on floor 3 is on fire');
    const page = await pages.signedIn(app.seed.technician, '/tickets');

    // The list shows the ticket; open it from there (client-side navigation).
    const row = page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
    await row.waitFor();
    await row.getByTestId('ticket-link').click();
    await openTicket(page, number);
    expect(new URL(page.url()).pathname).toBe(`/tickets/${number}`);
    await waitForText(page.getByTestId('ticket-status'), 'Open');

    // Public reply (the default for technicians) with "Pending" chosen for after sending.
    await waitForAttribute(page.getByTestId('composer-visibility'), 'data-value', 'public');
    await page.getByTestId('composer-body').fill('We have ordered a new fuser unit, it arrives tomorrow.');
    await page.getByTestId('composer-status').selectOption('pending');
    await page.getByTestId('composer-submit').click();

    const reply = page.getByTestId('comment').filter({ hasText: 'We have ordered a new fuser unit' });
    await reply.waitFor();
    expect(await reply.getByTestId('comment-author').textContent()).toBe(app.seed.technician.name);
    await waitForText(page.getByTestId('ticket-status'), 'Pending');
    expect(await page.getByTestId('ticket-status-select').inputValue()).toBe('pending');
    // The composer is reset for the next message, back to "keep current" (when the POST answers,
    // which may come after the live update has already shown the comment and the status).
    await waitForValue(page.getByTestId('composer-body'), '');
    expect(await page.getByTestId('composer-status').inputValue()).toBe('');

    // The server agrees: status pending, one public comment.
    const ticket = await api<{ status: string }>('get', `/api/tickets/${number}`);
    expect(ticket.status).toBe('pending');
    const comments = await api<{ items: { visibility: string; body: string }[] }>(
      'get',
      `/api/tickets/${number}/comments`,
    );
    expect(comments.items.map((c) => [c.visibility, c.body])).toEqual([
      ['public', 'We have ordered a new fuser unit, it arrives tomorrow.'],
    ]);

    // The Activity tab lists the reply and the status change with the actor.
    await page.getByTestId('tab-activity').click();
    const statusChange = page.locator('[data-testid="activity-item"][data-action="status"]');
    await statusChange.waitFor();
    expect(await statusChange.textContent()).toContain(app.seed.technician.name);
    expect(await statusChange.textContent()).toContain('Pending');
  });

  it('an internal note with @notify shows up live for the notified technician', async () => {
    const number = await createTicket('VPN drops every 10 minutes');
    const tech = await pages.signedIn(app.seed.technician, `/tickets/${number}`);
    await openTicket(tech, number);
    const admin = await pages.signedIn(app.seed.admin, `/tickets/${number}`);
    await openTicket(admin, number);
    expect(await tech.getByTestId('notification-count').count()).toBe(0);

    // Admin writes an internal note and @notifies the technician.
    await admin.getByTestId('composer-visibility-internal').click();
    await waitForAttribute(admin.getByTestId('composer-visibility'), 'data-value', 'internal');
    await admin.getByTestId('composer-body').fill('Looks like the firewall again, can you check the tunnel logs?');
    await admin.getByTestId('notify-picker-input').fill('Test Tech');
    await admin
      .getByTestId('notify-picker')
      .getByRole('option', { name: /Test Technician/ })
      .click();
    expect(await admin.getByTestId('notify-picker-chip').textContent()).toContain('Test Technician');
    await admin.getByTestId('composer-submit').click();

    // The note is shown as an internal note (distinct style + label) on the author's page...
    const note = admin.getByTestId('comment-internal').filter({ hasText: 'firewall again' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal note');

    // ...arrives live on the technician's open ticket page, without a reload...
    const liveNote = tech.getByTestId('comment-internal').filter({ hasText: 'firewall again' });
    await liveNote.waitFor();
    expect(await liveNote.textContent()).toContain('Internal note');

    // ...and the technician's bell gets the notification live.
    await waitForText(tech.getByTestId('notification-count'), '1');
    await tech.getByTestId('notification-bell').click();
    const list = tech.getByTestId('notification-list');
    await list.waitFor();
    expect(await list.textContent()).toContain(`#${number}`);

    // Opening the bell marks it read on the server; after a reload it is still listed (stored), not unread.
    for (
      let i = 0;
      i < 50 && (await api<{ unread: number }>('get', '/api/notifications', undefined, app.technicianToken)).unread > 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await tech.reload();
    await waitForAttribute(tech.getByTestId('connection-status'), 'data-state', 'online');
    await tech.getByTestId('notification-bell').click();
    await tech
      .getByTestId('notification-list')
      .filter({ hasText: `#${number}` })
      .waitFor();
    expect(await tech.getByTestId('notification-count').count()).toBe(0);

    // The server stored it as internal with the notified technician.
    const comments = await api<{ items: { visibility: string; notify: { id: string }[] }[] }>(
      'get',
      `/api/tickets/${number}/comments`,
    );
    expect(comments.items).toHaveLength(1);
    expect(comments.items[0].visibility).toBe('internal');
    expect(comments.items[0].notify.map((n) => n.id)).toEqual([app.seed.technician.id]);
  });

  it('creates a ticket from the New ticket form, and the list updates live', async () => {
    const page = await pages.signedIn(app.seed.technician, '/tickets');
    await page.getByTestId('ticket-list').waitFor();

    // New ticket: requester picked with the keyboard from the contact combobox.
    await page.getByTestId('new-ticket').click();
    await page.getByTestId('new-ticket-form').waitFor();
    await page.getByTestId('new-ticket-title').fill('Outlook crashes on start');
    await page.getByTestId('requester-picker-input').fill('jane');
    await page
      .getByTestId('requester-picker')
      .getByRole('option', { name: /Jane Doe/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('new-ticket-description')
      .fill('Since the last update, Outlook closes right after the splash screen.');
    await page.getByTestId('new-ticket-priority').selectOption('critical');
    await page.getByTestId('new-ticket-submit').click();
    await page.getByTestId('ticket-page').waitFor();
    const number = Number(await page.getByTestId('ticket-page').getAttribute('data-number'));
    expect(new URL(page.url()).pathname).toBe(`/tickets/${number}`);
    expect(await page.getByTestId('ticket-priority').inputValue()).toBe('critical');
    const created = await api<{ title: string; requester: { id: string } }>('get', `/api/tickets/${number}`);
    expect(created.title).toBe('Outlook crashes on start');
    expect(created.requester.id).toBe(contactId);

    // Back on the list, a ticket created elsewhere appears without a reload, and changes show live.
    await page.getByRole('link', { name: '← Tickets' }).click();
    await page.locator(`[data-testid="ticket-row"][data-number="${number}"]`).waitFor();
    const other = await createTicket('Wi-Fi slow in meeting room B');
    const row = page.locator(`[data-testid="ticket-row"][data-number="${other}"]`);
    await row.waitFor();
    await api('patch', `/api/tickets/${other}`, { status: 'resolved' });
    await waitForAttribute(row, 'data-status', 'resolved');
  });

  it('attaches a file to a reply, and the other technician downloads it', async () => {
    const number = await createTicket('Scanner driver');
    const page = await pages.signedIn(app.seed.technician, `/tickets/${number}`);
    await page.getByTestId('ticket-composer').waitFor();
    await page
      .getByTestId('composer-attach')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'driver-log.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('scanner driver v2.1 crashed at 10:42'),
      });
    await page.getByTestId('composer-file').getByText('ready').waitFor();
    await page.getByTestId('ticket-composer').locator('textarea').fill('Here is the log from the scanner.');
    await page.getByTestId('composer-submit').click();
    const link = page.getByTestId('comment-attachment').filter({ hasText: 'driver-log.txt' });
    await link.waitFor();
    // The comment can arrive over the socket before the POST answers; the composer clears after.
    await page.getByTestId('composer-file').first().waitFor({ state: 'detached' });

    const admin = await pages.signedIn(app.seed.admin, `/tickets/${number}`);
    const adminLink = admin.getByTestId('comment-attachment').filter({ hasText: 'driver-log.txt' });
    await adminLink.waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), adminLink.click()]);
    expect(download.suggestedFilename()).toBe('driver-log.txt');
    const path = await download.path();
    expect(readFileSync(path!, 'utf8')).toBe('scanner driver v2.1 crashed at 10:42');
  });

  it('viewer avatars appear and disappear between two browser contexts', async () => {
    const number = await createTicket('Cannot access shared drive');
    const admin = await pages.signedIn(app.seed.admin, `/tickets/${number}`);
    await openTicket(admin, number);
    const avatar = (page: Page, accountId: string) =>
      page.locator(`[data-testid="viewer-avatar"][data-account-id="${accountId}"]`);

    // Alone: only my own avatar, marked as me.
    await avatar(admin, app.seed.admin.id).waitFor();
    expect(await avatar(admin, app.seed.admin.id).getAttribute('data-me')).toBe('true');
    expect(await admin.getByTestId('viewer-avatar').count()).toBe(1);

    // The technician opens the same ticket: each sees the other, and their own avatar first.
    const tech = await pages.signedIn(app.seed.technician, `/tickets/${number}`);
    await openTicket(tech, number);
    await avatar(tech, app.seed.admin.id).waitFor();
    await avatar(admin, app.seed.technician.id).waitFor();
    expect(await admin.getByTestId('viewer-avatar').first().getAttribute('data-account-id')).toBe(app.seed.admin.id);
    expect(await tech.getByTestId('viewer-avatar').first().getAttribute('data-account-id')).toBe(
      app.seed.technician.id,
    );

    // Navigating away (client-side) leaves the ticket: the avatar goes away in the other context.
    await tech.getByRole('link', { name: '← Tickets' }).click();
    await tech.getByTestId('ticket-list').waitFor();
    await avatar(admin, app.seed.technician.id).waitFor({ state: 'detached' });

    // Back again, then the tab is closed without warning: the avatar disappears too.
    await tech.goBack();
    await openTicket(tech, number);
    await avatar(admin, app.seed.technician.id).waitFor();
    await tech.close();
    await avatar(admin, app.seed.technician.id).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await admin.getByTestId('viewer-avatar').count()).toBe(1);
  });
});
