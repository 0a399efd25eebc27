// Browser e2e for #14 (contact centre, the visitor's side of an overflow): a queue-routed portal, its
// only agent Available but never answering; the visitor chats in a fresh tab, reads their queue place
// and wait, and once the offer timed out (the agent in RONA) and the queue's maximum wait passed, reads
// that their question became a support request: the overflow line, the follow-up by email, the
// reference, no composer, a new conversation on offer (the request form: nobody is Available); also
// after a reload. English and French (the browser's language). Real API on SQLite (and PostgreSQL in
// CI), real Chromium, fake clock.
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
if (!chromiumAvailable) console.warn(`[contact-centre-overflow.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

const OFFER_TIMEOUT_SECONDS = 10;
const MAX_WAIT_SECONDS = 30;

/** What the visitor reads, copied from the portal's tables (apps/web/src/portal/i18n.ts, key in the comment) and the contracts' ROUTING_OVERFLOW_LINE. */
interface VisitorTexts {
  locale: string;
  /** waiting */
  waiting: string;
  /** queueNext + ' ' + queueWait (one minute: 60 s per place before the queue has any history) */
  queuePosition: string;
  /** ROUTING_OVERFLOW_LINE (libs/contracts/src/system-texts.ts) */
  overflow: string;
  /** PORTAL_SUPPORT_REQUEST_LINE (libs/contracts/src/system-texts.ts): a pool chat left by the abandon timer */
  abandoned: string;
  /** convertedTitle */
  title: string;
  /** requestFollowUp with the visitor's address */
  followUp: (email: string) => string;
  /** reference with the case id */
  reference: (id: string) => string;
  /** newChat */
  newChat: string;
  /** requestTitle, requestIntro: the form after "new conversation" while the only agent is in RONA */
  requestForm: [string, string];
}

const ENGLISH: VisitorTexts = {
  locale: 'en-US',
  waiting: 'Please wait, a technician will be with you shortly.',
  queuePosition: 'You are next in the queue. Estimated wait: about 1 minute.',
  overflow:
    'No agent could take your chat in time. Your question was saved as a support request; we will answer you by email.',
  abandoned: 'The question was left as a support request; we will answer by email.',
  title: 'Your question has been saved',
  followUp: (email) => `We will reply to ${email} as soon as possible.`,
  reference: (id) => `Reference: ${id}`,
  newChat: 'Start a new conversation',
  requestForm: [
    'Leave us a message',
    'No technician is available right now. Leave your question and we will reply by email.',
  ],
};

const FRENCH: VisitorTexts = {
  locale: 'fr-FR',
  waiting: 'Veuillez patienter, un technicien va vous répondre.',
  queuePosition: "Vous êtes le prochain dans la file d'attente. Attente estimée : environ 1 minute.",
  overflow:
    "Aucun agent n'a pu prendre votre discussion à temps. Votre question a été enregistrée comme demande d'assistance ; nous vous répondrons par e-mail.",
  abandoned: "La question a été enregistrée comme demande d'assistance ; nous vous répondrons par e-mail.",
  title: 'Votre question a été enregistrée',
  followUp: (email) => `Nous répondrons à ${email} dès que possible.`,
  reference: (id) => `Référence : ${id}`,
  newChat: 'Démarrer une nouvelle conversation',
  requestForm: [
    'Laissez-nous un message',
    'Aucun technicien n’est disponible pour le moment. Laissez votre question, nous vous répondrons par e-mail.',
  ],
};

describeWithBrowser('contact centre: a chat nobody answers overflows to a support request (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Overflow Corp', 'melissa@overflow.example');
    const queueId = (
      await t
        .http()
        .post('/api/queues')
        .set(bearer(t.adminToken))
        .send({
          name: 'Night desk',
          companyIds: [company.id],
          memberIds: [t.technician.id],
          offerTimeoutSeconds: OFFER_TIMEOUT_SECONDS,
          maxWaitSeconds: MAX_WAIT_SECONDS,
        })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/portals')
      .set(bearer(t.adminToken))
      .send({ companyId: company.id, subdomain: 'overflow', status: 'active', routing: 'queue', queueId })
      .expect(201);
    // A pool portal (one portal per company): a chat nobody takes is left as a support request by the abandon timer.
    const pool = (await seedCompany(t, 'Pool Corp', 'owner@pool.example')).company;
    await t
      .http()
      .post('/api/portals')
      .set(bearer(t.adminToken))
      .send({ companyId: pool.id, subdomain: 'overflow-pool', status: 'active', routing: 'pool' })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    // Out of RONA between tests: each one chooses Available in its own tab.
    await t.http().put('/api/me/agent-state').set(bearer(t.technicianToken)).send({ state: 'not_ready' });
    expect(await pages.closeAll()).toEqual([]);
  });

  async function caseIdOf(question: string): Promise<string> {
    const all = (await t.http().get('/api/cases?view=all').set(bearer(t.adminToken)).expect(200)).body;
    const found = all.items.find((c: { question: string }) => c.question === question);
    if (!found) throw new Error(`no case for ${JSON.stringify(question)}`);
    return found.id;
  }

  async function overflows(
    texts: VisitorTexts,
    visitorName: { first: string; last: string; email: string },
    question: string,
  ) {
    // The agent: Available in their console, the offer rings there and is never answered.
    const tech = await pages.signedIn(t.seed.technician, '/tickets', { locale: texts.locale });
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'not_ready');
    await tech.getByTestId('agent-state-select').selectOption('available');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'available');

    // The visitor, in a fresh tab: the live chat form, then a line in the chat.
    const { email } = visitorName;
    const visitor = await pages.open({ locale: texts.locale });
    await visitor.goto('/p/overflow');
    await visitor.getByTestId('portal-chat-form').waitFor();
    await visitor.getByTestId('portal-first-name').fill(visitorName.first);
    await visitor.getByTestId('portal-last-name').fill(visitorName.last);
    await visitor.getByTestId('portal-email').fill(email);
    await visitor.getByTestId('portal-question').fill(question);
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    await waitForText(visitor.getByTestId('portal-waiting-status'), texts.waiting);
    await waitForText(visitor.getByTestId('portal-queue-position'), texts.queuePosition);
    expect(await visitor.getByTestId('portal-queue-position').getAttribute('data-position')).toBe('1');
    const line = `${visitorName.first}: ${question} (2)`;
    await visitor.getByTestId('portal-message-input').fill(line);
    await visitor.getByTestId('portal-send').click();
    await visitor
      .locator('[data-testid="portal-message"][data-author="contact"]:not(.is-sending)')
      .filter({ hasText: line })
      .waitFor();
    const caseId = await caseIdOf(question);

    // The offer rings, times out: the agent goes to RONA, the visitor still waits, first in line.
    const offer = tech.getByTestId('contact-offer');
    await offer.waitFor();
    t.clock.advance(OFFER_TIMEOUT_SECONDS * 1000 + 1000);
    await t.runDueTimers();
    await offer.waitFor({ state: 'detached' });
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'rona');
    await waitForText(visitor.getByTestId('portal-queue-position'), texts.queuePosition);
    expect(await visitor.getByTestId('portal-request-sent').count()).toBe(0);

    // The queue's maximum wait passes: the chat overflows to a support request.
    t.clock.advance((MAX_WAIT_SECONDS - OFFER_TIMEOUT_SECONDS) * 1000);
    await t.runDueTimers();
    await checkOverflowNotice(visitor, texts, email, caseId);

    // A reload (same tab session) shows the same notice.
    await visitor.reload();
    await checkOverflowNotice(visitor, texts, email, caseId);

    // "Start a new conversation": the agent is still in RONA, nobody can chat: the request form.
    await visitor.getByTestId('portal-new-chat').click();
    const form = visitor.getByTestId('portal-request-form');
    await form.waitFor();
    expect([await form.locator('h1').textContent(), await form.locator('.p-intro').textContent()]).toEqual(
      texts.requestForm,
    );
    return { caseId };
  }

  async function checkOverflowNotice(visitor: Page, texts: VisitorTexts, email: string, caseId: string) {
    const sent = visitor.getByTestId('portal-request-sent');
    await sent.waitFor();
    await waitForText(sent.locator('h1'), texts.title);
    await waitForText(sent.getByTestId('portal-overflow-notice'), texts.overflow);
    expect(await sent.locator('p').allTextContents()).toEqual([
      texts.overflow,
      texts.followUp(email),
      texts.reference(caseId),
    ]);
    expect(await sent.getByTestId('portal-new-chat').textContent()).toBe(texts.newChat);
    // Nothing more to send: no composer, no End chat, no waiting notice.
    for (const id of ['portal-composer', 'portal-end-chat', 'portal-waiting', 'portal-chat'])
      expect(await visitor.getByTestId(id).count()).toBe(0);
  }

  async function ticketOf(caseId: string): Promise<number> {
    for (let i = 0; i < 100; i++) {
      const c = (await t.http().get(`/api/cases/${caseId}`).set(bearer(t.adminToken)).expect(200)).body;
      if (c.ticketNumber !== null) {
        expect(c).toMatchObject({ type: 'support_request', live: false });
        return c.ticketNumber;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ticket for case ${caseId}`);
  }

  it('in English: queue place and wait, then the overflow notice, the reference and a new conversation', async () => {
    const { caseId } = await overflows(
      ENGLISH,
      { first: 'Jane', last: 'Doe', email: 'jane@customer.test' },
      'My printer prints blank pages.',
    );
    const ticket = await ticketOf(caseId);
    const body = (await t.http().get(`/api/tickets/${ticket}`).set(bearer(t.adminToken)).expect(200)).body;
    expect(body.title).toBe('Chat not answered: My printer prints blank pages.');
  });

  it('in French: the same, in the visitor’s language', async () => {
    const { caseId } = await overflows(
      FRENCH,
      { first: 'Chloé', last: 'Durand', email: 'chloe@customer.test' },
      'Mon imprimante ne marche plus.',
    );
    const ticket = await ticketOf(caseId);
    const body = (await t.http().get(`/api/tickets/${ticket}`).set(bearer(t.adminToken)).expect(200)).body;
    expect(body.title).toBe('Discussion sans réponse : Mon imprimante ne marche plus.');
  });

  it.each([ENGLISH, FRENCH])(
    'a pool chat nobody took: the card says it was left as a support request ($locale)',
    async (texts) => {
      // The technician is available (the pool portal offers chat), and never takes it.
      await t.http().put('/api/me/availability').set(bearer(t.technicianToken)).send({ available: true }).expect(200);
      const visitor = await pages.open({ locale: texts.locale });
      await visitor.goto('/p/overflow-pool');
      await visitor.getByTestId('portal-chat-form').waitFor();
      await visitor.getByTestId('portal-first-name').fill('Sam');
      await visitor.getByTestId('portal-last-name').fill('Pool');
      await visitor.getByTestId('portal-email').fill('sam@customer.test');
      await visitor.getByTestId('portal-question').fill(`Nobody came (${texts.locale})`);
      await visitor.getByTestId('portal-submit').click();
      await visitor.getByTestId('portal-chat').waitFor();
      const caseId = await caseIdOf(`Nobody came (${texts.locale})`);
      // The portal's abandon timer (30 minutes without anyone taking the chat).
      t.clock.advance(31 * 60_000);
      await t.runDueTimers();
      const sent = visitor.getByTestId('portal-request-sent');
      await sent.waitFor();
      await waitForText(sent.locator('h1'), texts.title);
      await waitForText(sent.getByTestId('portal-abandoned-notice'), texts.abandoned);
      expect(await sent.locator('p').allTextContents()).toEqual([
        texts.abandoned,
        texts.followUp('sam@customer.test'),
        texts.reference(caseId),
      ]);
      expect(await sent.getByTestId('portal-overflow-notice').count()).toBe(0);
    },
  );
});
