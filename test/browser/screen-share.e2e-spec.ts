// Browser e2e for issue 19: screen sharing from a live portal chat, with two Chromium contexts
// (the visitor's portal page and the technician's case pane) of one browser launched with a fake
// capture source (FAKE_SCREEN_CAPTURE_ARGS: getDisplayMedia answers at once with a generated
// 1280x720 "monitor"). Real WebRTC between the two pages over localhost, signalled through the
// API's sockets. Requires `npm run build:web` and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { FakeClock } from '@switchboard/core';
import { createTestApp, redisReachable } from '@switchboard/testing';
import {
  BrowserPages,
  CHROMIUM_PATH,
  FAKE_SCREEN_CAPTURE_ARGS,
  hasChromium,
  launchBrowser,
  waitForAttribute,
  waitForText,
} from './browser.helper';

jest.setTimeout(180_000);

const chromiumAvailable = hasChromium();
if (!chromiumAvailable)
  console.warn(`[screen-share.e2e] Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}.`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

interface VideoState {
  w: number;
  h: number;
  t: number;
}

// A string expression (no function shipped to the page, no eval under the app's CSP).
const READ_VIDEO = `(() => {
  const v = document.querySelector('[data-testid="screen-share-video"]');
  return v ? { w: v.videoWidth, h: v.videoHeight, t: v.currentTime } : null;
})()`;

/** The technician's <video> shows frames: a size, and a time that moves on. */
async function videoPlays(page: Page, timeoutMs = 20_000): Promise<VideoState> {
  const deadline = Date.now() + timeoutMs;
  let first: VideoState | null = null;
  let last: VideoState | null = null;
  while (Date.now() < deadline) {
    last = await page.evaluate<VideoState | null>(READ_VIDEO);
    if (last && last.w > 0 && last.h > 0) {
      if (!first) first = last;
      else if (last.t > first.t) return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The shared screen never played (first: ${JSON.stringify(first)}, last: ${JSON.stringify(last)})`);
}

describeWithBrowser('screen sharing from a live portal chat (browser, issue 19)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.baseUrl,
  );

  async function ok<T = any>(method: 'get' | 'post' | 'patch' | 'put', path: string, body?: object, token?: string) {
    const http = app.http();
    const req = http[method](path).set('Authorization', `Bearer ${token ?? app.adminToken}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 400)
      throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  beforeAll(async () => {
    app = await createTestApp({ web: true, plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    browser = await launchBrowser(FAKE_SCREEN_CAPTURE_ARGS);
    await ok('put', '/api/me/availability', { available: false }, app.adminToken);
    await ok('put', '/api/me/availability', { available: true }, app.technicianToken);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  /** A portal, a visitor in its live chat, the case assigned to the seeded technician. */
  async function liveChat(subdomain: string, options: { locale?: string } = {}) {
    const company = await ok<{ id: string }>('post', '/api/companies', { name: `Company ${subdomain}` });
    const portal = await ok<{ id: string }>('post', '/api/portals', {
      companyId: company.id,
      subdomain,
      status: 'active',
    });
    const visitor = await pages.open({ locale: options.locale });
    await visitor.goto(`/p/${subdomain}`);
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill(`jane@${subdomain}.test`);
    await visitor.getByTestId('portal-question').fill(`Something is odd on my screen (${subdomain})`);
    await visitor.getByTestId('portal-submit').click();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    const list = await ok<{ items: { id: string; question: string }[] }>(
      'get',
      '/api/cases?view=all&limit=50',
      undefined,
      app.technicianToken,
    );
    const caseId = list.items.find((c) => c.question.includes(`(${subdomain})`))!.id;
    await ok('post', `/api/cases/${caseId}/assign`, {}, app.technicianToken);
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'active');
    return { portal, caseId, visitor };
  }

  const techSystemLine = (tech: Page, text: string) =>
    tech.getByTestId('case-system-message').filter({ hasText: text }).waitFor();
  const visitorSystemLine = (visitor: Page, text: string) =>
    visitor.getByTestId('portal-system-message').filter({ hasText: text }).waitFor();

  async function requestAndShare(tech: Page, visitor: Page): Promise<void> {
    await tech.getByTestId('screen-share-request').click();
    await waitForText(tech.getByTestId('screen-share-waiting'), 'Waiting for the customer…');
    const ask = visitor.getByTestId('portal-screen-request');
    await ask.waitFor();
    expect(await ask.textContent()).toContain(`${app.seed.technician.name} would like to see your screen.`);
    await visitor.getByTestId('portal-screen-share').click();
    await visitor.getByTestId('portal-screen-sharing').waitFor();
    await tech.getByTestId('screen-share-video').waitFor();
    const playing = await videoPlays(tech);
    expect(playing.w).toBeGreaterThan(0);
    expect(playing.h).toBeGreaterThan(0);
    await waitForText(tech.getByTestId('screen-share-status'), 'You are seeing the customer’s screen.');
  }

  it('the admin allows it; the technician asks, sees the screen live; the visitor stops; the technician ends; decline; chat end', async () => {
    const { portal, caseId, visitor } = await liveChat('screenco');

    // Off by default: the pane says so instead of offering the button.
    const tech = await pages.signedIn(app.seed.technician, `/cases/${caseId}`);
    await tech.getByTestId('case-screen-share').waitFor();
    await tech.getByTestId('screen-share-not-allowed').waitFor();
    expect(await tech.getByTestId('screen-share-request').count()).toBe(0);

    // The admin turns it on in the portal form.
    const admin = await pages.signedIn(app.seed.admin, '/admin');
    await admin.locator('[data-testid="portal-row"][data-subdomain="screenco"]').getByTestId('portal-edit').click();
    const box = admin.getByTestId('portal-form-screen-sharing');
    expect(await box.isChecked()).toBe(false);
    expect(await admin.getByTestId('portal-form').textContent()).toContain('Allow screen sharing');
    await box.check();
    await admin.getByTestId('portal-form-submit').click();
    await admin.getByTestId('portal-form').waitFor({ state: 'detached' });
    expect((await ok<{ screenSharing: boolean }>('get', `/api/portals/${portal.id}`)).screenSharing).toBe(true);

    // A fresh tab of the case offers it now.
    await tech.reload();
    await tech.getByTestId('screen-share-request').waitFor();

    // 1. Request, share, live frames; the visitor stops.
    await requestAndShare(tech, visitor);
    await techSystemLine(tech, `${app.seed.technician.name} asked to see the screen.`);
    await techSystemLine(tech, 'The customer started sharing their screen.');
    await tech.getByTestId('screen-share-fit').click();
    await waitForAttribute(tech.getByTestId('screen-share-fit'), 'aria-pressed', 'false');
    await tech.getByTestId('screen-share-fit').click();
    await visitor.getByTestId('portal-screen-stop').click();
    await techSystemLine(tech, 'Screen sharing ended by the customer.');
    await waitForText(tech.getByTestId('screen-share-notice'), 'The customer stopped sharing their screen.');
    expect(await tech.getByTestId('screen-share-video').count()).toBe(0);
    await waitForText(visitor.getByTestId('portal-screen-notice'), 'You stopped sharing your screen.');
    expect(await visitor.getByTestId('portal-screen-sharing').count()).toBe(0);

    // 2. Again; this time the technician ends it. The chat goes on.
    await requestAndShare(tech, visitor);
    await tech.getByTestId('screen-share-end').click();
    await visitorSystemLine(visitor, `Screen sharing ended by ${app.seed.technician.name}.`);
    await waitForText(visitor.getByTestId('portal-screen-notice'), 'The technician ended screen sharing.');
    expect(await visitor.getByTestId('portal-screen-sharing').count()).toBe(0);
    await waitForText(tech.getByTestId('screen-share-notice'), 'You ended screen sharing.');
    await tech.getByTestId('case-composer-body').fill('Thanks, I saw it.');
    await tech.getByTestId('case-composer-send').click();
    await visitor.getByTestId('portal-message').filter({ hasText: 'Thanks, I saw it.' }).waitFor();

    // 2b. Stopped from the browser's own "Stop sharing" bar: the capture track ends. Headless has
    // no such bar, so the test keeps the shared stream and fires the track's `ended` as it would.
    await visitor
      .context()
      .addInitScript(
        'const give = MediaDevices.prototype.getDisplayMedia; MediaDevices.prototype.getDisplayMedia = function (...a) { return give.apply(this, a).then((s) => ((window.__shared = s), s)); };',
      );
    await visitor.reload();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'active');
    await requestAndShare(tech, visitor);
    await visitor.evaluate("window.__shared.getVideoTracks()[0].dispatchEvent(new Event('ended'))");
    await waitForText(tech.getByTestId('screen-share-notice'), 'The customer stopped sharing their screen.');
    await waitForText(visitor.getByTestId('portal-screen-notice'), 'You stopped sharing your screen.');
    expect(await visitor.evaluate<string>('window.__shared.getVideoTracks()[0].readyState')).toBe('ended');
    expect(
      await tech
        .getByTestId('case-system-message')
        .filter({ hasText: 'Screen sharing ended by the customer.' })
        .count(),
    ).toBe(2);

    // 3. Declined (after a reload of the visitor's page: the waiting request is shown again).
    await tech.getByTestId('screen-share-request').click();
    await visitor.getByTestId('portal-screen-request').waitFor();
    await visitor.reload();
    await visitor.getByTestId('portal-screen-request').waitFor();
    await visitor.getByTestId('portal-screen-decline').click();
    await techSystemLine(tech, 'The customer declined screen sharing.');
    await waitForText(tech.getByTestId('screen-share-notice'), 'The customer declined screen sharing.');
    await tech.getByTestId('screen-share-request').waitFor();

    // 4. The chat ends while sharing: the session ends with it, its line before the chat's.
    await requestAndShare(tech, visitor);
    await visitor.getByTestId('portal-end-chat').click();
    await visitor.getByTestId('portal-end-confirm-yes').click();
    await visitor.getByTestId('portal-ended').waitFor();
    await techSystemLine(tech, 'Screen sharing ended with the chat.');
    await techSystemLine(tech, 'The customer ended the conversation');
    await tech.getByTestId('case-screen-share').waitFor({ state: 'detached' });
    expect(await visitor.getByTestId('portal-screen-sharing').count()).toBe(0);
  });

  it('with recording on, the visitor is told, the technician’s browser records, the case keeps it; an admin deletes it', async () => {
    await ok('put', '/api/settings/screen.recording', { value: true });
    try {
      const { portal, caseId, visitor } = await liveChat('recordco');
      await ok('patch', `/api/portals/${portal.id}`, { screenSharing: true });
      const tech = await pages.signedIn(app.seed.technician, `/cases/${caseId}`);
      await tech.getByTestId('screen-share-request').click();
      await waitForText(
        visitor.getByTestId('portal-screen-recorded'),
        'This screen sharing session is recorded and kept with your request.',
      );
      await visitor.getByTestId('portal-screen-share').click();
      await videoPlays(tech);
      await tech.getByTestId('screen-share-recording').waitFor();
      await new Promise((r) => setTimeout(r, 1500)); // a few recorded chunks
      await tech.getByTestId('screen-share-end').click();
      await waitForText(tech.getByTestId('screen-share-notice'), 'The recording was saved with the case.');
      const item = tech.getByTestId('case-recording');
      await item.waitFor();
      const fileId = (await item.getAttribute('data-file-id'))!;
      const file = await ok<{ contentType: string; size: number }>('get', `/api/files/${fileId}`);
      expect(file.contentType).toMatch(/^video\/webm/);
      expect(file.size).toBeGreaterThan(1000);
      // Technicians download, only admins delete.
      expect(await item.getByTestId('case-recording-delete').count()).toBe(0);
      expect(await item.getByTestId('case-recording-download').getAttribute('href')).toBe(
        `/api/files/${fileId}/content`,
      );

      const admin = await pages.signedIn(app.seed.admin, `/cases/${caseId}`);
      await admin.getByTestId('case-recording').waitFor();
      await admin.getByTestId('case-recording-delete').click();
      await admin.getByTestId('case-recording-delete-confirm-yes').click();
      await admin.getByTestId('case-recordings').waitFor({ state: 'detached' });
      expect(await ok<unknown[]>('get', `/api/cases/${caseId}/recordings`)).toEqual([]);
      await admin.getByTestId('case-detail').waitFor(); // the case stays
    } finally {
      await ok('put', '/api/settings/screen.recording', { value: false });
    }
  });

  it('works from the embed widget on a customer site (the iframe may capture the screen)', async () => {
    const company = await ok<{ id: string }>('post', '/api/companies', { name: 'Company embedco' });
    await ok('post', '/api/portals', {
      companyId: company.id,
      subdomain: 'embedco',
      status: 'active',
      screenSharing: true,
    });
    // The customer's site: another origin (localhost vs 127.0.0.1).
    const site = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Customer</title><script src="${app.baseUrl}/p/embedco/embed.js" async></script>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const host = await pages.open();
      await host.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
      await host.getByTestId('embed-launcher').click();
      expect(await host.getByTestId('embed-frame').getAttribute('allow')).toContain('display-capture');
      const frame: FrameLocator = host.frameLocator('[data-testid="embed-frame"]');
      await frame.getByTestId('portal-first-name').fill('Jane');
      await frame.getByTestId('portal-last-name').fill('Doe');
      await frame.getByTestId('portal-email').fill('jane@embedco.test');
      await frame.getByTestId('portal-question').fill('Something is odd on my screen (embedco)');
      await frame.getByTestId('portal-submit').click();
      await waitForAttribute(frame.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
      const list = await ok<{ items: { id: string; question: string }[] }>(
        'get',
        '/api/cases?view=all&limit=50',
        undefined,
        app.technicianToken,
      );
      const caseId = list.items.find((c) => c.question.includes('(embedco)'))!.id;
      await ok('post', `/api/cases/${caseId}/assign`, {}, app.technicianToken);
      await waitForAttribute(frame.getByTestId('portal-chat'), 'data-chat-status', 'active');

      const tech = await pages.signedIn(app.seed.technician, `/cases/${caseId}`);
      await tech.getByTestId('screen-share-request').click();
      await frame.getByTestId('portal-screen-share').click();
      await frame.getByTestId('portal-screen-sharing').waitFor();
      expect((await videoPlays(tech)).w).toBeGreaterThan(0);
      await frame.getByTestId('portal-screen-stop').click();
      await waitForText(tech.getByTestId('screen-share-notice'), 'The customer stopped sharing their screen.');
    } finally {
      site.close();
    }
  });

  it('a browser without screen capture declines at once with the reason (French page); no WebRTC on the technician side: a message', async () => {
    const { portal, caseId, visitor } = await liveChat('nocapture', { locale: 'fr-FR' });
    await ok('patch', `/api/portals/${portal.id}`, { screenSharing: true });
    // Like a phone: no getDisplayMedia. The chat resumes after the reload.
    await visitor.context().addInitScript('delete MediaDevices.prototype.getDisplayMedia;');
    await visitor.reload();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'active');

    const tech = await pages.signedIn(app.seed.technician, `/cases/${caseId}`);
    await tech.getByTestId('screen-share-request').click();
    await waitForText(
      visitor.getByTestId('portal-screen-notice'),
      'Le technicien a demandé à voir votre écran, mais ce navigateur ne peut pas le partager (c’est souvent le cas sur téléphone et tablette). Le technicien a été prévenu.',
    );
    expect(await visitor.getByTestId('portal-screen-request').count()).toBe(0);
    await techSystemLine(tech, "The customer's browser cannot share the screen (screen sharing declined).");
    await waitForText(tech.getByTestId('screen-share-notice'), 'The customer declined screen sharing.');

    // A technician browser without RTCPeerConnection gets the reason instead of the button.
    const old = await pages.open();
    await old.context().addInitScript('delete window.RTCPeerConnection;');
    await old.goto('/login');
    await old.getByTestId('login-email').fill(app.seed.technician.email);
    await old.getByTestId('login-password').fill(app.seed.technician.password);
    await old.getByTestId('login-submit').click();
    await old.getByTestId('side-menu').waitFor();
    await old.goto(`/cases/${caseId}`);
    await old.getByTestId('screen-share-unsupported').waitFor();
    expect(await old.getByTestId('screen-share-request').count()).toBe(0);
  });
});

// Two API instances on one database sharing Redis: the visitor's page and socket on B, the
// technician's on A; every signal crosses instances (socket-id rooms through the Redis adapter).
describeWithBrowser('screen sharing across two instances (browser, Redis)', () => {
  const LIVECHAT = { name: 'plugins/channel-portal-livechat', enable: true };
  let a: Awaited<ReturnType<typeof createTestApp>>;
  let b: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  let skip = false;
  const onA = new BrowserPages(
    () => browser,
    () => a.baseUrl,
  );
  const onB = new BrowserPages(
    () => browser,
    () => b.baseUrl,
  );

  beforeAll(async () => {
    if (!(await redisReachable())) {
      if (process.env.CI === 'true') throw new Error('Redis is required under CI');
      console.warn('[screen-share.e2e] Redis is not reachable: skipping the two-instance screen sharing test');
      skip = true;
      return;
    }
    const clock = new FakeClock();
    a = await createTestApp({ web: true, plugins: [LIVECHAT], clock, redis: true, instanceId: 'screen-a' });
    b = await createTestApp({
      web: true,
      plugins: [LIVECHAT],
      clock,
      redis: true,
      database: a.database,
      seed: false,
      instanceId: 'screen-b',
    });
    browser = await launchBrowser(FAKE_SCREEN_CAPTURE_ARGS);
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
    await a?.close();
  });
  afterEach(async () => {
    if (skip) return;
    expect([...(await onA.closeAll()), ...(await onB.closeAll())]).toEqual([]);
  });

  it('the visitor on B shares, the technician on A sees it live and ends it', async () => {
    if (skip) return;
    const auth = { Authorization: `Bearer ${a.adminToken}` };
    await a.http().put('/api/me/availability').set(auth).send({ available: false }).expect(200);
    await a
      .http()
      .put('/api/me/availability')
      .set({ Authorization: `Bearer ${a.technicianToken}` })
      .send({ available: true })
      .expect(200);
    const company = (await a.http().post('/api/companies').set(auth).send({ name: 'Two Inst' }).expect(201)).body;
    const portal = (
      await a
        .http()
        .post('/api/portals')
        .set(auth)
        .send({ companyId: company.id, subdomain: 'twoinst', status: 'active', screenSharing: true })
        .expect(201)
    ).body;
    if (!portal.screenSharing)
      await a.http().patch(`/api/portals/${portal.id}`).set(auth).send({ screenSharing: true }).expect(200);

    const visitor = await onB.open();
    await visitor.goto('/p/twoinst');
    await visitor.getByTestId('portal-first-name').fill('Jane');
    await visitor.getByTestId('portal-last-name').fill('Doe');
    await visitor.getByTestId('portal-email').fill('jane@twoinst.test');
    await visitor.getByTestId('portal-question').fill('Across instances');
    await visitor.getByTestId('portal-submit').click();
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'waiting');
    const tech = { Authorization: `Bearer ${a.technicianToken}` };
    const list = (await a.http().get('/api/cases?view=all&limit=50').set(tech).expect(200)).body;
    const caseId = list.items.find((c: { question: string }) => c.question === 'Across instances').id;
    await a.http().post(`/api/cases/${caseId}/assign`).set(tech).expect(200);
    await waitForAttribute(visitor.getByTestId('portal-chat'), 'data-chat-status', 'active');

    const techPage = await onA.signedIn(a.seed.technician, `/cases/${caseId}`);
    await techPage.getByTestId('screen-share-request').click();
    await waitForText(techPage.getByTestId('screen-share-waiting'), 'Waiting for the customer…');
    await visitor.getByTestId('portal-screen-share').click();
    await visitor.getByTestId('portal-screen-sharing').waitFor();
    const playing = await videoPlays(techPage);
    expect(playing.w).toBeGreaterThan(0);
    await techPage.getByTestId('screen-share-end').click();
    await visitor
      .getByTestId('portal-system-message')
      .filter({ hasText: `Screen sharing ended by ${a.seed.technician.name}.` })
      .waitFor();
    await waitForText(visitor.getByTestId('portal-screen-notice'), 'The technician ended screen sharing.');
  });
});
