import type { ParticipantRepository } from '../repositories/participant.repository.js';
import { ParticipantCache } from './participant-cache.js';

/** A participants table in memory that records each activeKeys() call. */
function fakeParticipants(active: Set<string>) {
  const calls: string[][] = [];
  let gate: Promise<void> = Promise.resolve();
  const repo = {
    async activeKeys(ids: string[]): Promise<Set<string>> {
      calls.push(ids);
      // Read first, answer later: like a query that ran before a concurrent change committed.
      const found = new Set([...active].filter((k) => ids.includes(k.split('|')[0])));
      await gate;
      return found;
    },
  };
  return { repo: repo as unknown as ParticipantRepository, calls, hold: (p: Promise<void>) => (gate = p) };
}

describe('ParticipantCache', () => {
  it('answers the misses of one event-loop turn with one query, then from memory', async () => {
    const db = fakeParticipants(new Set(['c1|technician|t1', 'c2|technician|t2']));
    const cache = new ParticipantCache(db.repo);
    const answers = await Promise.all([
      cache.get('c1', 'technician', 't1'), cache.get('c2', 'technician', 't2'), cache.get('c2', 'technician', 't1'), cache.get('c1', 'technician', 't1'),
    ]);
    expect(answers).toEqual([true, true, false, true]);
    expect(db.calls).toEqual([['c1', 'c2']]);
    await expect(cache.get('c2', 'technician', 't1')).resolves.toBe(false);
    expect(db.calls).toHaveLength(1);
  });

  it('does not keep an answer loaded across an invalidation', async () => {
    const active = new Set<string>();
    const db = fakeParticipants(active);
    const cache = new ParticipantCache(db.repo);
    let release!: () => void;
    db.hold(new Promise<void>((r) => (release = r)));
    const first = cache.get('c1', 'technician', 't1');
    await new Promise((r) => setImmediate(r));
    // The technician joins while the load is in flight.
    active.add('c1|technician|t1');
    cache.forget('c1', 'technician', 't1');
    release();
    await expect(first).resolves.toBe(false);
    db.hold(Promise.resolve());
    await expect(cache.get('c1', 'technician', 't1')).resolves.toBe(true);
    expect(db.calls).toHaveLength(2);
  });

  it('passes a failed query to every caller of the turn', async () => {
    const repo = { activeKeys: async () => Promise.reject(new Error('db down')) } as unknown as ParticipantRepository;
    const cache = new ParticipantCache(repo);
    const results = await Promise.allSettled([cache.get('c1', 'contact', 'x'), cache.get('c2', 'contact', 'y')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
