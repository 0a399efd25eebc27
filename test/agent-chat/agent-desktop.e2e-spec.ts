// Issue #15: the desktop agent's local window server, over plain HTTP (no browser): only this run's
// secret opens it, only as 127.0.0.1/localhost (DNS rebinding), no cross-site posts; the window's
// actions and uploads are validated with clear 4xx answers. The real agent process, the real app.
import { request as httpRequest } from 'node:http';
import { type TestApp } from '@switchboard/testing';
import {
  AgentProcess,
  bearer,
  cleanupDirs,
  createAgentChatApp,
  enrolAgent,
  removeDirs,
  seedDevice,
  setAvailable,
} from './agent-chat.helpers.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request (fetch would not let us send our own Host header). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

describe('desktop agent: the local window server (real agent process)', () => {
  let t: TestApp;
  let agent: AgentProcess;
  let url: URL;
  let cookie: string;
  let deviceId: string;

  beforeAll(async () => {
    t = await createAgentChatApp();
    await setAvailable(t, t.technicianToken, true);
    const seeded = await seedDevice(t);
    deviceId = seeded.device.id;
    const dir = await enrolAgent(t, seeded.device.id);
    cleanupDirs.push(dir);
    agent = new AgentProcess(['desktop', '--no-open', '--no-tray', '--language', 'en'], dir);
    url = new URL((await agent.waitFor('desktop')).url);
    await agent.waitFor('connected');
    const opened = await raw(url.href);
    cookie = String(opened.headers['set-cookie']).split(';')[0];
  });
  afterAll(async () => {
    agent?.kill();
    await t?.close();
    removeDirs();
  });

  const base = () => url.origin;
  const withCookie = (extra: Record<string, string> = {}) => ({ Cookie: cookie, ...extra });

  it('listens on 127.0.0.1 only, on a free port, with a long random secret in the address it opens', () => {
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(url.searchParams.get('secret')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(agent.events.find((e) => e.type === 'tray')).toMatchObject({ available: false });
  });

  it('the secret in the address becomes an httpOnly SameSite=Strict cookie and leaves the address', async () => {
    const opened = await raw(url.href);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const set = String(opened.headers['set-cookie']);
    expect(set).toContain(`sb_agent=${url.searchParams.get('secret')}`);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const page = await raw(`${base()}/`, { headers: withCookie() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('data-testid="agent-app"');
  });

  it('refuses every request without the secret, with a wrong one, or one from another host name (403)', async () => {
    for (const path of ['/', '/app.js', '/api/state', '/events', '/api/files/x']) {
      expect((await raw(`${base()}${path}`)).status).toBe(403);
      expect((await raw(`${base()}${path}`, { headers: { Cookie: 'sb_agent=wrong' } })).status).toBe(403);
    }
    expect((await raw(`${base()}/?secret=wrong`)).status).toBe(403);
    expect((await raw(`${base()}/api/actions/start-chat`, { method: 'POST' })).status).toBe(403);
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own Host, even with the cookie.
    const rebound = await raw(`${base()}/api/state`, { headers: withCookie({ Host: `evil.example:${url.port}` }) });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: 'FORBIDDEN', message: 'Forbidden (host)' });
    // localhost with our port is fine.
    expect((await raw(`${base()}/api/state`, { headers: withCookie({ Host: `localhost:${url.port}` }) })).status).toBe(
      200,
    );
    // A cross-site post (the secret cookie would not even be sent; refused by Origin anyway).
    const crossSite = await raw(`${base()}/api/actions/start-chat`, {
      method: 'POST',
      headers: withCookie({ Origin: 'https://evil.example', 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('the state and the event stream need the cookie; bad actions are clear 4xx', async () => {
    const state = await raw(`${base()}/api/state`, { headers: withCookie() });
    expect(JSON.parse(state.body)).toMatchObject({ connection: 'online', phase: 'idle', request: null });
    const post = (path: string, body: string, type = 'application/json') =>
      raw(`${base()}${path}`, { method: 'POST', headers: withCookie({ 'Content-Type': type }), body });
    expect(JSON.parse((await post('/api/actions/launch-rockets', '{}')).body)).toMatchObject({
      error: 'BAD_REQUEST',
      message: 'Unknown action "launch-rockets"',
    });
    expect((await post('/api/actions/send', '[1,2]')).status).toBe(400);
    expect((await post('/api/actions/send', '{}', 'text/plain')).status).toBe(415);
    expect(JSON.parse((await post('/api/actions/send', '{"body":"hi"}')).body)).toMatchObject({
      error: 'CONFLICT',
      message: 'No chat in progress.',
    });
    expect((await post('/api/actions/accept', '{}')).status).toBe(409);
  });

  it('uploads follow the server rules: other types 415, over 20 MB 413, before anything is sent', async () => {
    // A chat to send into.
    await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId }).expect(201);
    await agent.waitFor('request');
    const accept = await raw(`${base()}/api/actions/accept`, {
      method: 'POST',
      headers: withCookie({ 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(accept.status).toBe(200);
    const upload = (name: string, body: Buffer) =>
      raw(`${base()}/api/files?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: withCookie({ 'Content-Type': 'application/octet-stream' }),
        body,
      });
    const txt = await upload('notes.txt', Buffer.from('plain'));
    expect(txt.status).toBe(415);
    expect(JSON.parse(txt.body).message).toContain('"notes.txt" cannot be sent: only PDF, MP3, MP4');
    const big = await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length)]));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).message).toBe('"big.pdf" is too large: files may be at most 20 MB');
    // A renamed program: the server's content check answers, passed on as is.
    const spoofed = await upload('invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]));
    expect(spoofed.status).toBe(415);
    expect(JSON.parse(spoofed.body).message).toContain('it is named like a PDF file but');
    const ok = await upload('report.pdf', PDF);
    expect(ok.status).toBe(201);
    expect(JSON.parse(ok.body)).toMatchObject({ file: { name: 'report.pdf', size: PDF.length } });
    expect((await raw(`${base()}/api/files/not-a-file`, { headers: withCookie() })).status).toBe(404);
  });
});
