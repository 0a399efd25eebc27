// Benchmark: 5,000 connected helpdesk agents (/device) on one instance.
//   1. memory per idle device connection (JS heap + native buffers after GC, and RSS), target ≤ 60 KiB;
//   2. reconnect storm: the server restarts (same database, new process state); every agent comes
//      back by itself with backoff, resumes its chat; target: all 5,000 within 60 s, no duplicate chats
//      (100 active technician chats, 100 waiting user requests that the agents ask for again).
//
//   node --expose-gc -r ./scripts/register.cjs bench/agent/agent-connections.bench.ts               (SQLite)
//   BENCH_DB=postgres node --expose-gc -r ./scripts/register.cjs bench/agent/agent-connections.bench.ts
//
// The agents run in a child process (bench/agent/agent-connections.client.ts), so their memory and
// event loop are not the server's. Knobs: BENCH_AGENTS (5000), BENCH_CHATS (100 of each kind).
import './bench-env.js';
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompanyService, ContactService, FakeClock, newId } from '@switchboard/core';
import { createTestApp, createTestDatabase, registerAppFactory, REPO_ROOT, type TestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const AGENTS = Number(process.env.BENCH_AGENTS ?? 5000);
const CHATS = Number(process.env.BENCH_CHATS ?? 100);
const PLUGIN = 'plugins/channel-agent-chat';
const KiB = 1024;

function gc(): void {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
}
function memory(): { live: number; rss: number } {
  gc();
  const m = process.memoryUsage();
  // `external` already includes `arrayBuffers` (socket buffers).
  return { live: m.heapUsed + m.external, rss: m.rss };
}
const settle = () => new Promise((r) => setTimeout(r, 1500));

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');
  if (!existsSync(join(REPO_ROOT, PLUGIN, 'dist/index.js'))) {
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsc', '-p', join(REPO_ROOT, PLUGIN, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  const driver = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
  const db = await createTestDatabase();
  const clock = new FakeClock();
  let t: TestApp = await createTestApp({
    plugins: [{ name: PLUGIN, enable: true }],
    database: { url: db.url, dataDir: db.dataDir },
    clock,
  });
  const child = fork(join(__dirname, 'agent-connections.client.ts'), [], {
    execArgv: ['-r', join(REPO_ROOT, 'scripts/register.cjs')],
  });
  const ask = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      child.once('message', (m: { error?: string }) =>
        m.error ? reject(new Error(`${m.error} ${JSON.stringify(m)}`)) : resolve(m as T),
      );
      child.send(msg);
    });
  try {
    const ds = t.get(DataSource);
    const company = await t.get(CompanyService).create({ name: 'Bench Devices Co' });
    const contact = await t
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'Bench', lastName: 'User', email: 'bench.user@example.com' });
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ value: true, companyId: company.id })
      .expect(200);
    await t
      .http()
      .put('/api/me/availability')
      .set('Authorization', `Bearer ${t.technicianToken}`)
      .send({ available: true })
      .expect(200);
    // Devices as plain rows (tokens hashed like DeviceService does); the last CHATS have a contact (user requests).
    const tokens: string[] = [];
    const ids: string[] = [];
    const rows = Array.from({ length: AGENTS }, (_, i) => {
      const token = `sbd_${randomBytes(32).toString('base64url')}`;
      const id = newId();
      tokens.push(token);
      ids.push(id);
      return {
        id,
        companyId: company.id,
        name: `BENCH-${i}`,
        os: 'Windows 11',
        helpdeskAgentEnabled: true,
        contactId: i >= AGENTS - CHATS ? contact.id : null,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        lastSeenAt: null,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await ds.getRepository('DeviceEntity').insert(rows.slice(i, i + 500));

    const { port } = await ask<{ port: number }>({ cmd: 'listen', port: Number(new URL(t.baseUrl).port) });
    const url = `http://127.0.0.1:${port}`;
    await settle();
    const before = memory();
    const connected = await ask<{ connected: number; ms: number }>({ cmd: 'connect', url, tokens });
    await settle();
    const after = memory();
    const perLive = (after.live - before.live) / connected.connected / KiB;
    const perRss = (after.rss - before.rss) / connected.connected / KiB;

    // Chats: CHATS technician requests (auto-accepted by the agents) and CHATS waiting user requests.
    for (let i = 0; i < CHATS; i++) {
      await t
        .http()
        .post('/api/agent-chats')
        .set('Authorization', `Bearer ${t.technicianToken}`)
        .send({ deviceId: ids[i] })
        .expect(201);
    }
    const requested = await ask<{ statuses: string[] }>({
      cmd: 'request',
      indices: Array.from({ length: CHATS }, (_, i) => AGENTS - CHATS + i),
    });
    const count = async (where = '') =>
      Number(
        (
          await t.get(DataSource).query(`SELECT COUNT(*) AS n FROM "conversations" WHERE "channel" = 'agent' ${where}`)
        )[0].n,
      );
    const waitActive = Date.now() + 30_000;
    while ((await count(`AND "status" = 'active'`)) < CHATS && Date.now() < waitActive)
      await new Promise((r) => setTimeout(r, 100));
    const beforeRestart = {
      total: await count(),
      active: await count(`AND "status" = 'active'`),
      waiting: await count(`AND "status" = 'waiting'`),
    };

    // Restart: a new app on the same database; the relay (the "load balancer") points at it.
    const restartAt = performance.now();
    await t.close();
    t = await createTestApp({
      plugins: [{ name: PLUGIN, enable: true }],
      database: { url: db.url, dataDir: db.dataDir },
      clock,
      seed: false,
    });
    await ask({ cmd: 'restart', port: Number(new URL(t.baseUrl).port) });
    const back = await ask<{ back: number; ms: number; reconnects: number }>({ cmd: 'await-back', timeoutMs: 120_000 });
    const stormMs = performance.now() - restartAt;
    const q = t.get(DataSource);
    const afterRestart = {
      total: Number((await q.query(`SELECT COUNT(*) AS n FROM "conversations" WHERE "channel" = 'agent'`))[0].n),
      openDevices: Number(
        (
          await q.query(
            `SELECT COUNT(DISTINCT "channelInstanceId") AS n FROM "conversations" WHERE "channel" = 'agent' AND "status" <> 'ended'`,
          )
        )[0].n,
      ),
      open: Number(
        (
          await q.query(`SELECT COUNT(*) AS n FROM "conversations" WHERE "channel" = 'agent' AND "status" <> 'ended'`)
        )[0].n,
      ),
    };
    const sockets = back.back;

    const lines = [
      `agent connections (${driver}, Node ${process.version}): ${connected.connected} helpdesk agents connected in ${(connected.ms / 1000).toFixed(1)} s`,
      `  memory per idle device connection: ${perLive.toFixed(1)} KiB (JS heap + external after GC), ${perRss.toFixed(1)} KiB RSS   target ≤ 60 KiB`,
      `  chats before restart: ${beforeRestart.active} active (technician requests accepted), ${beforeRestart.waiting} waiting user requests (${requested.statuses.filter((s) => s === 'waiting').length} answered "waiting"), ${beforeRestart.total} in all`,
      `reconnect storm: server restarted, ${sockets}/${AGENTS} agents back and resumed in ${(stormMs / 1000).toFixed(1)} s (${(back.ms / 1000).toFixed(1)} s after the new instance listened; ${back.reconnects} reconnects)   target ≤ 60 s`,
      `  chats after: ${afterRestart.total} in all, ${afterRestart.open} open on ${afterRestart.openDevices} devices (duplicates: ${afterRestart.total - beforeRestart.total + (afterRestart.open - afterRestart.openDevices)})`,
    ];
    console.log(lines.join('\n'));
    const ok =
      perLive <= 60 &&
      stormMs <= 60_000 &&
      back.back === AGENTS &&
      afterRestart.total === beforeRestart.total &&
      afterRestart.open === afterRestart.openDevices;
    console.log(ok ? 'PASS' : 'FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await ask({ cmd: 'stop' }).catch(() => undefined);
    await t.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
