// Issue #15.11: the helpdesk agent as a user meets it. It says at once when chat is off for the
// company (no name/email/code first), quits without connection noise, and its `bin` (what
// `npx switchboard-agent` runs) is a committed launcher that works before and after the build.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type TestApp } from '@switchboard/testing';
import {
  AgentProcess,
  cleanupDirs,
  createAgentChatApp,
  enrolAgent,
  outbox,
  removeDirs,
  seedDevice,
  setAvailable,
} from './agent-chat.helpers.js';

describe('helpdesk agent program (real process)', () => {
  let t: TestApp;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    t = await createAgentChatApp();
    await setAvailable(t, t.technicianToken, true);
  });
  afterEach(() => agents.splice(0).forEach((a) => a.kill()));
  afterAll(async () => {
    await t?.close();
    removeDirs();
  });

  async function agentFor(
    command: 'chat' | 'start',
    options: Parameters<typeof seedDevice>[1] = {},
    extra: string[] = [],
    env: NodeJS.ProcessEnv = {},
  ) {
    const seeded = await seedDevice(t, options);
    const dir = await enrolAgent(t, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = new AgentProcess([command, ...extra], dir, REPO_ROOT, env);
    agents.push(agent);
    await agent.waitFor('connected');
    return agent;
  }

  const noise = /Connection lost|reconnecting|Error:|socket has been disconnected/i;

  it('chat off for the company: says so at once, before asking who the user is', async () => {
    const agent = await agentFor('chat', { chatEnabled: false, assigned: false });
    expect(await agent.waitFor('chat-disabled')).toMatchObject({ code: 'CHAT_DISABLED' });
    expect(await agent.exited).toBe(1);
    expect(agent.events.filter((e) => e.type === 'prompt')).toEqual([]);
    expect(agent.output()).toContain('Chat with a technician is not enabled for your organisation');
    expect(agent.output()).not.toMatch(noise);
  });

  it('chat off, device assigned to a contact: no "Chat as …?" question either', async () => {
    const agent = await agentFor('chat', { chatEnabled: false });
    await agent.waitFor('chat-disabled');
    expect(await agent.exited).toBe(1);
    expect(agent.events.filter((e) => e.type === 'prompt')).toEqual([]);
  });

  it('chat on: still asks who is there; /quit at that question leaves quietly', async () => {
    const agent = await agentFor('chat', { assigned: false });
    await agent.waitFor('prompt', (e) => e.kind === 'name');
    agent.type('/quit');
    expect(await agent.exited).toBe(0);
    expect(agent.output()).not.toMatch(noise);
  });

  it('/quit in start mode ends quietly with code 0', async () => {
    const agent = await agentFor('start');
    agent.type('/quit');
    expect(await agent.exited).toBe(0);
    expect(agent.events.map((e) => e.type)).not.toContain('disconnected');
    expect(agent.output()).not.toMatch(noise);
  });

  // Issue #16.5: the agent in French (override or system locale); the code mail follows it.
  it('--language fr: French prompts, a French code mail, French words for a known error code', async () => {
    const agent = await agentFor('chat', { assigned: false }, ['--language', 'fr']);
    expect(agent.output()).toMatch(/^Connecté à .* en tant que LAPTOP-\d+\.$/m);
    await agent.answer('name', 'Zoé Martin');
    expect(agent.output()).toContain('Vos prénom et nom :');
    const email = `zoe.${Date.now()}@acme.example`;
    await agent.answer('email', email);
    expect(agent.output()).toContain('Votre adresse e-mail :');
    await agent.waitFor('identity-sent');
    expect(agent.output()).toContain(
      `Nous avons envoyé un code de confirmation à ${email}. Il est valable 15 minutes.`,
    );
    const mail = (await outbox(t)).find((m) => m.to.includes(email));
    expect(mail?.subject).toMatch(/^Votre code de confirmation/);
    const code = /\b(\d{8})\b/.exec(mail!.text)![1];
    await agent.answer('code', code === '00000000' ? '11111111' : '00000000');
    expect((await agent.waitFor('error')).code).toBe('INVALID_TOKEN');
    expect(agent.output()).toContain("Ce code de confirmation n'est pas valide ou a expiré ; demandez-en un nouveau.");
    expect(agent.output()).toContain('Code de confirmation :');
    agent.type('/quit');
    expect(await agent.exited).toBe(0);
  });

  it('LANG=fr_FR.UTF-8 (no override): French from the system locale', async () => {
    const agent = await agentFor('chat', { chatEnabled: false }, [], {
      SWITCHBOARD_AGENT_LANGUAGE: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'fr_FR.UTF-8',
    });
    await agent.waitFor('chat-disabled');
    expect(await agent.exited).toBe(1);
    expect(agent.output()).toContain("La discussion avec un technicien n'est pas activée pour votre organisation.");
  });

  it('--language with another value: a clear error, exit code 64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-agent-'));
    cleanupDirs.push(dir);
    const agent = new AgentProcess(['chat', '--language', 'de'], dir);
    agents.push(agent);
    expect(await agent.exited).toBe(64);
    expect(agent.output()).toContain('--language takes en or fr (got "de")');
  });

  it('end of input (Ctrl+D) while waiting for a technician ends quietly', async () => {
    const agent = await agentFor('chat');
    await agent.answer('chat-as', 'y');
    await agent.waitFor('waiting');
    agent.endInput();
    expect(await agent.exited).toBe(0);
    expect(agent.events.map((e) => e.type)).not.toContain('disconnected');
    expect(agent.output()).not.toMatch(noise);
  });
});

describe('switchboard-agent bin (npx switchboard-agent)', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/agent/package.json'), 'utf8'));
  const binPath: string = pkg.bin['switchboard-agent'];
  afterAll(removeDirs);

  it('points at a committed file outside dist/ (npm links bins at install, before any build)', () => {
    expect(binPath).not.toMatch(/(^|\/)dist\//);
    const file = join(REPO_ROOT, 'apps/agent', binPath);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(file).mode & 0o111).not.toBe(0);
    // Not git-ignored (dist/ is): a fresh clone has it.
    const ignored = spawnSync('git', ['check-ignore', '-q', join('apps/agent', binPath)], { cwd: REPO_ROOT });
    expect(ignored.status).toBe(1);
  });

  it('runs the built program, or says clearly that it is not built', () => {
    // The launcher in a package layout of its own: bin/ next to a dist/ that appears later.
    const root = mkdtempSync(join(tmpdir(), 'sb-agent-bin-'));
    cleanupDirs.push(root);
    mkdirSync(join(root, 'bin'));
    const launcher = join(root, 'bin', 'switchboard-agent.js');
    copyFileSync(join(REPO_ROOT, 'apps/agent', binPath), launcher);
    chmodSync(launcher, 0o755);

    const before = spawnSync(launcher, ['help'], { encoding: 'utf8' });
    expect(before.status).toBe(69);
    expect(before.stderr).toContain('switchboard-agent is not built yet: run "npm run build"');

    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'main.js'), 'process.stdout.write("built:" + process.argv.slice(2).join(","));');
    const after = spawnSync(launcher, ['chat', '--events'], { encoding: 'utf8' });
    expect(after.status).toBe(0);
    expect(after.stdout).toBe('built:chat,--events');
  });
});
