// Browser e2e for #14 (transfer): agent A accepts an offer, opens Transfer, sees the queues and the
// Available agents, searches, reloads (a colleague who just became Available appears), transfers to
// agent B; B's pop-up says "Transferred by A", B accepts and gets the case; A's wrap-up dialog opens
// and the customer reads that the chat was transferred. A customer leaving while a transfer rings:
// A reads why in the abandoned notice. Real API on SQLite, real Chromium.
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
if (!chromiumAvailable) console.warn(`[contact-centre-transfer.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('contact centre: transfer to an agent (browser, #14)', () => {
  let t: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => t.baseUrl,
  );
  const admin = () => bearer(t.adminToken);
  const bea = { email: 'bea@agents.example', password: 'Correct-Horse-9-Battery', name: 'Bea Second', id: '' };
  let carlToken = '';
  let carlId = '';

  beforeAll(async () => {
    t = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    const { company } = await seedCompany(t, 'Transfer Corp', 'tom@transfer.example');
    const accounts = t.get(AccountService);
    bea.id = (await accounts.create({ ...bea, role: 'technician' })).id;
    const carl = await accounts.create({
      name: 'Carl Third',
      email: 'carl@agents.example',
      password: 'Correct-Horse-9-Battery',
      role: 'technician',
    });
    carlToken = t.tokenFor(carl.id);
    carlId = carl.id;
    await t.http().post('/api/wrap-up-reasons').set(admin()).send({ label: 'Transferred on' }).expect(201);
    const queue = (name: string, memberIds: string[]) =>
      t
        .http()
        .post('/api/queues')
        .set(admin())
        .send({ name, companyIds: [company.id], memberIds })
        .expect(201)
        .then((r) => r.body.id as string);
    const queueId = await queue('Help desk', [t.technician.id]);
    await queue('Billing desk', [bea.id]);
    await t
      .http()
      .post('/api/portals')
      .set(admin())
      .send({ companyId: company.id, subdomain: 'transferco', status: 'active', routing: 'queue', queueId })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function availableAgent(account: { email: string; password: string }): Promise<Page> {
    const tech = await pages.signedIn(account, '/tickets');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'not_ready');
    await tech.getByTestId('agent-state-select').selectOption('available');
    await waitForAttribute(tech.getByTestId('agent-state'), 'data-state', 'available');
    return tech;
  }

  it('A transfers to B through the dialog; B sees "Transferred by A" and accepts; A wraps up', async () => {
    const ada = await availableAgent(t.seed.technician);
    const beaTab = await availableAgent(bea);

    const visitor = await pages.open({});
    await visitor.goto('/p/transferco');
    await visitor.getByTestId('portal-chat-form').waitFor();
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Client');
    await visitor.getByTestId('portal-email').fill('jane@customer.test');
    await visitor.getByTestId('portal-question').fill('My invoice is wrong.');
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    await ada
      .getByTestId('contact-offer')
      .filter({ hasText: 'Jane Client' })
      .getByTestId('contact-offer-accept')
      .click();
    await ada.getByTestId('case-detail').waitFor();
    await ada.getByTestId('routing-queue').waitFor();

    await ada.getByTestId('routing-transfer').click();
    const dialog = ada.getByTestId('transfer-dialog');
    await dialog.getByTestId('transfer-queue').first().waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Transfer the conversation');
    const queueNames = async () =>
      (await dialog.getByTestId('transfer-queue').allTextContents()).map((s) => s.replace(/\s*\d+ waiting$/, ''));
    expect(await queueNames()).toEqual(['Billing desk', 'Help desk']);
    await dialog.getByTestId('transfer-agent').first().waitFor();
    expect(await dialog.getByTestId('transfer-agent').allTextContents()).toEqual(['Bea Second 0 of 3 chats']);

    // Search: both lists follow.
    await dialog.getByTestId('transfer-search').fill('BILL');
    await waitForText(dialog.getByTestId('transfer-agents').locator('p'), 'No available agent matches.');
    expect(await queueNames()).toEqual(['Billing desk']);
    await dialog.getByTestId('transfer-search').fill('');
    await dialog.getByTestId('transfer-agent').first().waitFor();

    // Carl becomes Available meanwhile: Reload shows him.
    await t.http().put('/api/me/agent-state').set(bearer(carlToken)).send({ state: 'available' }).expect(200);
    await dialog.getByTestId('transfer-reload').click();
    await dialog.getByTestId('transfer-agent').nth(1).waitFor();
    expect(await dialog.getByTestId('transfer-agent').allTextContents()).toEqual([
      'Bea Second 0 of 3 chats',
      'Carl Third 0 of 3 chats',
    ]);

    // Nothing picked: said so. Then B.
    await dialog.getByTestId('transfer-submit').click();
    await waitForText(dialog.getByTestId('transfer-error'), 'Pick a queue or an agent first.');
    await dialog.getByTestId('transfer-agent').filter({ hasText: 'Bea Second' }).click();
    await dialog.getByTestId('transfer-submit').click();
    await dialog.waitFor({ state: 'detached' });

    // A is in wrap-up at once.
    const wrapUp = ada.getByTestId('wrap-up-dialog');
    await wrapUp.waitFor();
    expect(await ada.getByTestId('routing-transfer').count()).toBe(0);

    // B's pop-up says who transferred; B accepts and has the case.
    const offer = beaTab.getByTestId('contact-offer').filter({ hasText: 'Jane Client' });
    await waitForText(offer.getByTestId('contact-offer-transfer'), `Transferred by ${t.seed.technician.name}`);
    await offer.getByTestId('contact-offer-accept').click();
    await beaTab.getByTestId('case-detail').waitFor();
    await beaTab.getByTestId('routing-end').waitFor();
    const c = (await t.http().get('/api/cases?view=all').set(admin()).expect(200)).body.items.find(
      (x: any) => x.question === 'My invoice is wrong.',
    );
    expect(c).toMatchObject({ status: 'assigned', assignee: { id: bea.id } });

    // The customer was told.
    await visitor
      .getByTestId('portal-system-message')
      .filter({ hasText: `${t.seed.technician.name} transferred the chat` })
      .first()
      .waitFor();

    await wrapUp.getByTestId('wrap-up-reason').first().click();
    await wrapUp.getByTestId('wrap-up-submit').click();
    await wrapUp.waitFor({ state: 'detached' });
    expect(await pages.closeAll()).toEqual([]);
  });

  /**
   * Ada (Available already, from the first test) signs in with `locale`, accepts the chat of `customer`,
   * transfers it to Carl (Available, no tab): it rings at him, then the customer ends the chat, and Ada
   * reads `notice` in the abandoned-transfer notice.
   */
  async function customerLeavesWhileTransferRings(
    locale: string | undefined,
    customer: { firstName: string; lastName: string; email: string; question: string },
    notice: string,
  ): Promise<void> {
    const ada = await pages.signedIn(t.seed.technician, '/tickets', { locale });
    await waitForAttribute(ada.getByTestId('agent-state'), 'data-state', 'available');
    const chat = (await t.http().post('/api/public/portals/transferco/chats').send(customer).expect(201)).body as {
      token: string;
      caseId: string;
      conversationId: string;
    };
    await ada
      .getByTestId('contact-offer')
      .filter({ hasText: `${customer.firstName} ${customer.lastName}` })
      .getByTestId('contact-offer-accept')
      .click();
    await ada.getByTestId('case-detail').waitFor();
    await t
      .http()
      .post(`/api/conversations/${chat.conversationId}/transfer`)
      .set(bearer(t.technicianToken))
      .send({ accountId: carlId })
      .expect(200);
    await t
      .http()
      .post(`/api/public/cases/${chat.caseId}/end`)
      .set({ Authorization: `Portal ${chat.token}` })
      .expect(200);
    await waitForText(ada.getByTestId('contact-transfer-abandoned').locator('p'), notice);
    expect(await pages.closeAll()).toEqual([]);
  }

  it('the customer leaves while the transfer to C rings: A reads why in the notice', async () => {
    await customerLeavesWhileTransferRings(
      undefined,
      { firstName: 'Leo', lastName: 'Leaving', email: 'leo@customer.test', question: 'Are you there?' },
      'The customer left while your transfer to Carl Third was ringing: the chat has ended.',
    );
  });

  it("in French: the same notice in the transferring agent's language", async () => {
    await customerLeavesWhileTransferRings(
      'fr-FR',
      { firstName: 'Lea', lastName: 'Partie', email: 'lea@customer.test', question: 'Vous êtes là ?' },
      'Le client est parti pendant que votre transfert à Carl Third sonnait : le chat est terminé.',
    );
  });
});
