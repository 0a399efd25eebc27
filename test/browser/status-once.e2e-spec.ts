// Browser e2e for issue #15 defect 5: a status text is shown once, not as a banner and again as a
// system line (or as a field error and again as a form error). Real API + portal/agent-chat plugins on
// SQLite, the real helpdesk agent process, Chromium. Requires the built web UI (apps/web/dist).
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import {
  AGENT_CHAT_PLUGIN,
  AgentProcess,
  bearer,
  cleanupDirs,
  enrolAgent,
  removeDirs,
  seedDevice,
} from '../agent-chat/agent-chat.helpers';
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
if (!chromiumAvailable)
  console.warn(`[status-once.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

/**
 * How many places show `text` to a sighted user: text nodes containing it whose element is rendered
 * larger than the 1px visually-hidden live regions (those are for screen readers, announced once).
 */
function visibleHosts(page: Page, text: string): Promise<string[]> {
  // Runs in the page; typed loosely because jest's tsconfig has no DOM lib.
  return page.evaluate((needle) => {
    const doc = (globalThis as any).document;
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
    const hosts = new Set<any>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').includes(needle)) continue;
      const r = el.getBoundingClientRect();
      if (el.checkVisibility() && r.width > 2 && r.height > 2) hosts.add(el);
    }
    // Named by tag, class and test id so a failure says where the copies are.
    return [...hosts].map(
      (el: any) => `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('data-testid') ?? ''}]`,
    );
  }, text);
}

/** Waits until `text` is shown, lets the page settle (late events, re-joins), then counts it. */
async function shownOnce(page: Page, text: string): Promise<void> {
  await page.getByText(text).first().waitFor();
  await page.waitForTimeout(400);
  expect(await visibleHosts(page, text)).toHaveLength(1);
}

describeWithBrowser('status texts are shown once (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const agents: AgentProcess[] = [];

  const ok = async <T = any>(method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object): Promise<T> => {
    const res = await app.http()[method](path).set(bearer(app.adminToken)).send(body);
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const setAvailable = (token: string, available: boolean) =>
    app.http().put('/api/me/availability').set(bearer(token)).send({ available }).expect(200);

  beforeAll(async () => {
    app = await createTestApp({
      web: true,
      plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }, AGENT_CHAT_PLUGIN],
    });
    browser = await launchBrowser();
    await setAvailable(app.adminToken, false);
    await setAvailable(app.technicianToken, true);
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Acme Status' });
    await ok('post', '/api/portals', { companyId: company.id, subdomain: 'acme-status', status: 'active' });
  });
  afterEach(async () => {
    agents.splice(0).forEach((a) => a.kill());
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    removeDirs();
  });

  async function startPortalChat(question: string, locale = 'en-US'): Promise<Page> {
    const visitor = await pages.open({ locale });
    await visitor.goto('/p/acme-status');
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill('jane@customer.test');
    await visitor.getByTestId('portal-question').fill(question);
    await visitor.getByTestId('portal-submit').click();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    return visitor;
  }

  it('"All our technicians are busy…" once for the visitor; "The customer ended the conversation" once for the technician', async () => {
    const visitor = await startPortalChat('The scanner is offline.');
    const tech = await pages.signedIn(app.technician, '/cases');
    const item = tech.getByTestId('case-item').filter({ hasText: 'The scanner is offline.' });
    await item.click();
    await tech.getByTestId('case-detail').waitFor();

    // Still waiting after the portal's waiting-offer delay (60 s by default): the offer is posted.
    app.clock.advance(61_000);
    await app.runDueTimers();
    await shownOnce(visitor, 'All our technicians are busy at the moment.');
    await waitForText(visitor.getByTestId('portal-waiting-status'), 'All our technicians are busy at the moment.');
    expect(await visibleHosts(visitor, 'leave your question')).toHaveLength(1);
    await visitor.reload();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    await shownOnce(visitor, 'All our technicians are busy at the moment.');
    expect(await visibleHosts(visitor, 'leave your question')).toHaveLength(1);
    // ...and the "click here" way to leave the question is still offered.
    await visitor.getByTestId('portal-convert').waitFor();
    // The technician's case log keeps the line the server wrote, once.
    await shownOnce(tech, 'All our technicians are busy at the moment.');

    // The visitor ends the chat: the technician reads why once, live and after a reload.
    await visitor.getByTestId('portal-end-chat').click();
    await visitor.getByTestId('portal-end-confirm-yes').click();
    await visitor.getByTestId('portal-ended').waitFor();
    await shownOnce(tech, 'The customer ended the conversation');
    await tech.reload();
    await tech.getByTestId('case-detail').waitFor();
    await shownOnce(tech, 'The customer ended the conversation');
  });

  it('the waiting offer is said once in French too, not in the stored English line', async () => {
    const visitor = await startPortalChat('Le scanner est hors ligne.', 'fr-FR');
    app.clock.advance(61_000);
    await app.runDueTimers();
    await waitForText(
      visitor.getByTestId('portal-waiting-status'),
      'Tous nos techniciens sont occupés pour le moment.',
    );
    await shownOnce(visitor, 'Tous nos techniciens sont occupés pour le moment.');
    expect(await visibleHosts(visitor, 'All our technicians are busy')).toEqual([]);
    expect(await visibleHosts(visitor, 'laisser votre question')).toHaveLength(1);
    await visitor.getByTestId('portal-convert').waitFor();
  });

  it('"The technician ended the chat." once in the chat pane', async () => {
    const { device } = await seedDevice(app);
    const dir = await enrolAgent(app, device.id);
    cleanupDirs.push(dir);
    const page = await pages.signedIn(app.technician, '/chats');
    const agent = new AgentProcess(['chat'], dir);
    agents.push(agent);
    await agent.answer('chat-as', 'y');
    const waiting = await agent.waitFor('waiting');
    await page.getByTestId('chat-request-accept').click();
    await page.waitForURL(`**/chats/${waiting.conversationId}`);
    await page.locator('[data-testid="chat-pane"][data-status="active"]').waitFor();

    await page.getByTestId('chat-end').click();
    await page.getByTestId('chat-end-confirm-yes').click();
    await page.locator('[data-testid="chat-pane"][data-status="ended"]').waitFor();
    await shownOnce(page, 'The technician ended the chat.');
    await page.reload();
    await page.locator('[data-testid="chat-pane"][data-status="ended"]').waitFor();
    await shownOnce(page, 'The technician ended the chat.');
  });

  it('a taken portal subdomain is said once, next to the field', async () => {
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Umbrella Status' });
    const admin = await pages.signedIn(app.admin, '/admin');
    await admin.getByTestId('portal-new').click();
    await admin.getByTestId('portal-form-company').selectOption(company.id);
    await admin.getByTestId('portal-form-subdomain').fill('acme-status');
    await admin.getByTestId('portal-form-submit').click();
    await admin.getByTestId('portal-form-error-subdomain').waitFor();
    await shownOnce(admin, 'The subdomain "acme-status" is already taken');
    expect(await admin.getByTestId('portal-form-subdomain').getAttribute('aria-invalid')).toBe('true');
  });
});
