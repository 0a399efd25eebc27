// Browser e2e for #14 (contact centre, the agent's side): a queue-routed portal chat is offered in
// the contact pop-up (customer, queue, thread, agent, date, live timer, time left), Accept opens it
// in the case pane (customer bubbles grey with initials, agent bubbles blue, line breaks kept), the
// visitor sees their queue position; a missed offer puts the agent in RONA; French. Real API on
// SQLite (and PostgreSQL in CI), real Chromium, fake clock for the offer deadline.
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
if (!chromiumAvailable) console.warn(`[contact-centre.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('contact centre: offer pop-up, accept, compose pane (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let queueId: string;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Contact Centre Corp', 'melissa@cc.example');
    queueId = (
      await t
        .http()
        .post('/api/queues')
        .set(bearer(t.adminToken))
        .send({ name: 'Support desk', companyIds: [company.id], memberIds: [t.technician.id], offerTimeoutSeconds: 30 })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/portals')
      .set(bearer(t.adminToken))
      .send({ companyId: company.id, subdomain: 'ccorp', status: 'active', routing: 'queue', queueId })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    // Back to Not ready between tests: each one chooses Available in its own tab.
    await t.http().put('/api/me/agent-state').set(bearer(t.technicianToken)).send({ state: 'not_ready' });
    expect(await pages.closeAll()).toEqual([]);
  });

  async function availableAgent(locale?: string): Promise<Page> {
    const page = locale ? await pages.open({ locale }) : null;
    let tech: Page;
    if (page) {
      tech = page;
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

  async function visitorChat(firstName: string, lastName: string, question: string, locale?: string): Promise<Page> {
    const visitor = await pages.open(locale ? { locale } : {});
    await visitor.goto('/p/ccorp');
    await visitor.getByTestId('portal-chat-form').waitFor();
    await visitor.getByTestId('portal-first-name').fill(firstName);
    await visitor.getByTestId('portal-last-name').fill(lastName);
    await visitor.getByTestId('portal-email').fill(`${firstName.toLowerCase()}@customer.test`);
    await visitor.getByTestId('portal-question').fill(question);
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    return visitor;
  }

  it('offers the chat with its facts and a live timer; Accept opens it with bubbles and line breaks', async () => {
    const tech = await availableAgent();
    const visitor = await visitorChat('Jane', 'Doe', 'My printer prints blank pages.');

    const offer = tech.getByTestId('contact-offer');
    await offer.waitFor();
    expect(await offer.getByTestId('contact-offer-customer').textContent()).toBe('Jane Doe');
    expect(await offer.getByTestId('contact-offer-queue').textContent()).toBe('Support desk');
    expect(await offer.getByTestId('contact-offer-title').textContent()).toBe('Live chat · Support desk');
    expect(await offer.getByTestId('contact-offer-agent').textContent()).toBe(t.seed.technician.name);
    expect(await offer.getByTestId('contact-offer-thread').textContent()).toContain('My printer prints blank pages.');
    expect(await offer.getByTestId('contact-offer-date').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await offer.getByTestId('contact-offer-expires').textContent()).toMatch(/^Accept within \d+ s$/);
    expect(await offer.getByTestId('contact-offer-proactive').count()).toBe(0);
    // The timer since arrival runs (m:ss).
    const timer = offer.getByTestId('contact-offer-timer');
    const first = await timer.textContent();
    expect(first).toMatch(/^\d+:\d\d$/);
    const until = Date.now() + 5_000;
    while ((await timer.textContent()) === first && Date.now() < until) await tech.waitForTimeout(200);
    expect(await timer.textContent()).not.toBe(first);

    await offer.getByTestId('contact-offer-accept').click();
    await tech.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await tech.getByTestId('case-detail').waitFor();
    expect(await tech.getByTestId('contact-offer').count()).toBe(0);
    const customer = tech.locator('[data-testid="case-message"][data-author="contact"]').first();
    await waitForText(customer.locator('.case-msg-body'), 'My printer prints blank pages.');
    expect(await customer.getAttribute('data-initials')).toBe('JD');

    // A reply over several lines, blank line included, arrives as typed.
    await tech.getByTestId('case-composer-body').fill('Hello Jane,\n\nwhich model is it?');
    await tech.getByTestId('case-composer-send').click();
    // The confirmed bubble (the optimistic one is replaced when the server's answer arrives).
    const mine = tech.locator('[data-testid="case-message"][data-author="technician"]:not(.is-sending)').first();
    await mine.waitFor();
    const colours = await Promise.all(
      [customer, mine].map((l) =>
        l.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string),
      ),
    );
    expect(colours).toEqual(['rgb(238, 240, 243)', 'rgb(219, 231, 255)']); // grey, blue
    const got = visitor.getByTestId('portal-message').filter({ hasText: 'which model is it?' });
    await got.waitFor();
    expect(await got.innerText()).toContain('Hello Jane,\n\nwhich model is it?');

    // < and > are reserved in the contact-centre composer: refused with the rule named, nothing sent.
    await tech.getByTestId('case-composer-body').fill('Type <model> here');
    await tech.getByTestId('case-composer-send').click();
    await waitForText(
      tech.locator('.case-conversation [role="alert"]'),
      'The characters < and > are reserved for template parameters and cannot be sent',
    );
    expect(await visitor.getByTestId('portal-message').filter({ hasText: 'Type <model> here' }).count()).toBe(0);
  });

  it('a missed offer closes the pop-up and puts the agent in RONA; the visitor sees the queue position', async () => {
    const tech = await availableAgent();
    const visitor = await visitorChat('Bob', 'Martin', 'I cannot log in.');
    await visitor.getByTestId('portal-queue-position').waitFor();
    expect(await visitor.getByTestId('portal-queue-position').textContent()).toMatch(/queue/);
    await tech.getByTestId('contact-offer').waitFor();

    t.clock.advance(31_000);
    await t.runDueTimers();
    await tech.getByTestId('contact-offer').waitFor({ state: 'detached' });
    await waitForAttribute(tech.getByTestId('contact-offer-notice'), 'data-notice', 'expired');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'rona');
    // Available again by hand: the waiting chat is offered again.
    await tech.getByTestId('agent-state-select').selectOption('available');
    await tech.getByTestId('contact-offer').waitFor();
    await tech.getByTestId('contact-offer-decline').click();
    await tech.getByTestId('contact-offer').waitFor({ state: 'detached' });
  });

  it('speaks French to a French agent and visitor', async () => {
    const tech = await availableAgent('fr-FR');
    const visitor = await visitorChat('Chloé', 'Durand', 'Mon imprimante ne marche plus.', 'fr-FR');
    // Bob's declined chat from the test before still waits in the queue and may be offered too.
    const offer = tech.getByTestId('contact-offer').filter({ hasText: 'Chloé Durand' });
    await offer.waitFor();
    expect(await offer.getByTestId('contact-offer-title').textContent()).toBe('Chat en direct · Support desk');
    expect(await offer.getByTestId('contact-offer-expires').textContent()).toMatch(/^Accepter sous \d+ s$/);
    expect(await offer.getByTestId('contact-offer-accept').textContent()).toBe('Accepter');
    await visitor.getByTestId('portal-queue-position').waitFor();
    expect(await visitor.getByTestId('portal-queue-position').textContent()).toMatch(/file d'attente/);
    await offer.getByTestId('contact-offer-decline').click();
  });
});
