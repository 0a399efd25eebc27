// Browser e2e for the desktop helpdesk agent (#15): the real agent process in desktop mode against a
// real app; Chromium opens the agent's own window (the 127.0.0.1 address with the run's secret that
// the agent prints) in a fresh tab. The technician's side is the real API and /agent socket.
// Requires Chromium at /usr/bin/chromium (or CHROMIUM_PATH); not the web build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '@switchboard/testing';
import {
  ack,
  AGENT_CHAT_PLUGIN,
  AgentProcess,
  bearer,
  cleanupDirs,
  enrolAgent,
  outbox,
  removeDirs,
  seedDevice,
  setAvailable,
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
  console.warn(`[agent-desktop.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

describeWithBrowser('desktop helpdesk agent: its own chat window (browser + real agent + real app)', () => {
  let app: TestApp;
  let browser: Browser;
  let tech: Socket;
  let files: string;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    app = await createTestApp({ plugins: [AGENT_CHAT_PLUGIN] });
    browser = await launchBrowser();
    tech = await app.socket('/agent', { token: app.technicianToken });
    await setAvailable(app, app.adminToken, false);
    files = mkdtempSync(join(tmpdir(), 'sb-desktop-files-'));
    cleanupDirs.push(files);
    writeFileSync(join(files, 'report.pdf'), PDF);
    writeFileSync(join(files, 'notes.txt'), 'plain text');
    writeFileSync(join(files, 'big.pdf'), Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]));
  });
  afterEach(async () => {
    agents.splice(0).forEach((a) => a.kill());
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    tech?.close();
    await browser?.close();
    await app?.close();
    removeDirs();
  });

  /** An enrolled device whose agent runs in desktop mode (no tray, no browser of its own). */
  async function desktopAgent(options: Parameters<typeof seedDevice>[1] = {}, extra: string[] = ['--language', 'en']) {
    const seeded = await seedDevice(app, options);
    const dir = await enrolAgent(app, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = new AgentProcess(['desktop', '--no-open', '--no-tray', ...extra], dir);
    agents.push(agent);
    const { url } = await agent.waitFor('desktop');
    await agent.waitFor('connected');
    return { ...seeded, agent, url: url as string };
  }

  /** The agent's window in a fresh tab, connected to the agent (its state arrived). */
  async function agentWindow(url: string, locale = 'en-US'): Promise<Page> {
    const page = await pages.open({ locale });
    await page.goto(url);
    await waitForAttribute(page.getByTestId('agent-app'), 'data-connection', 'online');
    return page;
  }

  it("technician's request: the pop-up names the technician, Approve starts the chat; messages and files both ways", async () => {
    await setAvailable(app, app.technicianToken, true);
    const { device, agent, url, contact } = await desktopAgent();
    const page = await agentWindow(url);
    // The secret left the address bar: the window lives on its cookie.
    expect(new URL(page.url()).search).toBe('');
    await waitForText(page.getByTestId('agent-status'), `Connected as ${device.name}`);

    const chat = (
      await app
        .http()
        .post('/api/agent-chats')
        .set(bearer(app.technicianToken))
        .send({ deviceId: device.id })
        .expect(201)
    ).body.chat;
    expect((await ack(tech, 'conversation.join', { conversationId: chat.id })).ok).toBe(true);
    const popup = page.getByTestId('agent-request');
    await popup.waitFor();
    await waitForText(page.getByTestId('agent-request-technician'), 'Test Technician');
    await waitForText(page.getByTestId('agent-request-text'), 'Test Technician would like to chat with you.');
    await page.getByTestId('agent-request-approve').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'chat');
    await popup.waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('agent-chat-technician'), 'Chat with Test Technician');
    expect(
      (await app.http().get(`/api/agent-chats/${chat.id}`).set(bearer(app.technicianToken)).expect(200)).body.status,
    ).toBe('active');

    // Technician → user.
    await ack(tech, 'conversation.send', { conversationId: chat.id, clientId: 'c-1', body: 'Hello, how can I help?' });
    const fromTech = page.locator('[data-testid="agent-message"][data-author="technician"]').last();
    await waitForText(fromTech.locator('.body'), 'Hello, how can I help?');
    expect(await fromTech.locator('strong').textContent()).toBe('Test Technician: ');

    // User → technician.
    const atTech = new Promise<any>((resolve) =>
      tech.on(
        'conversation.message',
        (p: any) => p.conversationId === chat.id && p.message.kind === 'text' && resolve(p),
      ),
    );
    await page.getByTestId('agent-composer-body').fill('My printer is offline');
    await page.getByTestId('agent-composer-body').press('Enter');
    expect((await atTech).message).toMatchObject({
      body: 'My printer is offline',
      author: { kind: 'contact', name: `${contact.firstName} ${contact.lastName}` },
    });
    await waitForText(
      page.locator('[data-testid="agent-message"][data-author="contact"]').last().locator('.body'),
      'My printer is offline',
    );

    // User sends a PDF: it reaches the technician.
    const fileAtTech = new Promise<any>((resolve) =>
      tech.on(
        'conversation.message',
        (p: any) => p.conversationId === chat.id && p.message.kind === 'file' && resolve(p),
      ),
    );
    await page.getByTestId('agent-file-input').setInputFiles(join(files, 'report.pdf'));
    await waitForAttribute(page.getByTestId('agent-file-status'), 'data-state', 'sent');
    const sent = (await fileAtTech).message;
    expect(sent).toMatchObject({ kind: 'file', file: { name: 'report.pdf', size: PDF.length } });

    // Refused in the window, before any upload: another type, and over 20 MB.
    await page.getByTestId('agent-file-input').setInputFiles(join(files, 'notes.txt'));
    await waitForText(
      page.getByTestId('agent-notice'),
      '"notes.txt" cannot be sent: only PDF, MP3, MP4, Word (.doc, .docx), Excel (.xls, .xlsx) and MSI files are allowed',
    );
    await page.getByTestId('agent-file-input').setInputFiles(join(files, 'big.pdf'));
    await waitForText(page.getByTestId('agent-notice'), '"big.pdf" is too large: files may be at most 20 MB');

    // Technician sends a file: the user downloads it from the window.
    const upload = await app
      .http()
      .post(`/api/agent-chats/${chat.id}/files`)
      .set(bearer(app.technicianToken))
      .attach('file', PDF, 'fix-instructions.pdf')
      .expect(201);
    const link = page
      .locator('[data-testid="agent-message"][data-author="technician"][data-kind="file"]')
      .getByTestId('agent-file-link');
    await waitForText(link, 'fix-instructions.pdf (1 KB)');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('fix-instructions.pdf');
    const saved = await download.path();
    expect(Buffer.compare(readFileSync(saved), PDF)).toBe(0);
    expect(upload.body.file.name).toBe('fix-instructions.pdf');

    // The user ends the chat.
    await page.getByTestId('agent-end').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'ended');
    await waitForText(page.getByTestId('agent-notice'), 'You ended the chat.');
    expect((await agent.waitFor('ended')).reason).toBe('ended_by_user');
  });

  it('Decline: the request is refused and the window says so', async () => {
    const { device, url } = await desktopAgent();
    const page = await agentWindow(url);
    const chat = (
      await app
        .http()
        .post('/api/agent-chats')
        .set(bearer(app.technicianToken))
        .send({ deviceId: device.id })
        .expect(201)
    ).body.chat;
    await page.getByTestId('agent-request').waitFor();
    await page.getByTestId('agent-request-decline').click();
    await page.getByTestId('agent-request').waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('agent-notice'), 'You declined the chat request.');
    const view = (await app.http().get(`/api/agent-chats/${chat.id}`).set(bearer(app.technicianToken)).expect(200))
      .body;
    expect(view).toMatchObject({ status: 'ended', endedReason: 'declined' });
  });

  it('Chat busy: Retry asks again (a technician is there now), and Create a ticket files one', async () => {
    await setAvailable(app, app.technicianToken, false);
    const { url, contact } = await desktopAgent();
    const page = await agentWindow(url);
    await page.getByTestId('agent-start-chat').click();
    await waitForText(page.getByTestId('agent-chat-as'), `Chat as ${contact.firstName} ${contact.lastName}?`);
    await page.getByTestId('agent-chat-as-yes').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'busy');
    await waitForText(page.getByTestId('agent-busy-title'), 'Chat busy');

    // Retry with a technician available: the request goes out.
    await setAvailable(app, app.technicianToken, true);
    await page.getByTestId('agent-busy-retry').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'waiting');
    const waiting = (
      await app.http().get('/api/agent-chats').set(bearer(app.technicianToken)).expect(200)
    ).body.items.find((c: any) => c.status === 'waiting' && c.contact.id === contact.id);
    expect(waiting).toBeDefined();
    // The technician declines: busy again; this time the user creates a ticket.
    await app.http().post(`/api/agent-chats/${waiting.id}/decline`).set(bearer(app.technicianToken)).expect(200);
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'busy');
    await page.getByTestId('agent-busy-ticket').click();
    await page.getByTestId('agent-ticket-description').fill('The scanner does not scan anymore');
    await page.getByTestId('agent-ticket-submit').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'ticket-created');
    const notice = (await page.getByTestId('agent-notice').textContent())!;
    const number = Number(/Ticket #(\d+) was created/.exec(notice)![1]);
    const ticket = (await app.http().get(`/api/tickets/${number}`).set(bearer(app.technicianToken)).expect(200)).body;
    expect(ticket).toMatchObject({ title: 'The scanner does not scan anymore', requester: { id: contact.id } });
    await setAvailable(app, app.technicianToken, true);
  });

  it('identity form: a device nobody is identified on asks for name, email and the mailed code', async () => {
    await setAvailable(app, app.technicianToken, true);
    const { url } = await desktopAgent({ assigned: false });
    const page = await agentWindow(url);
    await page.getByTestId('agent-start-chat').click();
    const form = page.getByTestId('agent-identity-form');
    await form.waitFor();
    const email = `pat.${Date.now()}@acme.example`;
    await page.getByTestId('agent-identity-first').fill('Pat');
    await page.getByTestId('agent-identity-last').fill('Doe');
    await page.getByTestId('agent-identity-email').fill(email);
    await page.getByTestId('agent-identity-submit').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'identity-code');
    await waitForText(
      page.getByTestId('agent-notice'),
      `We sent a confirmation code to ${email}. It works for 15 minutes.`,
    );
    const code = /\b(\d{8})\b/.exec((await outbox(app)).find((m) => m.to.includes(email))!.text)![1];
    // A wrong code first: the window says so and the form stays.
    await page.getByTestId('agent-identity-code').fill(code === '00000000' ? '11111111' : '00000000');
    await page.getByTestId('agent-identity-confirm').click();
    await waitForAttribute(page.getByTestId('agent-notice'), 'data-key', 'error');
    expect(await page.getByTestId('agent-app').getAttribute('data-phase')).toBe('identity-code');
    await page.getByTestId('agent-identity-code').fill(code);
    await page.getByTestId('agent-identity-confirm').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'waiting');
  });

  it('chat off for the company: Start chat says so at once; French by --language', async () => {
    const { url } = await desktopAgent({ chatEnabled: false }, ['--language', 'fr']);
    const page = await agentWindow(url, 'fr-FR');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await waitForText(page.getByTestId('agent-start-chat'), 'Démarrer une discussion');
    await page.getByTestId('agent-start-chat').click();
    await waitForAttribute(page.getByTestId('agent-app'), 'data-phase', 'disabled');
    await waitForText(
      page.getByTestId('agent-chat-disabled'),
      "La discussion avec un technicien n'est pas activée pour votre organisation. Contactez votre support informatique autrement (e-mail ou téléphone).",
    );
  });

  // Issue #16.5: the French override reaches the window's texts and the server (the code mail).
  it('French by SWITCHBOARD_AGENT_LANGUAGE: the identity form in French, the code mail in French', async () => {
    const seeded = await seedDevice(app, { assigned: false });
    const dir = await enrolAgent(app, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = new AgentProcess(['desktop', '--no-open', '--no-tray'], dir, undefined, {
      SWITCHBOARD_AGENT_LANGUAGE: 'fr',
    });
    agents.push(agent);
    const { url, lang } = await agent.waitFor('desktop');
    expect(lang).toBe('fr');
    await agent.waitFor('connected');
    // An English browser: the window follows the agent's language, not the browser's.
    const page = await agentWindow(url);
    await waitForText(page.getByTestId('agent-status'), `Connecté en tant que ${seeded.device.name}`);
    await page.getByTestId('agent-start-chat').click();
    const form = page.getByTestId('agent-identity-form');
    await form.waitFor();
    await waitForText(form.locator('h2'), 'Qui êtes-vous ?');
    await waitForText(page.getByTestId('agent-identity-submit'), 'Envoyer le code');
    const email = `zoe.${Date.now()}@acme.example`;
    await page.getByTestId('agent-identity-first').fill('Zoé');
    await page.getByTestId('agent-identity-last').fill('Martin');
    await page.getByTestId('agent-identity-email').fill(email);
    await page.getByTestId('agent-identity-submit').click();
    await waitForText(
      page.getByTestId('agent-notice'),
      `Nous avons envoyé un code de confirmation à ${email}. Il est valable 15 minutes.`,
    );
    const mail = (await outbox(app)).find((m) => m.to.includes(email))!;
    expect(mail.subject).toMatch(/^Votre code de confirmation/);
    const code = /\b(\d{8})\b/.exec(mail.text)![1];
    // A wrong code: the agent's own French words for INVALID_TOKEN.
    await page.getByTestId('agent-identity-code').fill(code === '00000000' ? '11111111' : '00000000');
    await page.getByTestId('agent-identity-confirm').click();
    await waitForText(
      page.getByTestId('agent-notice'),
      "Erreur : Ce code de confirmation n'est pas valide ou a expiré ; demandez-en un nouveau.",
    );
  });

  it('a wrong or missing secret is refused (403), in the browser too', async () => {
    const { url } = await desktopAgent();
    const bare = new URL(url);
    const page = await pages.open();
    const wrong = await page.goto(`${bare.origin}/?secret=not-the-secret`);
    expect(wrong?.status()).toBe(403);
    const none = await page.goto(`${bare.origin}/`);
    expect(none?.status()).toBe(403);
    expect(await page.getByTestId('agent-app').count()).toBe(0);
  });
});
