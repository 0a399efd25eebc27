import type { ParticipantRepository } from '../repositories/participant.repository.js';
import type { InstanceBus } from '@switchboard/core';
import { ParticipantCache } from './participant-cache.js';

/** An InstanceBus of one instance: records the notes for the others, delivers notes "from" them. */
function fakeBus() {
  const sent: Array<{ topic: string; payload: unknown }> = [];
  const handlers = new Map<string, (p: unknown) => void>();
  let resync = () => undefined as void;
  const bus = {
    toOthers: (topic: string, payload: unknown) => void sent.push({ topic, payload }),
    on: (topic: string, h: (p: unknown) => void) => (handlers.set(topic, h), () => handlers.delete(topic)),
    onResync: (h: () => void) => ((resync = h), () => undefined),
  };
  return {
    bus: bus as unknown as InstanceBus,
    sent,
    fromOther: (topic: string, p: unknown) => handlers.get(topic)?.(p),
    resync: () => resync(),
  };
}

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

function newCache(repo: ParticipantRepository, bus = fakeBus()) {
  const cache = new ParticipantCache(repo, bus.bus);
  cache.onModuleInit();
  return cache;
}

describe('ParticipantCache', () => {
  it('answers the misses of one event-loop turn with one query, then from memory', async () => {
    const db = fakeParticipants(new Set(['c1|technician|t1', 'c2|technician|t2']));
    const cache = newCache(db.repo);
    const answers = await Promise.all([
      cache.get('c1', 'technician', 't1'),
      cache.get('c2', 'technician', 't2'),
      cache.get('c2', 'technician', 't1'),
      cache.get('c1', 'technician', 't1'),
    ]);
    expect(answers).toEqual([true, true, false, true]);
    expect(db.calls).toEqual([['c1', 'c2']]);
    await expect(cache.get('c2', 'technician', 't1')).resolves.toBe(false);
    expect(db.calls).toHaveLength(1);
  });

  it('does not keep an answer loaded across an invalidation', async () => {
    const active = new Set<string>();
    const db = fakeParticipants(active);
    const cache = newCache(db.repo);
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
    const cache = new ParticipantCache(repo, fakeBus().bus);
    const results = await Promise.allSettled([cache.get('c1', 'contact', 'x'), cache.get('c2', 'contact', 'y')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('tells the other instances about a change, and forgets what another instance changed or what a reconnect may have hidden', async () => {
    const db = fakeParticipants(new Set(['c1|technician|t1', 'c1|technician|t2', 'c2|technician|t1']));
    const bus = fakeBus();
    const cache = newCache(db.repo, bus);
    const warm = () =>
      Promise.all([
        cache.get('c1', 'technician', 't1'),
        cache.get('c1', 'technician', 't2'),
        cache.get('c2', 'technician', 't1'),
      ]);
    await warm();
    expect(db.calls).toHaveLength(1);

    cache.forget('c1', 'technician', 't1');
    cache.forgetConversation('c2');
    expect(bus.sent).toEqual([
      { topic: 'chat.participants.changed', payload: { conversationId: 'c1', member: 'technician|t1' } },
      { topic: 'chat.participants.changed', payload: { conversationId: 'c2' } },
    ]);
    await warm();
    expect(db.calls.at(-1)).toEqual(['c1', 'c2']); // only the two forgotten answers were asked again

    bus.fromOther('chat.participants.changed', { conversationId: 'c1', member: 'technician|t2' });
    await warm();
    expect(db.calls.at(-1)).toEqual(['c1']);
    bus.fromOther('chat.participants.changed', { nonsense: true });
    bus.resync();
    const before = db.calls.length;
    await warm();
    expect(db.calls.length).toBe(before + 1);
    expect(bus.sent).toHaveLength(2); // notes from others and resyncs are not echoed
  });
});
