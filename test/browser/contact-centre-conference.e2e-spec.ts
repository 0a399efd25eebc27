// Browser e2e for #14 (contact centre, conference): the agent who accepted a chat opens the
// Conference dialog (searchable Available colleagues, Reload), picks one and sees "Conference
// requested"; the colleague's pop-up says who asks; they accept and land in the case, everyone reads
// that they joined, they write to the visitor; End conference sends them to the wrap-up dialog while
// the chat stays with its agent. Fresh tabs, real API on SQLite (and PostgreSQL in CI), real Chromium.
import type { Browser, Page } from 'playwright-core';
import { AccountService } from '@switchboard/core';
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
if (!chromiumAvailable)
  console.warn(`[contact-centre-conference.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('contact centre: conference (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  let colleagueToken: string;
  const colleague = {
    name: 'Bea Colleague',
    email: 'bea.colleague@switchboard.test',
    password: 'Correct-Horse-9-Battery',
  };
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  const admin = () => bearer(t.adminToken);

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Conference Corp', 'carla@conference.example');
    colleagueToken = t.tokenFor((await t.get(AccountService).create({ ...colleague, role: 'technician' })).id);
    await t.http().post('/api/wrap-up-reasons').set(admin()).send({ label: 'Expert helped' }).expect(201);
    const queueId = (
      await t
        .http()
        .post('/api/queues')
        .set(admin())
        .send({ name: 'Help desk', companyIds: [company.id], memberIds: [t.technician.id] })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/portals')
      .set(admin())
      .send({ companyId: company.id, subdomain: 'confco', status: 'active', routing: 'queue', queueId })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    // Each test starts from Not ready in fresh tabs.
    for (const token of [t.technicianToken, colleagueToken])
      await t.http().put('/api/me/agent-state').set(bearer(token)).send({ state: 'not_ready' });
    expect(await pages.closeAll()).toEqual([]);
  });

  async function availableAgent(account: { email: string; password: string }): Promise<Page> {
    const page = await pages.signedIn(account, '/tickets');
    await waitForAttribute(page.getByTestId('agent-state'), 'data-state', 'not_ready');
    await page.getByTestId('agent-state-select').selectOption('available');
    await waitForAttribute(page.getByTestId('agent-state'), 'data-state', 'available');
    return page;
  }

  /** A visitor's chat, accepted by `agent` (who lands in the case pane). */
  async function acceptedChat(agent: Page, firstName: string): Promise<Page> {
    const visitor = await pages.open({});
    await visitor.goto('/p/confco');
    await visitor.getByTestId('portal-chat-form').waitFor();
    await visitor.getByTestId('portal-first-name').fill(firstName);
    await visitor.getByTestId('portal-last-name').fill('Client');
    await visitor.getByTestId('portal-email').fill(`${firstName.toLowerCase()}@customer.test`);
    await visitor.getByTestId('portal-question').fill('My invoice is wrong.');
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    const offer = agent.getByTestId('contact-offer').filter({ hasText: `${firstName} Client` });
    await offer.getByTestId('contact-offer-accept').click();
    await agent.getByTestId('case-detail').waitFor();
    return visitor;
  }

  it('A asks B in, B accepts and writes, End conference opens B’s wrap-up', async () => {
    const ada = await availableAgent(t.seed.technician);
    const bea = await availableAgent(colleague);

    const visitor = await acceptedChat(ada, 'Jane');

    // The dialog lists Bea (Available, a free slot); the search filters; Reload asks again.
    await ada.getByTestId('conference-open').click();
    const dialog = ada.getByTestId('conference-dialog');
    await dialog.waitFor();
    await waitForText(dialog.getByTestId('conference-target-name').first(), 'Bea Colleague');
    await dialog.getByTestId('conference-search').fill('zzz');
    await waitForText(dialog.getByTestId('conference-none'), 'No available agent matches “zzz”.');
    await dialog.getByTestId('conference-search').fill('bea');
    await dialog.getByTestId('conference-reload').click();
    const bea1 = dialog.getByTestId('conference-target').filter({ hasText: 'Bea Colleague' });
    await bea1.getByTestId('conference-pick').click();
    await waitForAttribute(ada.getByTestId('conference-badge'), 'data-state', 'ringing');
    expect(await ada.getByTestId('conference-badge').textContent()).toBe('Conference requested: Bea Colleague');

    // Bea's pop-up says it is a conference and who asks.
    const offer = bea.getByTestId('contact-offer').filter({ hasText: 'Jane Client' });
    await waitForText(
      offer.getByTestId('contact-offer-conference'),
      `Conference request from ${t.seed.technician.name}`,
    );
    await offer.getByTestId('contact-offer-accept').click();
    await bea.getByTestId('case-detail').waitFor();

    await waitForAttribute(ada.getByTestId('conference-badge'), 'data-state', 'joined');
    expect(await ada.getByTestId('conference-badge').textContent()).toBe('Conference: Bea Colleague');
    await waitForText(ada.getByTestId('case-system-message').last(), 'Bea Colleague joined the conversation');
    await waitForText(visitor.getByTestId('portal-system-message').last(), 'Bea Colleague joined the conversation');

    // Bea writes to the visitor.
    await waitForAttribute(bea.getByTestId('conference-badge'), 'data-state', 'joined');
    await bea.getByTestId('case-composer-body').fill('Hello, I handle invoices.');
    await bea.getByTestId('case-composer-send').click();
    await visitor.getByTestId('portal-message').filter({ hasText: 'Hello, I handle invoices.' }).waitFor();

    // Ada ends the conference: Bea owes a wrap-up, Ada keeps the chat.
    await ada.getByTestId('conference-end').click();
    await bea.getByTestId('wrap-up-dialog').waitFor();
    await waitForText(visitor.getByTestId('portal-system-message').last(), 'Bea Colleague left the conversation');
    await ada.getByTestId('conference-open').waitFor();
    expect(await ada.getByTestId('routing-end').isVisible()).toBe(true);
    const dialogB = bea.getByTestId('wrap-up-dialog');
    await dialogB.getByTestId('wrap-up-reason').first().click();
    await dialogB.getByTestId('wrap-up-submit').click();
    await waitForText(bea.getByTestId('routing-wrapped'), 'Wrapped up: Expert helped');
  });

  it('A cancels while it rings: B’s pop-up closes and says why', async () => {
    const ada = await availableAgent(t.seed.technician);
    const bea = await availableAgent(colleague);
    await acceptedChat(ada, 'Joe');
    await ada.getByTestId('conference-open').click();
    const dialog = ada.getByTestId('conference-dialog');
    await dialog
      .getByTestId('conference-target')
      .filter({ hasText: 'Bea Colleague' })
      .getByTestId('conference-pick')
      .click();
    await bea.getByTestId('contact-offer-conference').waitFor();
    await waitForAttribute(ada.getByTestId('conference-badge'), 'data-state', 'ringing');
    await ada.getByTestId('conference-end').click();
    await waitForAttribute(bea.getByTestId('contact-offer-notice'), 'data-notice', 'conference_withdrawn');
    expect(await bea.getByTestId('contact-offer-notice').textContent()).toContain(
      'The conference request was cancelled.',
    );
    expect(await bea.getByTestId('contact-offer').count()).toBe(0);
    await ada.getByTestId('conference-open').waitFor();
  });
});
