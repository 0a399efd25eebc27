import { SchedulerRegistry } from '@nestjs/schedule';
import { strictFake } from '@switchboard/testing';
import { FakeClock } from '../clock/fake-clock.js';
import { AppConfig } from '../config/app-config.js';
import { DeadlineEntity } from './deadline.entity.js';
import { DeadlineRepository } from './deadline.repository.js';
import { DeadlineScheduler } from './deadline-scheduler.service.js';

function row(over: Partial<DeadlineEntity>): DeadlineEntity {
  return Object.assign(new DeadlineEntity(), {
    id: 'd1',
    kind: 'k',
    key: null,
    payload: { a: 1 },
    dueAt: new Date(0),
    state: 'running',
    attempts: 1,
    maxAttempts: 3,
    ...over,
  });
}

describe('DeadlineScheduler', () => {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const config = Object.assign(new AppConfig(), { instanceId: 'me', runSchedulers: false });
  const calls: string[] = [];
  let claimed: DeadlineEntity[];
  const repo = strictFake<DeadlineRepository>('DeadlineRepository', {
    releaseStale: async () => 0,
    claimDue: async (now: Date, owner: string) => {
      calls.push(`claim ${owner} ${now.toISOString()}`);
      const out = claimed;
      claimed = [];
      return out;
    },
    complete: async (id: string) => void calls.push(`complete ${id}`),
    retryLater: async (id: string, _o: string, error: string, dueAt: Date) =>
      void calls.push(`retry ${id} ${error} ${dueAt.toISOString()}`),
    markFailed: async (id: string, _o: string, error: string) => void calls.push(`failed ${id} ${error}`),
  });
  const scheduler = new DeadlineScheduler(repo, clock, config, strictFake<SchedulerRegistry>('SchedulerRegistry', {}));

  beforeEach(() => {
    calls.length = 0;
    claimed = [];
  });

  it('runs the handler of a claimed timer and completes it', async () => {
    const seen: unknown[] = [];
    scheduler.register('ok', async (t) => void seen.push(t.payload));
    claimed = [row({ id: 'a', kind: 'ok' })];
    expect(await scheduler.sweep()).toBe(1);
    expect(seen).toEqual([{ a: 1 }]);
    expect(calls).toEqual(['claim me 2026-01-01T00:00:00.000Z', 'complete a']);
  });

  it('backs off exponentially on failure and gives up after maxAttempts', async () => {
    scheduler.register('boom', async () => {
      throw new Error('nope');
    });
    claimed = [row({ id: 'b', kind: 'boom', attempts: 2 })];
    await scheduler.sweep();
    expect(calls[1]).toBe('retry b nope 2026-01-01T00:00:04.000Z');
    claimed = [row({ id: 'b', kind: 'boom', attempts: 3 })];
    await scheduler.sweep();
    expect(calls[3]).toBe('failed b nope');
  });

  it('puts back a timer whose kind this instance does not know', async () => {
    claimed = [row({ id: 'c', kind: 'unknown.kind' })];
    await scheduler.sweep();
    expect(calls[1]).toBe('retry c no handler for unknown.kind on me 2026-01-01T00:00:30.000Z');
  });

  it('refuses two handlers for one kind', () => {
    scheduler.register('dup', async () => undefined);
    expect(() => scheduler.register('dup', async () => undefined)).toThrow(/already registered/);
  });

  it('define: one place declares the kind and its handler; the handle schedules that kind (in the given tx) and fires it', async () => {
    const upserts: unknown[][] = [];
    (repo as unknown as { upsert: unknown }).upsert = async (...args: unknown[]) => void upserts.push(args);
    const seen: string[] = [];
    const handle = scheduler.define({ kind: 'defined', process: async (t) => void seen.push(t.kind) });
    expect(handle.kind).toBe('defined');
    const tx = { manager: 'tx' } as never;
    await handle.schedule({ key: 'defined:1', dueAt: new Date(5) }, tx);
    expect(upserts).toHaveLength(1);
    expect(upserts[0][0]).toMatchObject({ kind: 'defined', key: 'defined:1', state: 'pending' });
    expect(upserts[0][1]).toBe(tx);
    claimed = [row({ id: 'e', kind: 'defined' })];
    await scheduler.sweep();
    expect(seen).toEqual(['defined']);
    expect(() => scheduler.define({ kind: 'defined', process: async () => undefined })).toThrow(/already registered/);
  });

  it('never runs two sweeps of one instance at the same time', async () => {
    claimed = [];
    const [a, b] = [scheduler.sweep(), scheduler.sweep()];
    await Promise.all([a, b]);
    expect(calls.filter((c) => c.startsWith('claim'))).toHaveLength(1);
  });
});
