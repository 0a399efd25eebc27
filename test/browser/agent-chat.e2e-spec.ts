// Browser e2e for agent chat: the real helpdesk agent process asks for a technician; the technician
// gets the request top right in the web UI, accepts it, and both exchange messages.
// Requires `npm run build:web` (apps/web/dist) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import type { Browser } from 'playwright-core';
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
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[agent-chat.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('agent chat in the technician UI (browser + real helpdesk agent)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [AGENT_CHAT_PLUGIN] });
    browser = await launchBrowser();
    await app.http().put('/api/me/availability').set(bearer(app.adminToken)).send({ available: false }).expect(200);
    await app.http().put('/api/me/availability').set(bearer(app.technicianToken)).send({ available: true }).expect(200);
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

  it('accepts a chat requested from the agent and exchanges messages', async () => {
    const { device, contact } = await seedDevice(app);
    const dir = await enrolAgent(app, device.id);
    cleanupDirs.push(dir);
    const page = await pages.signedIn(app.technician, '/chats');

    const agent = new AgentProcess(['chat'], dir);
    agents.push(agent);
    await agent.answer('chat-as', 'y');
    const waiting = await agent.waitFor('waiting');

    // The request shows top right; accepting opens the chat in the workspace.
    const request = page.getByTestId('chat-request');
    await request.waitFor();
    await waitForText(request.locator('strong'), `Chat request from ${contact.firstName} ${contact.lastName}`);
    await request.getByTestId('chat-request-accept').click();
    await page.waitForURL(`**/chats/${waiting.conversationId}`);
    const pane = page.getByTestId('chat-pane');
    await pane.waitFor();
    expect(await agent.waitFor('started')).toMatchObject({ technician: 'Test Technician' });
    await page.locator('[data-testid="chat-pane"][data-status="active"]').waitFor();

    await page.getByTestId('chat-composer-body').fill('Hi, I see your request. What happened?');
    await page.getByTestId('chat-composer-body').press('Enter');
    const atAgent = await agent.waitFor('message', (e) => e.body === 'Hi, I see your request. What happened?');
    expect(atAgent.author).toMatchObject({ kind: 'technician', name: 'Test Technician' });

    agent.type('My screen stays black after login');
    const fromUser = page.locator('[data-testid="chat-message"][data-author="contact"]').last();
    await waitForText(fromUser.locator('.case-msg-body'), 'My screen stays black after login');
    expect(await fromUser.locator('strong').textContent()).toBe(`${contact.firstName} ${contact.lastName}`);
    // The list shows the chat as active.
    await page
      .locator(`[data-testid="chat-list-item"][data-chat-id="${waiting.conversationId}"][data-status="active"]`)
      .waitFor();

    // The technician ends it, after a confirmation (Cancel first: nothing happens); the agent is told and exits.
    await page.getByTestId('chat-end').click();
    const confirmEnd = page.getByTestId('chat-end-confirm');
    await waitForText(confirmEnd.locator('h2'), 'End this chat?');
    await confirmEnd.getByTestId('chat-end-confirm-cancel').click();
    await confirmEnd.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('chat-pane').getAttribute('data-status')).toBe('active');
    await page.getByTestId('chat-end').click();
    await confirmEnd.getByTestId('chat-end-confirm-yes').click();
    await page.locator('[data-testid="chat-pane"][data-status="ended"]').waitFor();
    await page.getByTestId('chat-system-message').filter({ hasText: 'The technician ended the chat.' }).waitFor();
    expect((await agent.waitFor('ended')).reason).toBe('ended_by_technician');
    expect(await agent.exited).toBe(0);
  });
});
