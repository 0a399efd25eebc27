// Issue #15: the helpdesk agent shipped as ONE executable (Node's single executable application
// support, apps/agent/scripts/build-sea.mjs) for the build platform. Built here (about 10 s), then
// run like an end user would: no Node.js, no checkout; it enrols, serves its window from its
// embedded files, connects, and handles the tray helper it carries (no display here: it says so).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type TestApp } from '@switchboard/testing';
import {
  bearer,
  cleanupDirs,
  createAgentChatApp,
  removeDirs,
  seedDevice,
  type AgentEvent,
} from './agent-chat.helpers.js';

jest.setTimeout(180_000);

/** The executable as a child process, with its `@event` lines collected (outside any checkout). */
class Executable {
  readonly events: AgentEvent[] = [];
  readonly lines: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number>;

  constructor(exe: string, args: string[], env: Record<string, string>, cwd: string) {
    // A PATH without node: the executable must not need it.
    this.child = spawn(exe, [...args, '--events'], { cwd, env: { PATH: '/usr/sbin:/sbin', HOME: cwd, ...env } });
    let buffer = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (line.startsWith('@event ')) this.events.push(JSON.parse(line.slice(7)));
        else this.lines.push(line);
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.lines.push(`[stderr] ${chunk}`));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }

  async waitFor(type: string, timeoutMs = 15_000): Promise<AgentEvent> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.find((e) => e.type === type);
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no "${type}" event:\n${this.lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

describe('switchboard-agent as a single executable', () => {
  let t: TestApp;
  let exe: string;
  const running: Executable[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'sb-agent-sea-'));
    cleanupDirs.push(out);
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'apps/agent/scripts/build-sea.mjs'), '--out', out], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build-sea failed:\n${built.stdout}\n${built.stderr}`);
    exe = join(out, process.platform === 'win32' ? 'switchboard-agent.exe' : 'switchboard-agent');
    t = await createAgentChatApp();
  });
  afterEach(() => running.splice(0).forEach((p) => p.kill()));
  afterAll(async () => {
    await t?.close();
    removeDirs();
  });

  it('is one file that prints its version without Node.js or the checkout', () => {
    expect(statSync(exe).size).toBeGreaterThan(10 * 1024 * 1024);
    const cwd = mkdtempSync(join(tmpdir(), 'sb-agent-user-'));
    cleanupDirs.push(cwd);
    const version = spawnSync(exe, ['--version'], { cwd, env: { PATH: '/usr/sbin:/sbin' }, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^switchboard-agent \d+\.\d+\.\d+$/);
    // No "experimental" or require() warnings for the end user.
    expect(version.stderr).toBe('');
  });

  it('enrols with the admin code, runs the desktop window from its embedded files and connects', async () => {
    const { device } = await seedDevice(t);
    const { code } = (
      await t.http().post(`/api/devices/${device.id}/enrolment-code`).set(bearer(t.adminToken)).expect(201)
    ).body;
    const home = mkdtempSync(join(tmpdir(), 'sb-agent-user-'));
    cleanupDirs.push(home);
    const env = { SWITCHBOARD_AGENT_CONFIG_DIR: join(home, 'config') };
    const enrol = new Executable(exe, ['enroll', t.baseUrl, code], env, home);
    running.push(enrol);
    expect(await enrol.exited).toBe(0);
    expect(await enrol.waitFor('enrolled')).toMatchObject({ deviceId: device.id });

    // A display that is not there: the tray helper it carries is unpacked, starts and gives up; the window stays.
    const desktop = new Executable(exe, ['desktop', '--no-open', '--language', 'en'], { ...env, DISPLAY: ':99' }, home);
    running.push(desktop);
    const { url } = await desktop.waitFor('desktop');
    expect(await desktop.waitFor('connected')).toMatchObject({ name: device.name });
    expect(await desktop.waitFor('tray', 20_000)).toMatchObject({ available: false });
    expect(statSync(join(home, 'config', 'traybin')).isDirectory()).toBe(true);

    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(new URL('/', url), { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="agent-app"');
    const script = await fetch(new URL('/app.js', url), { headers: { Cookie: cookie } });
    expect(await script.text()).toContain('EventSource');
    const state = await (await fetch(new URL('/api/state', url), { headers: { Cookie: cookie } })).json();
    expect(state).toMatchObject({ connection: 'online', device: { name: device.name } });
  });
});
