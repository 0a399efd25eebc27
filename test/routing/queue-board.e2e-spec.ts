// The live queue board (#14): GET /api/queues/board on a queue-routed portal, real database, fake
// clock: waiting and ringing contacts with their waits, members by agent state, today's numbers
// (since 00:00 UTC of the clock), admins only, customer names masked.
import { nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { leaks, PHONE_NAME, PHONE_NAME_MASKED, setMode } from '../masking/masking.helper.js';
import { ack, auth, createPortalApp, startChat, uniqueName } from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal, setAgentState, type AgentChoice } from './routing.helper.js';

describe('queue board (#14)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  const agent = (name: string) => connectAgent(t, name, sockets);
  type Agent = Awaited<ReturnType<typeof agent>>;
  const setState = (a: Agent, state: AgentChoice) => setAgentState(t, a.token, state);
  const queuePortal = (members: Agent[]) => createQueuePortal(t, members, { prefix: 'Board queue ' });
  // A fresh token each time: the last test moves the clock past the tokens' lifetime.
  const board = async () =>
    (
      await t
        .http()
        .get('/api/queues/board')
        .set(auth(t.tokenFor(t.admin.id)))
        .expect(200)
    ).body;
  const queueOf = async (queueId: string) => (await board()).queues.find((q: any) => q.queueId === queueId);

  it('shows waits, who is ringing, members by state and today’s numbers', async () => {
    const [ada, bob] = [await agent('Ada Board'), await agent('Bob Board')];
    await setState(ada, 'available');
    await setState(bob, 'not_ready');
    const { subdomain, queue } = await queuePortal([ada, bob]);

    // First contact: offered to Ada, accepted 30 s after arrival.
    const offered = nextEvent<any>(ada.socket, 'contact.offered');
    const first = await startChat(t, subdomain);
    await offered;
    t.clock.advance(12_000);
    let q = await queueOf(queue.id);
    expect(q.name).toBe(queue.name);
    expect(q.waiting).toEqual([
      expect.objectContaining({
        conversationId: first.conversationId,
        customerName: 'Jane Doe',
        state: 'offered',
        offeredToId: ada.id,
        offeredToName: 'Ada Board',
        waitSeconds: 12,
      }),
    ]);
    t.clock.advance(18_000);
    expect((await ack(ada.socket, 'contact.accept', { conversationId: first.conversationId })).ok).toBe(true);

    // Ada goes Not ready: the second contact waits, its wait ticks with the clock.
    await setState(ada, 'not_ready');
    const second = await startChat(t, subdomain, {
      firstName: 'Max',
      lastName: 'Waiter',
      email: 'max.waiter@example.com',
    });
    t.clock.advance(65_000);
    q = await queueOf(queue.id);
    expect(q.waiting).toEqual([
      expect.objectContaining({
        conversationId: second.conversationId,
        customerName: 'Max Waiter',
        state: 'waiting',
        offeredToName: null,
        waitSeconds: 65,
      }),
    ]);
    expect(q.agents).toEqual([
      expect.objectContaining({
        accountId: ada.id,
        name: 'Ada Board',
        state: 'not_ready',
        activeChats: 1,
        maxChats: 3,
      }),
      expect.objectContaining({ accountId: bob.id, name: 'Bob Board', state: 'not_ready', activeChats: 0 }),
    ]);
    expect(q.today).toEqual({
      arrived: 2,
      accepted: 1,
      overflowed: 0,
      withdrawn: 0,
      averageWaitSeconds: 30,
      averageHandleSeconds: null,
      wrapUpReasons: [],
    });

    // Bob becomes Available: the waiting contact rings him.
    const bobOffer = nextEvent<any>(bob.socket, 'contact.offered');
    await setState(bob, 'available');
    await bobOffer;
    q = await queueOf(queue.id);
    expect(q.waiting).toEqual([
      expect.objectContaining({ conversationId: second.conversationId, state: 'offered', offeredToName: 'Bob Board' }),
    ]);
    expect(q.agents.find((a: any) => a.accountId === bob.id)).toMatchObject({ state: 'available', activeChats: 1 });
  });

  it('admins only: a technician gets 403', async () => {
    await t.http().get('/api/queues/board').set(auth(t.technicianToken)).expect(403);
  });

  it('masks the customer name (a phone-number name) in the company’s scope', async () => {
    const gus = await agent('Gus Board');
    await setState(gus, 'not_ready');
    const { subdomain, company, queue } = await queuePortal([gus]);
    await setMode(t, 'display', company.id);
    try {
      await startChat(t, subdomain, {
        firstName: PHONE_NAME,
        lastName: 'Smith',
        email: `${uniqueName('p')}@customer.example`,
      });
      const body = await board();
      expect(leaks(body)).toEqual([]);
      const q = body.queues.find((x: any) => x.queueId === queue.id);
      expect(q.waiting[0].customerName).toContain(PHONE_NAME_MASKED);
      expect(q.waiting[0].customerName).not.toContain(PHONE_NAME);
    } finally {
      await setMode(t, 'off', company.id);
    }
  });

  it('today restarts at 00:00 UTC of the clock: yesterday’s numbers are gone', async () => {
    const dee = await agent('Dee Board');
    await setState(dee, 'not_ready');
    const { subdomain, queue } = await queuePortal([dee]);
    await startChat(t, subdomain);
    expect((await queueOf(queue.id)).today.arrived).toBe(1);
    const now = t.clock.now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    t.clock.advance(midnight - now.getTime() + 5_000);
    const body = await board();
    expect(body.since).toBe(new Date(midnight).toISOString());
    const q = body.queues.find((x: any) => x.queueId === queue.id);
    expect(q.today).toEqual({
      arrived: 0,
      accepted: 0,
      overflowed: 0,
      withdrawn: 0,
      averageWaitSeconds: null,
      averageHandleSeconds: null,
      wrapUpReasons: [],
    });
  });
});
