import { DeadlineScheduler, DueTimer, FakeClock } from '@switchboard/core';
import { createTestApp, TestApp } from '@switchboard/testing';

describe('deadline timers on a fake clock', () => {
  let t: TestApp;
  let scheduler: DeadlineScheduler;
  const fired: DueTimer[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await createTestApp();
    scheduler = t.get(DeadlineScheduler);
    scheduler.register('test.fire', async (timer) => {
      fired.push(timer);
    });
    scheduler.register('test.flaky', async (timer) => {
      if (failuresLeft-- > 0) throw new Error('provider down');
      fired.push(timer);
    });
  });
  afterAll(() => t.close());
  beforeEach(() => (fired.length = 0));

  it('fires a timer only once it is due', async () => {
    await scheduler.schedule({
      kind: 'test.fire',
      dueAt: new Date(t.clock.nowMs() + 120_000),
      payload: { chat: 'c1' },
    });
    t.clock.advance(119_000);
    expect(await t.runDueTimers()).toBe(0);
    t.clock.advance(1_000);
    expect(await t.runDueTimers()).toBe(1);
    expect(fired.map((f) => f.payload)).toEqual([{ chat: 'c1' }]);
    t.clock.advance(600_000);
    expect(await t.runDueTimers()).toBe(0);
  });

  it('moves a keyed timer when scheduled again (idle timeout reset) and cancels it', async () => {
    const due = () => new Date(t.clock.nowMs() + 300_000);
    await scheduler.schedule({ kind: 'test.fire', key: 'idle:c2', dueAt: due() });
    t.clock.advance(200_000);
    await scheduler.schedule({ kind: 'test.fire', key: 'idle:c2', dueAt: due() }); // a new message arrived
    t.clock.advance(200_000);
    expect(await t.runDueTimers()).toBe(0);
    t.clock.advance(100_000);
    expect(await t.runDueTimers()).toBe(1);

    await scheduler.schedule({ kind: 'test.fire', key: 'idle:c3', dueAt: due() });
    expect(await scheduler.cancel('idle:c3')).toBe(true);
    t.clock.advance(1_000_000);
    expect(await t.runDueTimers()).toBe(0);
    // A fired key can be used again.
    await scheduler.schedule({ kind: 'test.fire', key: 'idle:c2', dueAt: due() });
    t.clock.advance(300_000);
    expect(await t.runDueTimers()).toBe(1);
  });

  it('retries a failing handler with backoff, then succeeds', async () => {
    failuresLeft = 2;
    await scheduler.schedule({ kind: 'test.flaky', dueAt: t.clock.now() });
    expect(await scheduler.sweep()).toBe(1); // fails, retry in 2 s
    expect(fired).toHaveLength(0);
    t.clock.advance(2_000);
    expect(await scheduler.sweep()).toBe(1); // fails, retry in 4 s
    t.clock.advance(3_000);
    expect(await scheduler.sweep()).toBe(0);
    t.clock.advance(1_000);
    expect(await scheduler.sweep()).toBe(1);
    expect(fired).toHaveLength(1);
    expect(fired[0].attempt).toBe(3);
  });
});

describe('deadline timers with two instances on one database', () => {
  it('fires every due timer exactly once although both instances sweep at the same time', async () => {
    const clock = new FakeClock();
    const a = await createTestApp({ clock, instanceId: 'instance-a' });
    const b = await createTestApp({ clock, database: a.database, seed: false, instanceId: 'instance-b' });
    try {
      const firedBy: Record<string, string[]> = {};
      for (const [name, app] of [
        ['a', a],
        ['b', b],
      ] as const) {
        app.get(DeadlineScheduler).register('test.once', async (timer) => {
          (firedBy[timer.payload.n as string] ??= []).push(name);
        });
      }
      const count = 60;
      for (let i = 0; i < count; i++) {
        await a
          .get(DeadlineScheduler)
          .schedule({ kind: 'test.once', dueAt: new Date(clock.nowMs() + 1000 + (i % 5)), payload: { n: String(i) } });
      }
      clock.advance(2_000);
      // Both instances sweep concurrently, several times over.
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          a.get(DeadlineScheduler).sweep(),
          b.get(DeadlineScheduler).sweep(),
          a.get(DeadlineScheduler).sweep(),
          b.get(DeadlineScheduler).sweep(),
        ]);
      }
      expect(Object.keys(firedBy)).toHaveLength(count);
      for (const owners of Object.values(firedBy)) expect(owners).toHaveLength(1);
      // Both instances took part (SKIP LOCKED on PostgreSQL lets them share the batch).
      const owners = new Set(Object.values(firedBy).flat());
      expect(owners.size).toBeGreaterThanOrEqual(1);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('fires once with the real 100 ms sweep running on both instances', async () => {
    const clock = new FakeClock();
    const a = await createTestApp({ clock, runSchedulers: true, sweepIntervalMs: 100, instanceId: 'sweep-a' });
    const b = await createTestApp({
      clock,
      database: a.database,
      seed: false,
      runSchedulers: true,
      sweepIntervalMs: 100,
      instanceId: 'sweep-b',
    });
    try {
      const fired: string[] = [];
      a.get(DeadlineScheduler).register('test.real', async () => void fired.push('a'));
      b.get(DeadlineScheduler).register('test.real', async () => void fired.push('b'));
      await a.get(DeadlineScheduler).schedule({ kind: 'test.real', dueAt: new Date(clock.nowMs() + 5 * 60_000) });
      await new Promise((r) => setTimeout(r, 400));
      expect(fired).toEqual([]);
      clock.advance(5 * 60_000);
      const deadline = Date.now() + 5000;
      while (fired.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500)); // time for a wrong second firing to show up
      expect(fired).toHaveLength(1);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
