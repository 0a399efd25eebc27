// Browser e2e for #14 (contact centre, after the chat): the agent's End tells the visitor and opens the
// wrap-up dialog (searchable reasons, note; the slot stays Busy-counted until it is submitted, and a
// reload brings the dialog back); the customer's "End chat" shows "The customer ended the
// conversation" and the dialog; a queue deleted mid-chat alerts the agent and leaves only End; French.
// Real API on SQLite (and PostgreSQL in CI), real Chromium.
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer, seedCompany } from '../tickets/tickets.helper';
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
if (!chromiumAvailable) console.warn(`[contact-centre-wrap-up.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('contact centre: End, customer ended, wrap-up dialog, deleted queue (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let companyId: string;
  let portalId: string;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  const admin = () => bearer(t.adminToken);

  /** A fresh queue behind the portal (the deleted-queue test removes its own). */
  async function freshQueue(name: string): Promise<string> {
    const id = (
      await t
        .http()
        .post('/api/queues')
        .set(admin())
        .send({ name, companyIds: [companyId], memberIds: [t.technician.id] })
        .expect(201)
    ).body.id as string;
    await t.http().patch(`/api/portals/${portalId}`).set(admin()).send({ queueId: id }).expect(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Wrap Up Corp', 'wanda@wrap.example');
    companyId = company.id;
    for (const [label, labelFr, active] of [
      ['Password reset', 'Mot de passe réinitialisé', true],
      ['Printer fixed', 'Imprimante réparée', true],
      ['Old reason', null, false],
    ] as const)
      await t.http().post('/api/wrap-up-reasons').set(admin()).send({ label, labelFr, active }).expect(201);
    const queueId = (
      await t
        .http()
        .post('/api/queues')
        .set(admin())
        .send({ name: 'Help desk', companyIds: [company.id], memberIds: [t.technician.id] })
        .expect(201)
    ).body.id;
    portalId = (
      await t
        .http()
        .post('/api/portals')
        .set(admin())
        .send({ companyId: company.id, subdomain: 'wrapco', status: 'active', routing: 'queue', queueId })
        .expect(201)
    ).body.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await t.http().put('/api/me/agent-state').set(bearer(t.technicianToken)).send({ state: 'not_ready' });
    expect(await pages.closeAll()).toEqual([]);
  });

  async function availableAgent(locale?: string): Promise<Page> {
    let tech: Page;
    if (locale) {
      tech = await pages.open({ locale });
      await tech.goto('/tickets');
      await tech.getByTestId('login-email').fill(t.seed.technician.email);
      await tech.getByTestId('login-password').fill(t.seed.technician.password);
      await tech.getByTestId('login-submit').click();
      await tech.getByTestId('side-menu').waitFor();
      await waitForAttribute(tech.getByTestId('connection-status'), 'data-state', 'online');
    } else tech = await pages.signedIn(t.seed.technician, '/tickets');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'not_ready');
    await tech.getByTestId('agent-state-select').selectOption('available');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'available');
    return tech;
  }

  /** The visitor starts a chat; the agent accepts the offer and lands in the case pane. */
  async function acceptedChat(tech: Page, firstName: string, question: string): Promise<Page> {
    const visitor = await pages.open({});
    await visitor.goto('/p/wrapco');
    await visitor.getByTestId('portal-chat-form').waitFor();
    await visitor.getByTestId('portal-first-name').fill(firstName);
    await visitor.getByTestId('portal-last-name').fill('Client');
    await visitor.getByTestId('portal-email').fill(`${firstName.toLowerCase()}@customer.test`);
    await visitor.getByTestId('portal-question').fill(question);
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    const offer = tech.getByTestId('contact-offer').filter({ hasText: `${firstName} Client` });
    await offer.getByTestId('contact-offer-accept').click();
    await tech.getByTestId('case-detail').waitFor();
    await tech.getByTestId('routing-queue').waitFor();
    return visitor;
  }

  const activeChats = async () =>
    (await t.http().get('/api/me').set(bearer(t.technicianToken)).expect(200)).body.agentState.activeChats as number;

  it('End tells the visitor and opens the wrap-up dialog; it survives a reload; submitting frees the slot', async () => {
    const tech = await availableAgent();
    const visitor = await acceptedChat(tech, 'Jane', 'I forgot my password.');
    expect(await tech.getByTestId('routing-queue').textContent()).toBe('Queue: Help desk');

    await tech.getByTestId('routing-end').click();
    const dialog = tech.getByTestId('wrap-up-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Wrap up the conversation');
    await waitForText(visitor.getByTestId('portal-system-message').last(), `${t.seed.technician.name} ended the chat`);
    // Active reasons only, searchable.
    await dialog.getByTestId('wrap-up-reason').first().waitFor();
    expect(await dialog.getByTestId('wrap-up-reason').allTextContents()).toEqual(['Password reset', 'Printer fixed']);
    await dialog.getByTestId('wrap-up-search').fill('print');
    expect(await dialog.getByTestId('wrap-up-reason').allTextContents()).toEqual(['Printer fixed']);
    await dialog.getByTestId('wrap-up-search').fill('zzz');
    expect(await dialog.textContent()).toContain('No reason matches “zzz”.');
    // Submitting without a reason says so; Escape does not dismiss the dialog.
    await dialog.getByTestId('wrap-up-submit').click();
    await waitForText(dialog.getByTestId('wrap-up-error'), 'Pick a reason first.');
    await tech.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await activeChats()).toBe(1);

    // A reload (or another tab) shows the owed wrap-up again.
    await tech.reload();
    await tech.getByTestId('wrap-up-dialog').waitFor();
    const again = tech.getByTestId('wrap-up-dialog');
    await again.getByTestId('wrap-up-search').fill('password');
    await again.getByTestId('wrap-up-reason').first().click();
    await again.getByTestId('wrap-up-note').fill('Sent the reset link.');
    await again.getByTestId('wrap-up-submit').click();
    await again.waitFor({ state: 'detached' });
    await waitForText(tech.getByTestId('routing-wrapped'), 'Wrapped up: Password reset');
    expect(await tech.getByTestId('routing-end').count()).toBe(0);
    expect(await activeChats()).toBe(0);
  });

  it('the customer ends the chat: the agent reads it and wraps up', async () => {
    const tech = await availableAgent();
    const visitor = await acceptedChat(tech, 'Carl', 'Screen flickers.');
    await visitor.getByTestId('portal-end-chat').click();
    await visitor.getByTestId('portal-end-confirm-yes').click();
    await visitor.getByTestId('portal-ended').waitFor();
    await waitForText(tech.getByTestId('routing-customer-ended'), 'The customer ended the conversation');
    const dialog = tech.getByTestId('wrap-up-dialog');
    await dialog.getByTestId('wrap-up-reason').first().click();
    await dialog.getByTestId('wrap-up-submit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await activeChats()).toBe(0);
  });

  it('a queue deleted mid-chat: the agent is alerted, cannot write, can End (in French)', async () => {
    const queueId = await freshQueue('File éphémère');
    const tech = await availableAgent('fr-FR');
    await acceptedChat(tech, 'Zoé', "L'écran reste noir.");
    expect(await tech.getByTestId('routing-queue').textContent()).toBe("File d'attente : File éphémère");
    expect(await tech.getByTestId('case-composer-body').count()).toBe(1);
    await t.http().delete(`/api/queues/${queueId}`).set(admin()).expect(204);
    await waitForText(
      tech.getByTestId('routing-queue-deleted'),
      "La file d'attente « File éphémère » de cette conversation a été supprimée. Vous pouvez seulement mettre fin à la conversation.",
    );
    await waitForAttribute(tech.getByTestId('routing-panel'), 'data-queue-deleted', 'true');
    expect(await tech.getByTestId('case-composer-body').count()).toBe(0);
    expect(await tech.getByTestId('routing-end').textContent()).toBe('Terminer');
    await tech.getByTestId('routing-end').click();
    const dialog = tech.getByTestId('wrap-up-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Clôturer la conversation');
    await dialog.getByTestId('wrap-up-reason').first().waitFor();
    expect(await dialog.getByTestId('wrap-up-reason').allTextContents()).toEqual([
      'Mot de passe réinitialisé',
      'Imprimante réparée',
    ]);
    await dialog.getByTestId('wrap-up-reason').last().click();
    await dialog.getByTestId('wrap-up-submit').click();
    await waitForText(tech.getByTestId('routing-wrapped'), 'Clôturée : Printer fixed');
  });
});
