// Benchmark: 1,000 concurrent portal chats (a visitor socket on /portal and a technician socket on
// /agent each) through the real app: handshake authentication, validation, group-committed
// persistence, room fan-out (and whatever outbound masking the core applies to realtime).
// Reports saturation throughput, delivery latency p50/p99 at a fixed 1,000 msg/s and server memory
// per idle connection. Loopback only; bounded phases; exits by itself.
//
//   node --expose-gc -r ./scripts/register.cjs bench/portal/portal-chats.bench.ts               (SQLite)
//   BENCH_DB=postgres node --expose-gc -r ./scripts/register.cjs bench/portal/portal-chats.bench.ts
//
// The socket clients run in a child process (bench/portal/portal-chats.client.ts) so they do not
// share the server's event loop. Knobs: BENCH_CHATS (1000), BENCH_TECHS (50 accounts), BENCH_SAT_MS
// (5000), BENCH_RATE (1000 msg/s), BENCH_RATE_MS (10000), BENCH_CPU_PROFILE (a .cpuprofile file of the
// server during the saturation phase, or allocations when the name ends in .heapprofile), BENCH_TRACE=1
// (p99 per second of the fixed-rate phase and the server's GC pauses over 5 ms, on stderr).
import './bench-env.js';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompanyService, newId } from '@switchboard/core';
import { createTestApp, registerAppFactory, REPO_ROOT } from '@switchboard/testing';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const CHATS = Number(process.env.BENCH_CHATS ?? 1000);
const TECHS = Number(process.env.BENCH_TECHS ?? 50);
const PLUGIN = 'plugins/channel-portal-livechat';

/** Live JS heap + native buffers after GC: RSS never shrinks after the setup's allocations, so it hides the sockets. */
function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Waits (at most 60 s) until the server's event loop is mostly idle over a 250 ms window. */
async function settle(): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 60_000) {
    const e0 = performance.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, 250));
    if (performance.eventLoopUtilization(e0).utilization < 0.1) break;
  }
  return Date.now() - start;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const perMessage = (ms: number, messages: number): number => Math.round((ms * 1000) / Math.max(1, messages));

/** CPU time (user + system) of every PostgreSQL process on this machine (Linux /proc), or null. */
function postgresCpuMs(): number | null {
  if (!process.env.TEST_DATABASE_URL || !existsSync('/proc/self/stat')) return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return (total * 1000) / tick;
}

/** BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the server during the saturation phase only. */
async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  // A .heapprofile file name samples allocations instead of CPU time.
  const heap = file.endsWith('.heapprofile');
  if (heap)
    await post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  else {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  return async () => {
    const { profile } = await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main(): Promise<void> {
  // The plugin loads from its dist/ like any plugin: build it when missing.
  if (!existsSync(join(REPO_ROOT, PLUGIN, 'dist/index.js'))) {
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsc', '-p', join(REPO_ROOT, PLUGIN, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  const driver = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
  const t = await createTestApp({ plugins: [{ name: PLUGIN, enable: true }] });
  const child = fork(join(__dirname, 'portal-chats.client.ts'), [], {
    execArgv: ['-r', join(REPO_ROOT, 'scripts/register.cjs')],
  });
  const ask = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      child.once('message', (m: { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m as T)));
      child.send(msg);
    });
  try {
    const ds = t.get(DataSource);
    const company = await t.get(CompanyService).create({ name: 'Bench Portal Co' });
    await t
      .http()
      .post('/api/portals')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ companyId: company.id, subdomain: 'bench', status: 'active' })
      .expect(201);
    // Technicians as plain rows (no password hashing); unavailable, so no notifications are stored.
    const techIds = Array.from({ length: TECHS }, () => newId());
    for (const [i, id] of techIds.entries()) {
      await ds.query(
        `INSERT INTO "accounts" ("id", "name", "email", "passwordHash", "role") VALUES (${driver === 'postgres' ? '$1, $2, $3, $4, $5' : '?, ?, ?, ?, ?'})`,
        [id, `Tech ${i}`, `tech${i}@bench.local`, 'x', 'technician'],
      );
    }
    const pairs: Array<{ visitorToken: string; techToken: string; conversationId: string }> = [];
    const setupStart = Date.now();
    for (let i = 0; i < CHATS; i++) {
      const chat = (
        await t
          .http()
          .post('/api/public/portals/bench/chats')
          .send({
            firstName: 'Visitor',
            lastName: String(i),
            email: `v${i}@bench.example`,
            question: 'Benchmark question',
          })
          .expect(201)
      ).body;
      const techToken = t.tokenFor(techIds[i % TECHS]);
      await t.http().post(`/api/cases/${chat.caseId}/assign`).set('Authorization', `Bearer ${techToken}`).expect(200);
      pairs.push({ visitorToken: chat.token, techToken, conversationId: chat.conversationId });
    }
    const setupMs = Date.now() - setupStart;
    const before = memory();
    await ask({ type: 'connect', baseUrl: t.baseUrl, pairs });
    await new Promise((r) => setTimeout(r, 1000));
    const after = memory();
    const perConnection = (after - before) / (CHATS * 2);
    // Warm-up: the first messages of each chat refresh the case preview (dashboard updates); the
    // measured phases are steady-state chat traffic.
    await ask({ type: 'warmup' });
    // The warm-up's own side effects (preview refreshes, each a case.updated to every technician
    // socket of the company) run after its acks: let them finish so they are not billed to the phases.
    const settleMs = await settle();
    const elu0 = performance.eventLoopUtilization();
    const stopProfile = await startCpuProfile(process.env.BENCH_CPU_PROFILE);
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuMs();
    const sat = await ask<{ acked: number; delivered: number; ms: number; errors: number; clientCpuMs: number }>({
      type: 'saturate',
      ms: Number(process.env.BENCH_SAT_MS ?? 5000),
    });
    const satElu = performance.eventLoopUtilization(elu0).utilization;
    const serverCpuMs = cpuMs(process.cpuUsage(cpu0));
    const pgCpuMs = pg0 === null ? null : postgresCpuMs()! - pg0;
    await stopProfile();
    const gcPauses: Array<{ at: number; ms: number; kind: number }> = [];
    const { PerformanceObserver } = await import('node:perf_hooks');
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.duration > 5)
          gcPauses.push({
            at: Math.round(e.startTime),
            ms: +e.duration.toFixed(1),
            kind: (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0,
          });
    });
    if (process.env.BENCH_TRACE) gcObserver.observe({ entryTypes: ['gc'] });
    const rateStart = Math.round(performance.now());
    const rate = await ask<{ sent: number; delivered: number; p50: number; p99: number; max: number; errors: number }>({
      type: 'rate',
      perSecond: Number(process.env.BENCH_RATE ?? 1000),
      ms: Number(process.env.BENCH_RATE_MS ?? 10_000),
    });
    gcObserver.disconnect();
    if (process.env.BENCH_TRACE)
      console.error(
        'server GC pauses over 5 ms in the rate phase (s, ms, kind):',
        gcPauses.map((g) => `${((g.at - rateStart) / 1000).toFixed(1)}s ${g.ms}ms k${g.kind}`).join(', '),
      );
    const stored = Number((await ds.query('SELECT COUNT(*) AS n FROM "conversation_messages"'))[0].n);
    // Group commit correctness under load: every conversation's seqs are dense (1..lastSeq, no gap or repeat).
    const seqErrors = Number(
      (
        await ds.query(`SELECT COUNT(*) AS n FROM "conversations" c WHERE c."lastSeq" <> (SELECT COUNT(DISTINCT m."seq") FROM "conversation_messages" m WHERE m."conversationId" = c."id")
      OR c."lastSeq" <> (SELECT COALESCE(MAX(m."seq"), 0) FROM "conversation_messages" m WHERE m."conversationId" = c."id")`)
      )[0].n,
    );
    const result = {
      driver,
      chats: CHATS,
      sockets: CHATS * 2,
      technicianAccounts: TECHS,
      setupMs,
      settleAfterWarmupMs: settleMs,
      saturation: {
        messagesPerSecond: Math.round((sat.acked * 1000) / sat.ms),
        deliveredPerSecond: Math.round((sat.delivered * 1000) / sat.ms),
        errors: sat.errors,
        serverEventLoopUtilization: +satElu.toFixed(2),
        // CPU per acknowledged message, by process: where the two cores went.
        cpuMicrosecondsPerMessage: {
          server: perMessage(serverCpuMs, sat.acked),
          clients: perMessage(sat.clientCpuMs, sat.acked),
          postgres: pgCpuMs === null ? null : perMessage(pgCpuMs, sat.acked),
        },
      },
      fixedRate: {
        target: Number(process.env.BENCH_RATE ?? 1000),
        sent: rate.sent,
        delivered: rate.delivered,
        p50Ms: rate.p50,
        p99Ms: rate.p99,
        maxMs: rate.max,
        errors: rate.errors,
      },
      memory: {
        heapPlusExternalBeforeMiB: +(before / 1048576).toFixed(1),
        afterMiB: +(after / 1048576).toFixed(1),
        perIdleConnectionKiB: +(perConnection / 1024).toFixed(1),
        rssMiB: +(process.memoryUsage().rss / 1048576).toFixed(1),
      },
      storedMessages: stored,
      conversationsWithSeqErrors: seqErrors,
      node: process.version,
      nodeFlags: process.execArgv.filter((a) => a.startsWith('--') && a !== '--expose-gc'),
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, `bench/results/portal-chats-${driver}.json`), JSON.stringify(result, null, 2) + '\n');
  } finally {
    child.send({ type: 'exit' });
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
