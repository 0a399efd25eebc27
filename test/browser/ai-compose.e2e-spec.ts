// Browser e2e for #17: Compose with AI on a real ticket page against a real OpenAI-protocol server —
// generate, rephrase, more formal, more casual, undo; the admin configures the plugin in its form.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser, Page } from 'playwright-core';
import {
  createTestApp,
  eventually,
  startOpenAiServer,
  type OpenAiTestServer,
  type TestApp,
} from '@switchboard/testing';
import { AddContactCommentService, ContactAuthorService } from '@switchboard/tickets';
import { bearer, createTicket, seedPeople } from '../masking/masking.helper';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[ai-compose.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('Compose with AI on the reply box (browser)', () => {
  let t: TestApp;
  let ai: OpenAiTestServer;
  let browser: Browser;
  let ticketNumber: number;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    ai = await startOpenAiServer();
    t = await createTestApp({
      web: true,
      plugins: [
        { name: 'plugins/feature-ai-compose', enable: true },
        { name: 'plugins/feature-sentiment', enable: true },
      ],
    });
    const { contact } = await seedPeople(t);
    const ticket = await createTicket(t, {
      title: 'VPN drops every hour',
      description: 'The VPN disconnects every hour.',
      requesterId: contact.id,
    });
    ticketNumber = ticket.number;
    await t.get(AddContactCommentService).add({
      ticketNumber,
      author: await t.get(ContactAuthorService).resolve(contact.id),
      body: 'Hello, the VPN still drops every hour. Can you help?',
      source: 'portal',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await ai?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('an admin sets the plugin up in its settings form (base URL, API key, model)', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin');
    await page.locator('summary').filter({ hasText: 'Settings' }).first().waitFor();
    const toggle = page.locator('details[data-plugin-id="feature-ai-compose"]');
    await toggle.locator('summary').click();
    const form = toggle.getByTestId('plugin-settings');
    await form.locator('input[name="baseUrl"]').fill(ai.baseUrl);
    await form.locator('input[name="apiKey"]').fill('sk-browser-test');
    await form.locator('input[name="model"]').fill('test-model');
    await form.getByTestId('plugin-save').click();
    await waitForText(form.getByTestId('plugin-message'), 'Settings saved');
    // The secret is never shown back.
    expect(await form.locator('input[name="apiKey"]').inputValue()).toBe('********');
    await eventually(async () => {
      const caps = await t.http().get('/api/ai/capabilities').set(bearer(t.adminToken));
      expect(caps.body.compose).toBe(true);
    }, 10_000);
  });

  it('the same form sets the sentiment plugin’s engine (a select)', async () => {
    const page = await pages.signedIn(t.seed.admin, '/admin');
    const toggle = page.locator('details[data-plugin-id="feature-sentiment"]');
    await toggle.locator('summary').click();
    const form = toggle.getByTestId('plugin-settings');
    await form.locator('select[name="engine"]').selectOption('llm');
    await form.getByTestId('plugin-save').click();
    await waitForText(form.getByTestId('plugin-message'), 'Settings saved');
    const res = await t.http().get('/api/plugins/feature-sentiment').set(bearer(t.adminToken)).expect(200);
    expect(res.body.settings.engine).toBe('llm');
  });

  it('generate, rephrase, more formal, more casual and undo, in the editable composer', async () => {
    const page: Page = await pages.signedIn(t.seed.technician, `/tickets/${ticketNumber}`);
    const box = page.getByTestId('composer-body');
    await box.waitFor();
    const pick = async (action: string, answer: string) => {
      ai.behave({ kind: 'reply', text: answer, chunks: 5, delayMs: 20 });
      await page.getByTestId('ai-compose-button').click();
      await page.getByTestId(`ai-${action}`).click();
      await eventually(async () => expect(await box.inputValue()).toBe(answer), 10_000);
      await waitForText(page.getByTestId('ai-draft'), 'AI draft: review and edit before sending');
    };

    await pick('generate', 'Hello, I am sorry the VPN keeps dropping. Could you send me the client log?');
    expect(JSON.stringify(ai.requests.at(-1)!.body.messages)).toContain('the VPN still drops every hour');
    await pick('rephrase', 'Hi, sorry about the VPN drops. Could you share the client log with me?');
    expect(ai.requests.at(-1)!.body.messages!.at(-1)!.content).toBe(
      'Hello, I am sorry the VPN keeps dropping. Could you send me the client log?',
    );
    await pick('formal', 'Dear customer, we apologise for the VPN interruptions. Kindly provide the client log.');
    await pick('casual', 'Hey! Sorry the VPN keeps cutting out — mind sending the client log?');

    // Undo walks back through the previous texts.
    await page.getByTestId('ai-undo').click();
    expect(await box.inputValue()).toBe(
      'Dear customer, we apologise for the VPN interruptions. Kindly provide the client log.',
    );
    // The draft is editable; an edit ends the "AI draft" mark; nothing was sent.
    await box.fill('My own words.');
    expect(await page.getByTestId('ai-draft').count()).toBe(0);
    const comments = await t.http().get(`/api/tickets/${ticketNumber}/comments`).set(bearer(t.technicianToken));
    expect(comments.body.items.map((c: { body: string }) => c.body)).not.toContain('My own words.');
  });

  it('a provider failure is shown and the technician keeps their text', async () => {
    const page = await pages.signedIn(t.seed.technician, `/tickets/${ticketNumber}`);
    const box = page.getByTestId('composer-body');
    await box.fill('Keep this text');
    ai.behave({ kind: 'error', status: 500 });
    await page.getByTestId('ai-compose-button').click();
    await page.getByTestId('ai-rephrase').click();
    await page.getByTestId('ai-error').waitFor();
    expect(await box.inputValue()).toBe('Keep this text');
  });
});
