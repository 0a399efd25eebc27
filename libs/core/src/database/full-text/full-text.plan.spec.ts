import type { DataSource, EntityManager } from 'typeorm';
import { planFullText, type FullTextPlan, type FullTextRead } from './full-text.plan.js';

/** A DataSource whose transaction records the planner settings sent, and each step with the settings it ran under. */
function fakeDataSource(type: 'postgres' | 'sqlite') {
  const settings: string[] = [];
  const manager = { query: (sql: string) => (settings.push(sql), Promise.resolve([])) } as unknown as EntityManager;
  const ds = {
    options: { type },
    manager,
    transaction: <T>(fn: (m: EntityManager) => Promise<T>) => fn(manager),
  } as unknown as DataSource;
  return { ds, settings };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id${i}` }));

/** A plan whose steps log what they were asked; `matches` rows match, the window is `windowRows` rows with `inWindow` matches. */
function plan(settings: string[], opts: { matches: number; inWindow: number; rows: number | null }) {
  const steps: string[] = [];
  const last = () => settings[settings.length - 1];
  const p: FullTextPlan<FullTextRead & { rows: number }> = {
    bound: (_m, rows) => (
      steps.push(`bound ${rows} | ${last()}`),
      Promise.resolve(opts.rows === null ? null : { value: 1, id: 'b' })
    ),
    probe: (_m, limit) => (
      steps.push(`probe ${limit} | ${last()}`),
      Promise.resolve(ids(Math.min(limit, opts.matches)))
    ),
    run: (_m, read) => {
      steps.push(`run ${read.bound ? 'bound' : read.ids ? `ids ${read.ids.length}` : 'all'} | ${last()}`);
      return Promise.resolve({ ...read, rows: read.bound ? opts.inWindow : opts.matches });
    },
    full: (r) => r.rows >= 10,
  };
  return { p, steps };
}

/** The steps without the settings they ran under ("bound 100 | SET …" → "bound 100"). */
const names = (steps: string[]) => steps.map((s) => s.split(' |')[0]);

describe('planFullText', () => {
  const limits = { windowRows: 100, probeLimit: 50, wideRows: 1000 };
  /** The window is not filled, the probe is full, the wider window is walked. */
  const WIDER_WALK = ['bound 100', 'run bound', 'probe 50', 'bound 1000', 'run bound'];

  it('PostgreSQL, a dense term: the newest rows fill the page in a bounded walk (bitmap off), no probe', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 10_000, inWindow: 10, rows: 100 });
    expect((await planFullText(ds, p, limits)).bound).toEqual({ value: 1, id: 'b' });
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatch(/^bound 100 \|.*enable_bitmapscan = off/);
    expect(steps[1]).toMatch(/^run bound \|.*enable_bitmapscan = off/);
  });

  it('PostgreSQL, a rare term: the window is not filled, the probe (bitmap only) finds fewer ids than its limit, only those are read', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 3, inWindow: 0, rows: 100 });
    expect((await planFullText(ds, p, limits)).ids).toEqual(['id0', 'id1', 'id2']);
    expect(steps[2]).toMatch(
      /^probe 50 \|.*enable_bitmapscan = on.*enable_indexscan = off.*enable_indexonlyscan = off/,
    );
    expect(steps[3]).toMatch(/^run ids 3 \|.*enable_seqscan = on.*enable_indexscan = on/);
  });

  it('PostgreSQL, many matches, few among the newest: the wider bounded walk fills the page', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 5_000, inWindow: 2, rows: 100 });
    // The wider window holds a page (the fake answers per bound: 2 in the first, 12 in the wider one).
    let bounds = 0;
    const run = p.run;
    p.run = (m, read) => run(m, read).then((r) => (read.bound && ++bounds === 2 ? { ...r, rows: 12 } : r));
    const read = await planFullText(ds, p, limits);
    expect(read.bound).toEqual({ value: 1, id: 'b' });
    expect(names(steps)).toEqual(WIDER_WALK);
    expect(steps[4]).toMatch(/^run bound \|.*enable_indexscan = on.*enable_bitmapscan = off/);
  });

  it('PostgreSQL, many matches but sparse: neither window fills a page, the matches are read by bitmap and sorted', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 5_000, inWindow: 2, rows: 100 });
    const read = await planFullText(ds, p, limits);
    expect(read.ids).toBeUndefined();
    expect(read.bound).toBeUndefined();
    expect(names(steps)).toEqual([...WIDER_WALK, 'run all']);
    expect(steps[5]).toMatch(/^run all \|.*enable_bitmapscan = on.*enable_indexscan = off/);
  });

  it('PostgreSQL, no window (substring searches) and a full probe: the sort index is walked unbounded', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 5_000, inWindow: 2, rows: 100 });
    await planFullText(ds, p, { ...limits, windowRows: 0 });
    expect(names(steps)).toEqual(['probe 50', 'run all']);
    expect(steps[1]).toMatch(/^run all \|.*enable_indexscan = on.*enable_bitmapscan = off/);
  });

  it('PostgreSQL, fewer rows than the window pass the other filters: they are all walked, no probe', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 4, inWindow: 4, rows: null });
    await planFullText(ds, p, limits);
    expect(names(steps)).toEqual(['bound 100', 'run all']);
  });

  it('PostgreSQL, no window (substring searches): straight to the probe', async () => {
    const { ds, settings } = fakeDataSource('postgres');
    const { p, steps } = plan(settings, { matches: 3, inWindow: 3, rows: 100 });
    await planFullText(ds, p, { windowRows: 0, probeLimit: 50 });
    expect(names(steps)).toEqual(['probe 50', 'run ids 3']);
  });

  it('SQLite: no bound nor probe, the read runs as written', async () => {
    const { ds, settings } = fakeDataSource('sqlite');
    const { p, steps } = plan(settings, { matches: 4, inWindow: 4, rows: 100 });
    await planFullText(ds, p, limits);
    expect(names(steps)).toEqual(['run all']);
    expect(settings).toEqual([]);
  });
});
