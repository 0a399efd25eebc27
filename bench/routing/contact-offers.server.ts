// One API instance of the contact-offers benchmark in its own process (child of
// contact-offers.bench.ts with BENCH_SPLIT, the default): each instance gets an event loop, as two
// instances behind a load balancer do in production, and the bench's clients run in the parent.
// Speaks IPC only: { ready, baseUrl, database, adminToken } once listening, then answers
// { op: 'agents', count } (instance a: creates the technician accounts) and { op: 'tokens', ids }
// with the same message shape, and closes on { op: 'close' }. Exits when the parent goes away.
// BENCH_CPU_PROFILE=<file> writes <file>.<role>.cpuprofile (ready → close).
import './routing-bench-env.js';
import '../portal/bench-env.js';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createTestApp, registerAppFactory, type TestApp } from '@switchboard/testing';
import { createBenchAgents } from './bench-agents.helper.js';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

type Request = { op: 'agents'; count: number } | { op: 'tokens'; ids: string[] } | { op: 'close' };

async function main(): Promise<void> {
  const role = process.env.BENCH_ROLE ?? 'a';
  const shared = process.env.BENCH_DATABASE ? (JSON.parse(process.env.BENCH_DATABASE) as TestApp['database']) : null;
  const app = await createTestApp({
    plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }],
    instanceId: `bench-${role}`,
    redis: true,
    ...(shared ? { database: shared, seed: false } : {}),
  });
  const reply = (m: object) => process.send!(m);
  // BENCH_CPU_PROFILE=<file>: this instance's CPU profile from ready to close, as <file>.<role>.cpuprofile.
  const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : null;
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => profiler!.post(method, (e, r) => (e ? reject(e) : resolve(r))));
  if (profiler) {
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
  process.on('message', (m: Request) => {
    void (async () => {
      if (m.op === 'close') {
        if (profiler) {
          const { profile } = (await post('Profiler.stop')) as { profile: object };
          writeFileSync(`${process.env.BENCH_CPU_PROFILE}.${role}.cpuprofile`, JSON.stringify(profile));
        }
        await app.close();
        reply({ closed: true });
        return process.exit(0);
      }
      if (m.op === 'agents') return reply({ ids: await createBenchAgents(app, m.count) });
      reply({ tokens: m.ids.map((id) => app.tokenFor(id)) });
    })().catch((error: Error) => reply({ error: error.message }));
  });
  reply({ ready: true, baseUrl: app.baseUrl, database: app.database, adminToken: app.adminToken });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
