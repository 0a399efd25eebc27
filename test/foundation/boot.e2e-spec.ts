import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSocket, freePort, nextEvent, REPO_ROOT } from '@switchboard/testing';

/** The real entry point, as `npm start` runs it, in a child process. */
function start(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['-r', join(REPO_ROOT, 'scripts/register.cjs'), join(REPO_ROOT, 'apps/api/src/main.ts')],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (re: RegExp, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!re.test(out)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${re}; output:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => out };
}

describe('the server process', () => {
  jest.setTimeout(60_000);
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'switchboard-boot-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('fails fast with a readable message on a malformed DATABASE_URL', async () => {
    const p = start({ DATABASE_URL: 'mysql://nope', SWITCHBOARD_DATA_DIR: tempDir() });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(
      /Switchboard cannot start: Invalid configuration:\n\s+- DATABASE_URL must look like postgres:\/\//,
    );
  });

  it('fails fast with a readable message when the database cannot be reached', async () => {
    const p = start({
      DATABASE_URL: 'postgres://nobody:pa55w0rd@127.0.0.1:1/nothing',
      SWITCHBOARD_DATA_DIR: tempDir(),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(
      /Switchboard cannot start: Cannot open the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/nothing/,
    );
    // The password, not the word "secret" (the secret-key warning names SWITCHBOARD_SECRET_KEY).
    expect(p.output()).not.toMatch(/pa55w0rd/);
  });

  it('starts on SQLite with demo data and the first admin, then shuts down gracefully on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = String(await freePort());
    const p = start({
      PORT: port,
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_DEMO: 'true',
      SWITCHBOARD_ADMIN_EMAIL: 'boss@example.com',
      SWITCHBOARD_ADMIN_PASSWORD: 'boss-password-2026',
      SWITCHBOARD_PLUGINS: '',
    });
    await p.waitFor(/Switchboard listening on http:\/\/localhost:\d+ \(sqlite\) in \d+ ms/);
    await p.waitFor(/Device token \(helpdesk agent of LAPTOP-MELISSA\): \S+\n/);
    // #15.12: a short start (Nest's per-module and per-route lines are debug), JSON lines on a pipe,
    // and the demo logins as one readable block.
    const started = p.output();
    expect(started).toMatch(/Admin: +admin@switchboard\.local \/ switchboard-demo/);
    expect(started).not.toMatch(/RouterExplorer|InstanceLoader|RoutesResolver/);
    const lines = started.split('\n');
    const block = lines.findIndex((l) => l === 'Switchboard demo data is ready.');
    expect(lines.slice(block + 1, block + 6).every((l) => l.startsWith('  '))).toBe(true);
    const json = lines.filter((l) => l.startsWith('{'));
    for (const l of json) expect(() => JSON.parse(l)).not.toThrow();
    expect(json.length).toBeLessThan(20);
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tina@switchboard.local', password: 'switchboard-demo' }),
    });
    expect(login.status).toBe(200);
    // #13.9: the environment admin exists next to the demo data (it is created first).
    const boss = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'boss-password-2026' }),
    });
    expect(boss.status).toBe(200);
    // Logs are structured JSON lines with a request id.
    const line = p
      .output()
      .split('\n')
      .find((l) => l.includes('"req"') && l.includes('/api/auth/login'));
    expect(line && JSON.parse(line).req.id).toBeTruthy();

    // Graceful shutdown: the socket is told to reconnect elsewhere, then the process exits 0.
    const { accessToken } = (await login.json()) as { accessToken: string };
    const socket = await connectSocket(base, '/agent', { token: accessToken });
    const told = nextEvent(socket, 'server.shutdown');
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    p.child.kill('SIGTERM');
    expect(await told).toEqual({ reconnect: true });
    await dropped;
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/Shutting down on SIGTERM|Shutting down/);
  });

  it('prints readable lines on a terminal (pretty) and the demo logins last, as one block', async () => {
    const p = start({
      PORT: String(await freePort()),
      SWITCHBOARD_DATA_DIR: tempDir(),
      SWITCHBOARD_DEMO: 'true',
      SWITCHBOARD_PLUGINS: '',
      // What a TTY gets; the choice itself (TTY or not) is log-destination.spec.ts.
      SWITCHBOARD_LOG_FORMAT: 'pretty',
      NO_COLOR: '1',
      ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
    });
    await p.waitFor(/Device token \(helpdesk agent of LAPTOP-MELISSA\): \S+\n/);
    const lines = p.output().split('\n');
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    const listening = lines.findIndex((l) => /INFO.*\[Bootstrap\] Switchboard listening on/.test(l));
    const block = lines.findIndex((l) => l === 'Switchboard demo data is ready.');
    expect(listening).toBeGreaterThanOrEqual(0);
    expect(block).toBeGreaterThan(listening);
    expect(lines.filter((l) => /^\[\d\d:\d\d:\d\d\] (INFO|WARN)/.test(l)).length).toBeLessThan(20);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('creates the first admin from the environment on an empty installation', async () => {
    const port = String(await freePort());
    const p = start({
      PORT: port,
      SWITCHBOARD_DATA_DIR: tempDir(),
      SWITCHBOARD_ADMIN_EMAIL: 'boss@example.com',
      SWITCHBOARD_ADMIN_PASSWORD: 'boss-password-2026',
      SWITCHBOARD_PLUGINS: '',
    });
    await p.waitFor(/Switchboard listening/);
    const boss = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'boss-password-2026' }),
    });
    expect(boss.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
