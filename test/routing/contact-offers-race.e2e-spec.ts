// Two API instances behind a load balancer (#14): many chats start at once on both, both instances
// dispatch the queue at the same time, and still no contact is offered twice and no agent gets more
// offers than its slots (the slot claim and the waiting → offered move are conditional UPDATEs).
// Runs on PostgreSQL and on SQLite (two instances on one file), with Redis carrying the sockets.
// On SQLite it also guards the connection gate: TypeORM shares one connection there, and
// concurrent transactions used to fail with "cannot start a transaction within a transaction".
import { OfferDispatcher } from '@switchboard/routing';
import { redisReachable, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { auth, collect, startChat, uniqueName, waitFor } from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal, createTwoInstances, setAgentState } from './routing.helper.js';

describe('contact offers on two instances (#14)', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  const sqlErrors: string[] = [];
  beforeAll(async () => {
    // CI always has Redis; a laptop without it cannot carry offers between the two instances.
    if (!(await redisReachable())) throw new Error('Redis is needed for the two-instance offer race (REDIS_URL)');
    // TypeORM logs failed statements through console.log: a nested BEGIN would show up here.
    const log = console.log.bind(console);
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      const line = args.map(String).join(' ');
      if (/SqliteError|QueryFailedError|transaction within a transaction/.test(line)) sqlErrors.push(line);
      log(...args);
    });
    [a, b] = await createTwoInstances('offers');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    sockets.forEach((s) => s.disconnect());
    await b?.close();
    await a?.close();
  });

  it('many concurrent chats: every contact offered at most once, no agent beyond capacity', async () => {
    const agents: { id: string; offers: { conversationId: string }[] }[] = [];
    for (const [i, name] of ['Mo', 'Ned', 'Oz'].entries()) {
      const app = i % 2 ? b : a;
      const { id, token, socket } = await connectAgent(a, name, sockets, { on: app });
      agents.push({ id, offers: collect(socket, 'contact.offered') });
      await setAgentState(app, token, 'available');
    }
    const { subdomain, queue } = await createQueuePortal(a, agents, { prefix: 'Race ' });

    const CHATS = 24;
    await Promise.all(
      Array.from({ length: CHATS }, (_, i) =>
        startChat(i % 2 ? b : a, subdomain, {
          firstName: 'Race',
          lastName: String(i),
          email: `${uniqueName('r')}@customer.example`,
        }),
      ),
    );
    // Both instances sweep the queue at once, several times (what agent-state hooks do on each).
    await Promise.all([a, b, a, b].map((app) => app.get(OfferDispatcher).dispatchQueue(queue.id)));
    const slots = agents.length * 3;
    await waitFor(() => agents.reduce((n, x) => n + x.offers.length, 0) >= slots);
    await new Promise((r) => setTimeout(r, 300)); // anything extra would have arrived by now
    const all = agents.flatMap((x) => x.offers.map((o) => o.conversationId));
    expect(all).toHaveLength(slots);
    expect(new Set(all).size).toBe(all.length); // no contact offered twice
    for (const x of agents) expect(x.offers).toHaveLength(3); // nobody beyond capacity
    for (const x of agents) {
      const me = (
        await b
          .http()
          .get('/api/me')
          .set(auth(b.tokenFor(x.id)))
          .expect(200)
      ).body.agentState;
      expect(me).toMatchObject({ state: 'busy', activeChats: 3, maxChats: 3 });
    }
    expect(sqlErrors).toEqual([]);
  });
});
