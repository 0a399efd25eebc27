// Browser e2e for issue #15 defect 6: a case deleted by an admin must not come back in the visitor's
// portal tab as a live chat after a reload. Real API + portal plugin on SQLite, Chromium, the built
// portal bundle (apps/web/dist).
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
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
  console.warn(`[portal-deleted-case.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('portal: a deleted case after a reload (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  const call = async <T = any>(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    return { status: res.status, body: res.body as T };
  };
  const ok = async <T = any>(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object): Promise<T> => {
    const res = await call<T>(method, path, body);
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser();
    // The admin takes the chats here; somebody must be available for the chat form to show.
    await ok('put', '/api/me/availability', { available: true });
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Deleted Case Co' });
    await ok('post', '/api/portals', { companyId: company.id, subdomain: 'gone-co', status: 'active' });
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function startChat(locale: string, question: string): Promise<{ visitor: Page; caseId: string }> {
    const visitor = await pages.open({ locale });
    await visitor.goto('/p/gone-co');
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill('jane@customer.test');
    await visitor.getByTestId('portal-question').fill(question);
    await visitor.getByTestId('portal-submit').click();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    const cases = await ok<{ items: { id: string; question: string }[] }>('get', '/api/cases?view=all');
    return { visitor, caseId: cases.items.find((c) => c.question === question)!.id };
  }

  const cases = [
    {
      locale: 'en-US',
      gone: 'This chat has ended and is no longer available.',
      newChat: 'Start a new conversation',
      formTitle: 'Chat with us',
    },
    {
      locale: 'fr-FR',
      gone: 'Cette discussion est terminée et n’est plus disponible.',
      newChat: 'Démarrer une nouvelle conversation',
      formTitle: 'Discutez avec nous',
    },
  ];

  it.each(cases)('$locale: the reloaded tab shows the chat as over, no composer, and offers a new chat', async (t) => {
    const question = `Deleted case question (${t.locale})`;
    const { visitor, caseId } = await startChat(t.locale, question);
    await visitor.getByTestId('portal-message').filter({ hasText: question }).waitFor();

    // An admin takes the chat, closes it and deletes the case (API).
    await ok('post', `/api/cases/${caseId}/assign`);
    await ok('post', `/api/cases/${caseId}/resolve`);
    await ok('delete', `/api/cases/${caseId}`);
    expect((await call('get', `/api/cases/${caseId}`)).status).toBe(404);

    await visitor.reload();
    const ended = visitor.getByTestId('portal-ended');
    await ended.waitFor();
    await waitForText(ended.locator('[role="status"]'), t.gone);
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'connecting');
    // No way to write into a chat that is gone, no end button, no transcript of a deleted log,
    // no "reconnecting" banner (the refusal is final, not a network drop), and the erased log is not shown.
    expect(await visitor.getByTestId('portal-composer').count()).toBe(0);
    expect(await visitor.getByTestId('portal-message-input').count()).toBe(0);
    expect(await visitor.getByTestId('portal-end-chat').count()).toBe(0);
    expect(await visitor.getByTestId('portal-transcript').count()).toBe(0);
    expect(await visitor.getByTestId('portal-reconnecting').count()).toBe(0);
    expect(await visitor.getByTestId('portal-message').count()).toBe(0);

    // Still over after another reload; then a new chat can start from the form.
    await visitor.reload();
    await waitForText(visitor.getByTestId('portal-ended').locator('[role="status"]'), t.gone);
    await waitForText(visitor.getByTestId('portal-new-chat'), t.newChat);
    await visitor.getByTestId('portal-new-chat').click();
    await waitForText(visitor.getByTestId('portal-chat-form').locator('h1'), t.formTitle);
  });
});
