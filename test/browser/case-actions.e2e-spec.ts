// Browser e2e for the case status dropdown (Assigned / Resolved / back to Unassigned) and the
// confirmation before Leave chat (#15), against the real API on SQLite.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '@switchboard/testing';
import {
  auth,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  uniqueName,
} from '../portal/portal-helpers';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[case-actions.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('case status and chat confirmations (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  beforeAll(async () => {
    app = await createPortalApp({ web: true });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const detail = (page: Page, id: string) => page.locator(`[data-testid="case-detail"][data-case-id="${id}"]`);

  it('moves a support request Assigned → Resolved → Unassigned with the status dropdown', async () => {
    await setAvailable(app, app.technicianToken, false);
    const { subdomain } = await createCompanyWithPortal(app);
    const req = (
      await app
        .http()
        .post(`/api/public/portals/${subdomain}/requests`)
        .send({ firstName: 'Sam', lastName: 'Dropdown', email: `${uniqueName('sam')}@example.com`, question: 'No VPN' })
        .expect(201)
    ).body;
    const page = await pages.signedIn(app.seed.technician, `/cases/${req.caseId}`);
    await detail(page, req.caseId).waitFor();
    const select = page.getByTestId('case-status-select');
    expect(await select.inputValue()).toBe('unassigned');
    // Resolved is not one step away from Unassigned.
    expect(await select.locator('option[value="resolved"]').isDisabled()).toBe(true);

    await select.selectOption('assigned');
    await waitForText(page.getByTestId('case-status'), 'Assigned');
    await waitForText(page.getByTestId('case-assignee'), app.seed.technician.name);
    await select.selectOption('resolved');
    await waitForText(page.getByTestId('case-status'), 'Resolved');
    await select.selectOption('unassigned');
    await waitForText(page.getByTestId('case-status'), 'Unassigned');
    await waitForText(page.getByTestId('case-assignee'), 'Nobody yet');
    expect(await select.inputValue()).toBe('unassigned');
    const saved = (await app.http().get(`/api/cases/${req.caseId}`).set(auth(app.adminToken)).expect(200)).body;
    expect(saved).toMatchObject({ status: 'unassigned', assignee: null });
  });

  it('asks before leaving a live chat (Cancel keeps it), then leaves; Unassigned is offered only once the chat ended', async () => {
    await setAvailable(app, app.technicianToken, true);
    const { subdomain } = await createCompanyWithPortal(app);
    const chat = await startChat(app, subdomain);
    await app.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(app.technicianToken)).expect(200);

    const page = await pages.signedIn(app.seed.technician, `/cases/${chat.caseId}`);
    await detail(page, chat.caseId).waitFor();
    const select = page.getByTestId('case-status-select');
    expect(await select.inputValue()).toBe('assigned');
    expect(await select.locator('option[value="unassigned"]').isDisabled()).toBe(true);

    await page.getByTestId('case-leave').click();
    const confirm = page.getByTestId('case-leave-confirm');
    await waitForText(confirm.locator('h2'), 'Leave this chat?');
    await confirm.getByTestId('case-leave-confirm-cancel').click();
    await confirm.waitFor({ state: 'hidden' });
    const still = (await app.http().get(`/api/cases/${chat.caseId}`).set(auth(app.adminToken)).expect(200)).body;
    expect(still.chatStatus).not.toBe('ended');

    await page.getByTestId('case-leave').click();
    await confirm.getByTestId('case-leave-confirm-yes').click();
    await page.getByTestId('case-leave').waitFor({ state: 'detached' });
    await expectEventually(
      async () => (await app.http().get(`/api/cases/${chat.caseId}`).set(auth(app.adminToken))).body.chatStatus,
      'ended',
    );
    // The chat ended: Unassigned is offered again.
    await page.locator('[data-testid="case-status-select"] option[value="unassigned"]:not([disabled])').waitFor({
      state: 'attached',
    });
  });
});

async function expectEventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(last).toBe(expected);
}
