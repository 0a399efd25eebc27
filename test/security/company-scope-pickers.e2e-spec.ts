// #13.6 in the browser: the technician pickers (assignee, @notify, Cc) on an Acme ticket offer only
// accounts that serve Acme. Requires `npm run build:web` and Chromium (skips without it).
import type { Browser } from 'playwright-core';
import { AccountService, CompanyService, ContactService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser } from '../browser/browser.helper';

jest.setTimeout(90_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[company-scope-pickers] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;
const PASSWORD = 'a long passphrase for tests 42';

describeWithBrowser('#13.6 company scope: the technician pickers offer only accounts serving the company', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let alice: { id: string; email: string; password: string };
  let gary: { id: string };
  let number: number;

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const acme = await app.get(CompanyService).create({ name: 'Acme pickers' });
    const globex = await app.get(CompanyService).create({ name: 'Globex pickers' });
    const contact = await app
      .get(ContactService)
      .create({ companyId: acme.id, firstName: 'Jane', lastName: 'Doe', email: 'jane@acme-pickers.test' });
    const accounts = app.get(AccountService);
    const a = await accounts.create({
      name: 'Alice Acme',
      email: 'alice@pickers.test',
      password: PASSWORD,
      role: 'technician',
      allCompanies: false,
      companyIds: [acme.id],
    });
    const g = await accounts.create({
      name: 'Gary Globex',
      email: 'gary@pickers.test',
      password: PASSWORD,
      role: 'technician',
      allCompanies: false,
      companyIds: [globex.id],
    });
    alice = { id: a.id, email: a.email, password: PASSWORD };
    gary = { id: g.id };
    const res = await app
      .http()
      .post('/api/tickets')
      .set('Authorization', `Bearer ${app.tokenFor(a.id)}`)
      .send({ title: 'Acme only', description: 'x', requesterId: contact.id })
      .expect(201);
    number = res.body.number;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it('assignee and @notify on an Acme ticket list Alice (Acme), never Gary (Globex only)', async () => {
    const page = await pages.signedIn(alice, `/tickets/${number}`);
    await page.getByTestId('ticket-composer').waitFor();
    const assignee = page.getByTestId('ticket-assignee');
    await assignee.locator(`option[value="${alice.id}"]`).waitFor({ state: 'attached' });
    const values = await assignee.locator('option').evaluateAll((os) => os.map((o) => (o as { value: string }).value));
    expect(values).toContain(alice.id);
    expect(values).not.toContain(gary.id);

    await page.getByTestId('composer-visibility-internal').click();
    await page.getByTestId('notify-picker-input').fill('G');
    const options = page.getByTestId('notify-picker').getByRole('option');
    expect(await options.allTextContents()).not.toEqual(expect.arrayContaining([expect.stringContaining('Gary')]));
    await page.getByTestId('notify-picker-input').fill('Ali');
    await page
      .getByTestId('notify-picker')
      .getByRole('option', { name: /Alice Acme/ })
      .waitFor();
  });
});
