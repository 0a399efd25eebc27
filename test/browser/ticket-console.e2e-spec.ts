// Browser e2e for the ticket page console (#15): the requester sidebar (phone masked per the
// masking rules), the Reply jump (button and "r"), Cc suggestions kept on screen, and the SVG
// attachment icon; English and French. Requires apps/web/dist and Chromium (see browser.helper).
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForFocus, waitForText } from './browser.helper';

jest.setTimeout(120_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(`[ticket-console.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

describeWithBrowser('ticket page console (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  let jane: { id: string };
  let first: number;
  let second: number;

  async function api<T = any>(method: 'get' | 'post' | 'put', path: string, body?: object) {
    const req = app.http()[method](path).set('Authorization', `Bearer ${app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  beforeAll(async () => {
    app = await createTestApp({ web: true });
    browser = await launchBrowser();
    const company = await api<{ id: string }>('post', '/api/companies', { name: 'Initech' });
    jane = await api('post', '/api/contacts', {
      companyId: company.id,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@initech.test',
      phone: '+447966197542',
    });
    for (let i = 0; i < 12; i++)
      await api('post', '/api/contacts', {
        companyId: company.id,
        firstName: `Cc${i}`,
        lastName: 'Person',
        email: `cc${i}@initech.test`,
      });
    await api('post', '/api/devices', {
      companyId: company.id,
      name: 'JANE-LAPTOP',
      os: 'Windows 11',
      contactId: jane.id,
    });
    first = (
      await api<{ number: number }>('post', '/api/tickets', {
        title: 'VPN down',
        description: 'x',
        requesterId: jane.id,
      })
    ).number;
    second = (
      await api<{ number: number }>('post', '/api/tickets', {
        title: 'Long one',
        description: 'y',
        requesterId: jane.id,
      })
    ).number;
    // A long conversation, so the reply box is far below the fold.
    for (let i = 0; i < 15; i++)
      await api('post', `/api/tickets/${second}/comments`, {
        body: `Update ${i}\n\nMore text.`,
        visibility: 'internal',
      });
    await api('put', '/api/settings/masking.mode', { value: 'display' });
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the requester sidebar with the phone masked, other tickets as links and devices', async () => {
    const page = await pages.signedIn(app.seed.technician, `/tickets/${second}`);
    const sidebar = page.getByTestId('ticket-sidebar');
    await waitForText(sidebar.getByTestId('sidebar-name'), 'Jane Doe');
    expect(await sidebar.getAttribute('aria-label')).toBe('Requester details');
    const phone = (await sidebar.getByTestId('sidebar-phone').textContent()) ?? '';
    expect(phone).toContain('7542');
    expect(phone).not.toContain('7966197542');
    await waitForText(sidebar.getByTestId('sidebar-company'), 'Initech');
    const link = sidebar.getByTestId('sidebar-tickets').getByRole('link');
    expect(await link.allTextContents()).toEqual([`#${first} VPN down`]);
    await waitForText(sidebar.getByTestId('sidebar-devices'), 'JANE-LAPTOP Windows 11 · never connected');
    // The sidebar sits to the right of the conversation.
    const side = (await sidebar.boundingBox())!;
    const main = (await page.getByTestId('comment-list').boundingBox())!;
    expect(side.x).toBeGreaterThan(main.x + main.width - 1);
    await link.click();
    await page.locator(`[data-testid="ticket-page"][data-number="${first}"]`).waitFor();
  });

  it('reaches the reply box without scrolling (Reply button and "r"), and Cc suggestions stay on screen', async () => {
    const page = await pages.signedIn(app.seed.technician, `/tickets/${second}`);
    await page.locator(`[data-testid="ticket-page"][data-number="${second}"]`).waitFor();
    const body = page.getByTestId('composer-body');
    const inView = async () => {
      const box = (await body.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 900;
    };
    expect(await inView()).toBe(false);
    await page.getByTestId('jump-reply').click();
    await waitForFocus(page, 'composer-body');
    expect(await inView()).toBe(true);
    // "r" from anywhere (not while typing) does the same.
    await page.evaluate('scrollTo(0, 0)');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await waitForFocus(page, 'composer-body');
    expect(await body.inputValue()).toBe('');

    // Cc picker at the bottom of the viewport: its list opens fully on screen.
    const cc = page.getByTestId('cc-picker-input');
    await cc.scrollIntoViewIfNeeded();
    // Scroll so the Cc input sits at the bottom edge of the viewport.
    await page.evaluate(
      `scrollBy(0, document.querySelector('[data-testid="cc-picker-input"]').getBoundingClientRect().bottom - innerHeight + 20)`,
    );
    await cc.click();
    const list = page.getByTestId('cc-picker-list');
    await list.waitFor();
    const box = (await list.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  });

  it('is in French for a French browser, with a labelled attachment icon', async () => {
    const file = (
      await app
        .http()
        .post('/api/files')
        .set('Authorization', `Bearer ${app.adminToken}`)
        .attach('file', Buffer.from('log'), { filename: 'log.txt', contentType: 'text/plain' })
        .expect(201)
    ).body as { id: string };
    await api('post', `/api/tickets/${first}/comments`, {
      body: 'See log',
      visibility: 'public',
      attachmentIds: [file.id],
    });
    const page = await pages.open({ locale: 'fr-FR' });
    await page.goto(`/tickets/${first}`);
    await page.getByTestId('login-email').fill(app.seed.technician.email);
    await page.getByTestId('login-password').fill(app.seed.technician.password);
    await page.getByTestId('login-submit').click();
    const sidebar = page.getByTestId('ticket-sidebar');
    await waitForText(sidebar.getByTestId('sidebar-name'), 'Jane Doe');
    expect(await sidebar.getAttribute('aria-label')).toBe('Détails du demandeur');
    expect(await page.getByTestId('jump-reply').textContent()).toBe('Répondre');
    const icon = page.getByTestId('comment-attachment').getByTestId('attachment-icon');
    expect(await icon.getAttribute('role')).toBe('img');
    expect(await icon.getAttribute('aria-label')).toBe('Pièce jointe');
    expect(await icon.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  });
});
