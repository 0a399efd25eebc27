import type { DataSource, EntityManager } from 'typeorm';
import { planFullText } from './full-text.plan.js';

/** A DataSource whose transaction records the planner settings sent before each step. */
function fakeDataSource(type: 'postgres' | 'sqlite') {
  const statements: string[] = [];
  const manager = { query: (sql: string) => (statements.push(sql), Promise.resolve([])) } as unknown as EntityManager;
  const ds = {
    options: { type },
    manager,
    transaction: <T>(fn: (m: EntityManager) => Promise<T>) => fn(manager),
  } as unknown as DataSource;
  return { ds, manager, statements };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id${i}` }));

describe('planFullText', () => {
  it('PostgreSQL, fewer matches than the limit: probes with bitmap scans only, then reads just those ids', async () => {
    const { ds, statements } = fakeDataSource('postgres');
    const seen: { limit?: number; settings?: string[] } = {};
    const result = await planFullText(
      ds,
      (_m, limit) => ((seen.limit = limit), (seen.settings = [...statements]), Promise.resolve(ids(3))),
      (_m, found) => Promise.resolve(found),
      10,
    );
    expect(seen.limit).toBe(10);
    expect(seen.settings?.join(';')).toMatch(
      /enable_seqscan = off.*enable_indexscan = off.*enable_indexonlyscan = off/,
    );
    expect(result).toEqual(['id0', 'id1', 'id2']);
    expect(statements[statements.length - 1]).toMatch(/enable_indexscan = on/);
    expect(statements.join(';')).not.toContain('enable_bitmapscan');
  });

  it('PostgreSQL, the limit reached: the term is common, the read walks the sort index (bitmap scans off)', async () => {
    const { ds, statements } = fakeDataSource('postgres');
    const result = await planFullText(
      ds,
      (_m, limit) => Promise.resolve(ids(limit)),
      (_m, found) => Promise.resolve(found),
      5,
    );
    expect(result).toBeNull();
    expect(statements[statements.length - 1]).toMatch(/enable_indexscan = on.*enable_bitmapscan = off/);
  });

  it('SQLite: no probe, the read runs as written', async () => {
    const { ds, statements } = fakeDataSource('sqlite');
    const probe = jest.fn();
    const result = await planFullText(ds, probe, (_m, found) => Promise.resolve(found ?? 'unchanged'));
    expect(result).toBe('unchanged');
    expect(probe).not.toHaveBeenCalled();
    expect(statements).toEqual([]);
  });
});
