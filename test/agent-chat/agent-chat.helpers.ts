import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompanyService, ContactService, DeviceService } from '@switchboard/core';
import { createTestApp, REPO_ROOT, type TestApp, type TestAppOptions } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';

export const AGENT_CHAT_PLUGIN = { name: 'plugins/channel-agent-chat', enable: true };
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const deviceAuth = (token: string) => ({ Authorization: `Device ${token}` });

export function createAgentChatApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestApp({ plugins: [AGENT_CHAT_PLUGIN], ...options });
}

let seq = 0;

/** A company (chat enabled unless told otherwise), a contact, and a device assigned to that contact (or to nobody). */
export async function seedDevice(
  t: TestApp,
  options: { chatEnabled?: boolean; assigned?: boolean; helpdeskAgentEnabled?: boolean } = {},
) {
  const n = ++seq;
  const company = await t.get(CompanyService).create({ name: `Acme ${n} ${Date.now()}` });
  const contact = await t.get(ContactService).create({
    companyId: company.id,
    firstName: 'Melissa',
    lastName: `Jones${n}`,
    email: `melissa${n}.${Date.now()}@acme.example`,
  });
  const { device, token } = await t.get(DeviceService).create({
    companyId: company.id,
    name: `LAPTOP-${n}`,
    os: 'Windows 11',
    contactId: options.assigned === false ? null : contact.id,
    helpdeskAgentEnabled: options.helpdeskAgentEnabled ?? true,
  });
  if (options.chatEnabled !== false) {
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set(bearer(t.adminToken))
      .send({ value: true, companyId: company.id })
      .expect(200);
  }
  return { company, contact, device, token };
}

export async function setAvailable(t: TestApp, token: string, available: boolean): Promise<void> {
  await t.http().put('/api/me/availability').set(bearer(token)).send({ available }).expect(200);
}

export async function ack<T = any>(socket: Socket, event: string, payload: unknown = {}): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

export async function outbox(t: TestApp) {
  const res = await t.http().get('/api/outbox?limit=200').set(bearer(t.adminToken)).expect(200);
  return res.body.items as { to: string[]; subject: string; text: string }[];
}

export interface AgentEvent {
  type: string;
  [key: string]: any;
}

/**
 * The real helpdesk agent (apps/agent) as a child process with real stdin/stdout, run from its
 * TypeScript sources. Waits on its `@event {json}` lines; keeps the human lines for diagnostics.
 */
export class AgentProcess {
  readonly events: AgentEvent[] = [];
  readonly lines: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<number>;

  constructor(
    args: string[],
    readonly configDir: string,
    cwd = REPO_ROOT,
    /** Extra environment (e.g. LANG); the agent speaks English unless told otherwise, whatever the machine's locale. */
    env: NodeJS.ProcessEnv = {},
  ) {
    this.child = spawn(
      process.execPath,
      ['-r', join(REPO_ROOT, 'scripts/register.cjs'), join(REPO_ROOT, 'apps/agent/src/main.ts'), ...args, '--events'],
      {
        cwd,
        env: {
          ...process.env,
          SWITCHBOARD_AGENT_LANGUAGE: 'en',
          ...env,
          SWITCHBOARD_AGENT_CONFIG_DIR: configDir,
          SWITCHBOARD_AGENT_RECONNECT_MS: '200',
        },
      },
    );
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
        for (const l of this.listeners) l();
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.lines.push(`[stderr] ${chunk}`));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }

  /** The next event of `type` (after `from`) matching `where`; fails with the agent's output. */
  waitFor(
    type: string,
    where: (e: AgentEvent) => boolean = () => true,
    timeoutMs = 8000,
    from = 0,
  ): Promise<AgentEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.slice(from).find((e) => e.type === type && where(e));
        if (!hit) return false;
        cleanup();
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `agent: no "${type}" event within ${timeoutMs} ms\n--- output ---\n${this.lines.join('\n')}\n--- events ---\n${this.events.map((e) => JSON.stringify(e)).join('\n')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check as () => void);
      };
      if (check()) return;
      this.listeners.add(check as () => void);
    });
  }

  /** Waits for the agent's next question of this kind, then types the answer. */
  async answer(kind: string, text: string, from = this.promptCursor): Promise<void> {
    const prompt = await this.waitFor('prompt', (e) => e.kind === kind, 8000, from);
    this.promptCursor = this.events.indexOf(prompt) + 1;
    this.type(text);
  }

  private promptCursor = 0;

  type(line: string): void {
    this.child.stdin.write(line + '\n');
  }

  /** Closes the agent's stdin (Ctrl+D in a terminal). */
  endInput(): void {
    this.child.stdin.end();
  }

  output(): string {
    return this.lines.join('\n');
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** A config directory enrolled through the real `enroll` command with an admin's one-time code. */
export async function enrolAgent(t: TestApp, deviceId: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-agent-'));
  const { code } = (
    await t.http().post(`/api/devices/${deviceId}/enrolment-code`).set(bearer(t.adminToken)).expect(201)
  ).body;
  const agent = new AgentProcess(['enroll', t.baseUrl, code], dir);
  const exit = await agent.exited;
  if (exit !== 0) throw new Error(`enroll failed (${exit}):\n${agent.output()}`);
  return dir;
}

export const cleanupDirs: string[] = [];
export function removeDirs(): void {
  for (const d of cleanupDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
