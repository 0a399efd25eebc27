// Browser e2e for issue #15 defect 1: every route is styled when it is the first one a tab opens (the
// screens' stylesheet used to come only with the cases/admin/settings chunks, so a tab opened on
// /chats showed bullets, numbered messages, no bubbles and the chat-request card bottom-left).
// Real API + agent-chat/portal plugins on SQLite, the real helpdesk agent process, Chromium.
// Requires the built web UI (apps/web/dist).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
import {
  BrowserPages,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  trackPageErrors,
  waitForText,
} from './browser.helper';

jest.setTimeout(180_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[fresh-tab-styles.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

const VIEWPORT = { width: 1280, height: 900 };
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

type Style = Record<string, string>;
const PROPS = [
  'display',
  'position',
  'listStyleType',
  'borderRadius',
  'backgroundColor',
  'color',
  'columnGap',
  'gridTemplateColumns',
  'whiteSpace',
  'maxWidth',
];

/** Computed style (the props above) and box of the first element `locator` matches. */
async function probe(locator: Locator): Promise<Style & { top: number; left: number; right: number }> {
  await locator.first().waitFor();
  // Runs in the page; typed loosely because jest's tsconfig has no DOM lib.
  return locator.first().evaluate((el: any, props: string[]) => {
    const cs = (globalThis as any).getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const out: any = { top: r.top, left: r.left, right: r.right };
    for (const p of props) out[p] = cs[p];
    return out;
  }, PROPS);
}

/** Every visible `.btn` is a styled button (a flex box, rounded), not a raw inline-block button or link. */
async function expectButtonsStyled(page: Page): Promise<number> {
  const buttons = await page.locator('.btn:visible').evaluateAll((els: any[]) =>
    els.map((el) => {
      const cs = (globalThis as any).getComputedStyle(el);
      return { text: (el.textContent ?? '').trim(), display: cs.display, radius: cs.borderRadius };
    }),
  );
  // Each failure names the button: { text, display, radius }.
  for (const b of buttons)
    expect(b).toEqual({
      text: b.text,
      display: expect.stringMatching(/^(inline-)?flex$/),
      radius: expect.not.stringMatching(/^0px$/),
    });
  return buttons.length;
}

/** Message bubbles and system lines of a conversation log (cases and chats share the look). */
async function expectConversationStyled(page: Page): Promise<void> {
  expect((await probe(page.locator('.case-log'))).listStyleType).toBe('none');
  const bubble = await probe(page.locator('li.case-msg'));
  expect(bubble.borderRadius).toBe('12px');
  expect(bubble.backgroundColor).not.toBe(TRANSPARENT);
  expect(bubble.display).toBe('grid');
}

describeWithBrowser('every route is styled in a fresh tab (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );
  const agents: AgentProcess[] = [];
  let ticketNumber = 0;
  let deviceId = '';
  let chatId = '';
  let caseId = '';

  const ok = async <T = any>(method: 'get' | 'post' | 'put', path: string, body?: object): Promise<T> => {
    const res = await app.http()[method](path).set(bearer(app.adminToken)).send(body);
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };

  beforeAll(async () => {
    app = await createTestApp({
      web: true,
      plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }, AGENT_CHAT_PLUGIN],
    });
    browser = await launchBrowser();
    // The admin gets the chat requests and sees every route (Admin included).
    await app.http().put('/api/me/availability').set(bearer(app.technicianToken)).send({ available: false });
    await ok('put', '/api/me/availability', { available: true });
    const { company, contact, device } = await seedDevice(app);
    deviceId = device.id;
    await ok('post', '/api/portals', { companyId: company.id, subdomain: 'fresh-co', status: 'active' });
    ticketNumber = (
      await ok<{ number: number }>('post', '/api/tickets', {
        title: 'Monitor flickers',
        description: 'Since the update.',
        requesterId: contact.id,
        priority: 'high',
      })
    ).number;
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    agents.splice(0).forEach((a) => a.kill());
    await browser?.close();
    await app?.close();
    removeDirs();
  });

  it('a tab opened on the ticket list gets the chat-request card fixed top right, and the chat it opens styled', async () => {
    const dir = await enrolAgent(app, deviceId);
    cleanupDirs.push(dir);
    const page = await pages.signedIn(app.admin, '/tickets');
    await page.getByTestId('ticket-list').waitFor();

    const agent = new AgentProcess(['chat'], dir);
    agents.push(agent);
    await agent.answer('chat-as', 'y');
    chatId = (await agent.waitFor('waiting')).conversationId;

    // The card floats over the page, top right under the top bar (not after the content, bottom-left).
    const card = await probe(page.getByTestId('chat-requests'));
    expect(card.position).toBe('fixed');
    expect(card.top).toBeLessThan(120);
    expect(VIEWPORT.width - card.right).toBeLessThanOrEqual(32);
    expect(card.left).toBeGreaterThan(VIEWPORT.width / 2);
    const request = await probe(page.getByTestId('chat-request'));
    expect(request.display).toBe('grid');
    expect((await probe(page.locator('.chat-request-actions'))).display).toBe('flex');
    expect(await expectButtonsStyled(page)).toBeGreaterThan(0);

    // Accepting opens the chats workspace in this tab: the chats chunk is styled too.
    await page.getByTestId('chat-request-accept').click();
    await page.waitForURL(`**/chats/${chatId}`);
    await page.locator('[data-testid="chat-pane"][data-status="active"]').waitFor();
    await agent.waitFor('started');
    await page.getByTestId('chat-composer-body').fill('Hello, what do you see on screen?');
    await page.getByTestId('chat-composer-body').press('Enter');
    await agent.waitFor('message', (e) => e.body === 'Hello, what do you see on screen?');
    agent.type('Only a blue screen');
    await page.locator('[data-testid="chat-message"][data-author="contact"]').waitFor();
    await expectConversationStyled(page);
  });

  it('each console route and the customer portal, loaded directly in a fresh tab', async () => {
    expect(chatId).not.toBe('');
    // Signed out: the login form.
    const login = await pages.open({ viewport: VIEWPORT });
    await login.goto('/login');
    const submit = await probe(login.getByTestId('login-submit'));
    expect(submit.display).toMatch(/^(inline-)?flex$/);
    expect(submit.backgroundColor).not.toBe(TRANSPARENT);
    expect(submit.borderRadius).toBe('8px');

    // The customer portal (its own bundle and stylesheet); the chat started there makes a case.
    const visitor = await pages.open({ viewport: VIEWPORT });
    await visitor.goto('/p/fresh-co');
    const start = await probe(visitor.getByTestId('portal-submit'));
    expect(start.display).toMatch(/^(inline-)?flex$/);
    expect(start.backgroundColor).not.toBe(TRANSPARENT);
    expect(start.borderRadius).toBe('8px');
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill('jane@customer.test');
    await visitor.getByTestId('portal-question').fill('The badge reader refuses my card.');
    await visitor.getByTestId('portal-submit').click();
    await visitor.getByTestId('portal-chat').waitFor();
    expect((await probe(visitor.locator('.p-log'))).listStyleType).toBe('none');
    const own = await probe(visitor.getByTestId('portal-message'));
    expect(own.borderRadius).toMatch(/^14px/); // a speech bubble: one corner tighter
    expect(own.backgroundColor).not.toBe(TRANSPARENT);
    caseId = (await ok<{ items: { id: string }[] }>('get', '/api/cases?view=all')).items[0].id;

    // Signed in once; then every route is the first page of a new tab (same cookies, nothing loaded yet).
    const home = await pages.signedIn(app.admin, '/tickets');
    const context: BrowserContext = home.context();
    // `buttons: false`: the route shows no `.btn` in this state (the styled-buttons check then has nothing to count).
    const routes: { path: string; buttons?: false; check(page: Page): Promise<void> }[] = [
      {
        path: '/tickets',
        check: async (p) => {
          await p.getByTestId('ticket-list').waitFor();
          expect((await probe(p.locator('.side-menu ul'))).listStyleType).toBe('none');
        },
      },
      {
        path: `/tickets/${ticketNumber}`,
        check: async (p) => {
          await p.getByTestId('ticket-composer').waitFor();
        },
      },
      {
        path: '/tickets/new',
        check: async (p) => {
          expect((await probe(p.getByTestId('new-ticket-form'))).display).toBe('grid');
        },
      },
      {
        path: `/cases/${caseId}`,
        check: async (p) => {
          expect((await probe(p.locator('.cases-layout'))).display).toBe('grid');
          expect((await probe(p.getByTestId('case-list'))).listStyleType).toBe('none');
          await expectConversationStyled(p);
        },
      },
      {
        path: '/chats',
        buttons: false,
        check: async (p) => {
          expect((await probe(p.locator('.chats-layout'))).display).toBe('grid');
          // The chat list: no bullets.
          expect((await probe(p.getByTestId('chat-list'))).listStyleType).toBe('none');
        },
      },
      {
        path: `/chats/${chatId}`,
        check: async (p) => {
          await p.getByTestId('chat-pane').waitFor();
          // The header row: name left, "#ticket" and "End chat" spaced on the right, not run together.
          expect((await probe(p.locator('.chat-pane-head'))).display).toBe('flex');
          const actions = await probe(p.locator('.chat-pane-actions'));
          expect(actions.display).toBe('flex');
          expect(actions.columnGap).toBe('10px');
          await expectConversationStyled(p);
          expect((await probe(p.locator('.chat-composer-actions'))).display).toBe('flex');
        },
      },
      {
        path: '/devices',
        buttons: false,
        check: async (p) => {
          await p.getByTestId('device-list').waitFor();
        },
      },
      {
        path: `/devices/${deviceId}`,
        check: async (p) => {
          const facts = await probe(p.locator('.device-facts'));
          // Two columns (label | value), muted labels.
          expect(facts.gridTemplateColumns.split(' ')).toHaveLength(2);
          const dt = await probe(p.locator('.device-facts dt'));
          const dd = await probe(p.locator('.device-facts dd'));
          expect(dt.color).not.toBe(dd.color);
        },
      },
      {
        path: '/admin',
        check: async (p) => {
          await p.getByTestId('portals-table').waitFor();
          expect((await probe(p.locator('td.row-actions'))).whiteSpace).toBe('nowrap');
        },
      },
      // Admin configuration sections
      {
        path: '/admin/settings',
        check: async (p) => {
          await p.getByTestId('settings-form').locator('[data-setting="chat.enabled"]').waitFor();
          expect((await probe(p.getByTestId('settings-form'))).display).toBe('grid');
        },
      },
      {
        path: '/admin/statuses',
        check: async (p) => {
          await p.getByTestId('statuses-table').waitFor();
          expect((await probe(p.locator('.inline-form'))).display).toBe('flex');
        },
      },
      {
        path: '/admin/product-families',
        check: async (p) => {
          expect((await probe(p.getByTestId('family-create'))).display).toBe('flex');
        },
      },
      {
        path: '/admin/quick-replies',
        check: async (p) => {
          await p.getByTestId('quick-reply-new').waitFor();
        },
      },
      {
        path: '/admin/automation',
        check: async (p) => {
          await p.getByTestId('rules-table').waitFor();
          expect((await probe(p.locator('td.row-actions'))).whiteSpace).toBe('nowrap');
        },
      },
      // End of admin configuration sections
      // Admin: people and devices (#15): tables, forms' switches and the enrolment code.
      {
        path: '/admin/users',
        check: async (p) => {
          await p.getByTestId('users-table').waitFor();
          expect((await probe(p.locator('td.row-actions'))).whiteSpace).toBe('nowrap');
          expect((await probe(p.locator('[data-testid="user-state"]'))).borderRadius).toBe('999px');
        },
      },
      {
        path: '/admin/companies',
        check: async (p) => {
          await p.getByTestId('companies-table').waitFor();
          const toggle = await probe(p.getByTestId('company-chat'));
          expect(toggle.display).toBe('flex');
          expect((await probe(p.locator('[data-testid="company-chat"] .switch'))).borderRadius).toBe('11px');
        },
      },
      {
        path: '/admin/contacts',
        check: async (p) => {
          await p.getByTestId('contacts-table').waitFor();
          expect((await probe(p.locator('.admin-filters'))).display).toBe('flex');
        },
      },
      {
        path: '/admin/devices',
        check: async (p) => {
          await p.getByTestId('devices-table').waitFor();
          expect((await probe(p.locator('[data-testid="device-online"]'))).borderRadius).toBe('999px');
          await p.getByTestId('device-enrol').first().click();
          expect((await probe(p.getByTestId('device-enrolment'))).display).toBe('grid');
          expect((await probe(p.getByTestId('device-enrolment-code'))).display).toBe('block');
        },
      },
      {
        path: '/settings/notifications',
        check: async (p) => {
          expect((await probe(p.locator('.settings-card'))).maxWidth).toBe('640px');
          expect((await probe(p.locator('.pref-row'))).display).toBe('grid');
        },
      },
      {
        path: '/no-such-page',
        buttons: false,
        check: async (p) => {
          await waitForText(p.locator('.empty-state h2'), 'There is nothing at this address.');
          expect((await probe(p.locator('.empty-state'))).display).toBe('grid');
        },
      },
    ];
    for (const route of routes) {
      const page = await context.newPage();
      const errors = trackPageErrors(page);
      try {
        await page.goto(route.path);
        await page.getByTestId('side-menu').waitFor();
        await route.check(page);
        const buttons = await expectButtonsStyled(page);
        if (route.buttons !== false) expect(buttons).toBeGreaterThan(0);
      } catch (err) {
        throw new Error(`${route.path}: ${(err as Error).message}`, { cause: err });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
