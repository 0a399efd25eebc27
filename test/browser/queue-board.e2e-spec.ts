// Browser e2e for #14 (the supervisor's side): Admin → Queue board in a fresh tab shows each queue
// with its waiting and ringing contacts (customer, ticking m:ss wait, Ringing <agent>), the members
// by state (Busy n/max, Not ready, then Available after the next 5 s poll) and today's numbers; French.
// Real API on SQLite (and PostgreSQL in CI), real Chromium, fake clock for the waits.
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer, seedCompany } from '../tickets/tickets.helper';
import { startChat } from '../portal/portal-helpers';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[queue-board.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('queue board (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let queueId: string;
  const conversations: string[] = [];
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  const setState = (token: string, state: 'available' | 'not_ready') =>
    t.http().put('/api/me/agent-state').set(bearer(token)).send({ state }).expect(200);

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Board Corp', 'melissa@board.example');
    queueId = (
      await t
        .http()
        .post('/api/queues')
        .set(bearer(t.adminToken))
        .send({
          name: 'Front desk',
          companyIds: [company.id],
          memberIds: [t.technician.id, t.admin.id],
          // Long timers: the fake clock moves 75 s and no offer should ring out meanwhile.
          offerTimeoutSeconds: 600,
          maxWaitSeconds: 86400,
        })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/portals')
      .set(bearer(t.adminToken))
      .send({ companyId: company.id, subdomain: 'boardcorp', status: 'active', routing: 'queue', queueId })
      .expect(201);
    await setState(t.adminToken, 'not_ready');
    await setState(t.technicianToken, 'available');
    // Three chats ring the technician (Busy 3/3), the fourth waits.
    for (const first of ['Ann', 'Ben', 'Cat', 'Dan'])
      conversations.push(
        (await startChat(t, 'boardcorp', { firstName: first, lastName: 'Visitor', email: `${first}@board.example` }))
          .conversationId,
      );
    t.clock.advance(75_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  const card = (page: Page) => page.locator(`[data-testid="queue-board-queue"][data-queue-id="${queueId}"]`);
  const row = (page: Page, conversationId: string) =>
    card(page).locator(`[data-testid="queue-board-waiting"] tr[data-conversation-id="${conversationId}"]`);

  it('shows waits ticking, who is ringing, agents by state and today; a poll shows the next change', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin/queue-board');
    await waitForText(page.locator('.admin-section h2'), 'Queue board');
    await waitForText(card(page).locator('h3'), 'Front desk');

    const ringing = row(page, conversations[0]);
    await waitForText(ringing.locator('td').nth(0), 'Ann Visitor');
    expect(await ringing.locator('td').nth(2).textContent()).toBe(`Ringing ${t.seed.technician.name}`);
    const waiting = row(page, conversations[3]);
    expect(await waiting.locator('td').nth(0).textContent()).toBe('Dan Visitor');
    expect(await waiting.locator('td').nth(2).textContent()).toBe('Waiting');
    // The wait is m:ss from the server's 75 s and ticks in the browser.
    const wait = waiting.getByTestId('queue-board-wait');
    const first = (await wait.textContent())!;
    expect(first).toMatch(/^1:1[5-9]$/);
    const until = Date.now() + 5_000;
    while ((await wait.textContent()) === first && Date.now() < until) await page.waitForTimeout(200);
    expect(await wait.textContent()).not.toBe(first);

    const agent = (id: string) => card(page).locator(`tr[data-account-id="${id}"]`);
    expect(await agent(t.technician.id).getByTestId('queue-board-agent-state').textContent()).toBe('Busy 3/3');
    expect(await agent(t.admin.id).getByTestId('queue-board-agent-state').textContent()).toBe('Not ready');
    const today = card(page).getByTestId('queue-board-today');
    expect(await today.locator('[data-stat="arrived"]').textContent()).toBe('4');
    expect(await today.locator('[data-stat="accepted"]').textContent()).toBe('0');
    expect(await today.locator('[data-stat="averageWait"]').textContent()).toBe('—');

    // The admin becomes Available elsewhere: the waiting contact rings them, the board shows it at the next poll.
    await setState(t.adminToken, 'available');
    await waitForText(agent(t.admin.id).getByTestId('queue-board-agent-state'), 'Available', 12_000);
    await waitForText(waiting.locator('td').nth(2), `Ringing ${t.seed.admin.name}`, 12_000);
    await setState(t.adminToken, 'not_ready');
  });

  it('speaks French', async () => {
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto('/admin/queue-board');
    await page.getByTestId('login-email').fill(t.seed.admin.email);
    await page.getByTestId('login-password').fill(t.seed.admin.password);
    await page.getByTestId('login-submit').click();
    await waitForText(page.locator('.admin-section h2'), 'Tableau des files');
    await waitForText(page.getByTestId('admin-nav').locator('[data-section="queue-board"]'), 'Tableau des files');
    await waitForText(row(page, conversations[0]).locator('td').nth(2), `Sonne chez ${t.seed.technician.name}`);
    expect(
      await card(page)
        .locator(`tr[data-account-id="${t.technician.id}"]`)
        .getByTestId('queue-board-agent-state')
        .textContent(),
    ).toBe('Occupé 3/3');
    expect(await card(page).getByTestId('queue-board-today').locator('dt').first().textContent()).toBe('Arrivés');
  });
});
