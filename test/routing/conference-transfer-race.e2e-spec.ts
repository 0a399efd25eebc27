// Conference and transfer on two API instances behind a load balancer (#14): the requests that race
// on one contact arrive on different instances at the same moment, and still exactly one outcome is
// committed (the losers get a clear 409, never a 5xx), both instances read the same routing state,
// the agents' sockets (connected to either instance, Redis carrying the events) get only the events
// of the winner, and nobody's slots drift. Each scenario runs several rounds so a race can show.
// Runs on PostgreSQL and on SQLite (two instances on one file), like contact-offers-race.
import { redisReachable, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { ack, auth, collect, createCompanyWithPortal, startChat, waitFor } from '../portal/portal-helpers.js';
import { connectAgent, createQueue, createTwoInstances, routeToQueue } from './routing.helper.js';

const ROUNDS = 5;
/** Anything a loser would have sent arrives within this (Redis round trip included). */
const settle = () => new Promise((r) => setTimeout(r, 150));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Both requests at once, one of them a few ms late in some rounds (first one side, then the other),
 * so every outcome gets its chance besides the dead heat.
 */
const race = <A, B>(
  round: number,
  first: () => PromiseLike<A>,
  second: () => PromiseLike<B>,
  skews = [0, 5, -5, 20, -20],
) => {
  const skew = skews[round % skews.length];
  return Promise.all([sleep(Math.max(0, -skew)).then(first), sleep(Math.max(0, skew)).then(second)]) as Promise<[A, B]>;
};

describe('conference and transfer races on two instances (#14)', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // CI always has Redis; without it the two instances cannot carry each other's socket events.
    if (!(await redisReachable())) throw new Error('Redis is needed for the two-instance races (REDIS_URL)');
    [a, b] = await createTwoInstances('confrace');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await b?.close();
    await a?.close();
  });

  /** An Available agent whose socket is connected to `app`, with every routing event recorded. */
  const agent = async (name: string, app: TestApp) => {
    const { id, token, socket } = await connectAgent(a, name, sockets, { on: app, state: 'available' });
    return {
      id,
      name,
      token,
      socket,
      app,
      offers: collect<any>(socket, 'contact.offered'),
      closed: collect<any>(socket, 'contact.offer_closed'),
      changes: collect<any>(socket, 'conference.changed'),
    };
  };
  type Agent = Awaited<ReturnType<typeof agent>>;
  const offersOf = (x: Agent, id: string) => x.offers.filter((o) => o.conversationId === id);
  const changesOf = (x: Agent, id: string) => x.changes.filter((o) => o.conversationId === id);
  const slots = async (x: Agent, app: TestApp = x.app) =>
    (
      await app
        .http()
        .get('/api/me')
        .set(auth(app.tokenFor(x.id)))
        .expect(200)
    ).body.agentState as {
      state: string;
      activeChats: number;
      maxChats: number;
    };
  /** The routing view from both instances: they must agree. */
  const routing = async (id: string) => {
    const [ra, rb] = await Promise.all(
      [a, b].map(
        async (app) =>
          (
            await app
              .http()
              .get(`/api/conversations/${id}/routing`)
              .set(auth(app.tokenFor(a.admin.id)))
              .expect(200)
          ).body,
      ),
    );
    expect(rb).toEqual(ra);
    return ra;
  };
  const newQueue = (companyId: string, members: Agent[]) => createQueue(a, companyId, members, { prefix: 'Race ' });
  /** A portal whose queue has only `host`, a chat started on instance B, offered to and accepted by `host`. */
  const site = async () => {
    const { company, portal, subdomain } = await createCompanyWithPortal(a);
    return {
      company,
      subdomain,
      /** Routes the portal to a fresh queue of `members` (every round has its own agents). */
      route: async (members: Agent[]) => {
        const queue = await newQueue(company.id, members);
        await routeToQueue(a, portal.id, queue.id);
        return queue;
      },
    };
  };
  const acceptedChat = async (s: Awaited<ReturnType<typeof site>>, host: Agent) => {
    await s.route([host]);
    const chat = await startChat(b, s.subdomain);
    await waitFor(() => offersOf(host, chat.conversationId).length === 1);
    expect((await ack(host.socket, 'contact.accept', { conversationId: chat.conversationId })).ok).toBe(true);
    return chat.conversationId;
  };
  const conference = (app: TestApp, host: Agent, id: string, accountId: string) =>
    app
      .http()
      .post(`/api/conversations/${id}/conference`)
      .set(auth(app.tokenFor(host.id)))
      .send({ accountId });
  const transfer = (app: TestApp, host: Agent, id: string, body: object) =>
    app
      .http()
      .post(`/api/conversations/${id}/transfer`)
      .set(auth(app.tokenFor(host.id)))
      .send(body);
  const endConference = (app: TestApp, x: Agent, id: string) =>
    app
      .http()
      .post(`/api/conversations/${id}/conference/end`)
      .set(auth(app.tokenFor(x.id)));

  it('Conference on A and Transfer on B by the same agent at once: one wins, the other 409', async () => {
    const s = await site();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const host = await agent('Host', a);
      const invited = await agent('Invited', a); // asked in by conference (socket on A)
      const target = await agent('Target', b); // transferred to (socket on B)
      const id = await acceptedChat(s, host);
      // Every other round the transfer goes to a queue whose only member is the target.
      const body = round % 2 ? { queueId: (await newQueue(s.company.id, [target])).id } : { accountId: target.id };
      const [conf, moved] = await race(
        round,
        () => conference(a, host, id, invited.id),
        () => transfer(b, host, id, body),
      );
      expect([conf.status, moved.status].sort()).toEqual([200, 409]);
      const view = await routing(id);
      await settle();
      if (conf.status === 200) {
        outcomes.push('conference');
        expect(view).toMatchObject({ state: 'accepted', agentId: host.id, conference: { state: 'ringing' } });
        expect(view.conference.agentId).toBe(invited.id);
        await waitFor(() => offersOf(invited, id).length === 1 && changesOf(host, id).length === 1);
        expect(offersOf(invited, id)[0]).toMatchObject({ conference: { requestedById: host.id } });
        expect(offersOf(target, id)).toEqual([]);
        expect(await slots(invited)).toMatchObject({ activeChats: 1 });
        expect(await slots(target)).toMatchObject({ activeChats: 0 });
        expect(await slots(host)).toMatchObject({ activeChats: 1 });
      } else {
        outcomes.push('transfer');
        expect(view).toMatchObject({ state: 'offered', agentId: target.id, conference: null });
        await waitFor(() => offersOf(target, id).length === 1);
        expect(offersOf(target, id)[0]).toMatchObject({ transfer: { fromId: host.id } });
        expect(offersOf(invited, id)).toEqual([]);
        expect(changesOf(invited, id)).toEqual([]);
        expect(changesOf(host, id)).toEqual([]);
        expect(await slots(invited)).toMatchObject({ activeChats: 0 });
        expect(await slots(target)).toMatchObject({ activeChats: 1 });
        expect(await slots(host)).toMatchObject({ activeChats: 1 }); // the wrap-up holds it
      }
      // Settled: nothing more was delivered to anyone.
      expect(offersOf(invited, id).length + offersOf(target, id).length).toBe(1);
    }
    console.info(`conference vs transfer winners: ${outcomes.join(', ')}`);
  });

  it('two conference requests at once on A and B: one open conference, the other 409', async () => {
    const s = await site();
    for (let round = 0; round < ROUNDS; round++) {
      const host = await agent('Host', a);
      const x = await agent('Xia', a);
      // Even rounds: the same colleague asked twice; odd rounds: two colleagues, one on each instance.
      const y = round % 2 ? await agent('Yul', b) : x;
      const id = await acceptedChat(s, host);
      const res = await race(
        round,
        () => conference(a, host, id, x.id),
        () => conference(b, host, id, y.id),
      );
      expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = res.find((r) => r.status === 409)!;
      expect(loser.body.error).toBe('CONFERENCE_ALREADY_OPEN');
      const winner = res.find((r) => r.status === 200)!.body;
      const asked = winner.agentId === x.id ? x : y;
      expect((await routing(id)).conference).toMatchObject({ state: 'ringing', agentId: asked.id });
      await waitFor(() => offersOf(asked, id).length === 1);
      await settle();
      const everyone = x === y ? [x] : [x, y];
      expect(everyone.reduce((n, z) => n + offersOf(z, id).length, 0)).toBe(1);
      expect(changesOf(host, id)).toHaveLength(1);
      for (const z of everyone) expect((await slots(z)).activeChats).toBe(z === asked ? 1 : 0);
    }
  });

  it('the invitee accepts on B while the host ends the conference on A: one outcome, slots right', async () => {
    const s = await site();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const host = await agent('Host', a);
      const guest = await agent('Guest', b);
      const id = await acceptedChat(s, host);
      await conference(a, host, id, guest.id).expect(200);
      await waitFor(() => offersOf(guest, id).length === 1);
      expect((await ack(guest.socket, 'conversation.join', { conversationId: id })).ok).toBe(true);
      const [accepted, ended] = await race(
        round,
        () => ack(guest.socket, 'contact.accept', { conversationId: id }),
        () => endConference(a, host, id),
      );
      expect(ended.status).toBeLessThan(500);
      if (!accepted.ok) expect(accepted.error.statusCode).toBe(409);
      const view = await routing(id);
      expect(view).toMatchObject({ state: 'accepted', agentId: host.id });
      const send = await ack(guest.socket, 'conversation.send', {
        conversationId: id,
        clientId: `g-${round}`,
        body: 'Guest here',
      });
      const guestState = await slots(guest, a);
      const guestWrapUp = (
        await b
          .http()
          .get(`/api/conversations/${id}/routing`)
          .set(auth(b.tokenFor(guest.id)))
          .expect(200)
      ).body.wrapUp;
      if (!accepted.ok) {
        // Cancelled while ringing: the pop-up withdrawn, the slot free, the guest never in the chat.
        outcomes.push('cancelled');
        expect(ended.status).toBe(200);
        expect(ended.body.state).toBe('cancelled');
        expect(view.conference).toBeNull();
        expect(guestState.activeChats).toBe(0);
        expect(guestWrapUp).toBeNull();
        expect(send.ok).toBe(false);
      } else if (ended.status === 200) {
        // Joined, then ended: the guest left the chat and wraps up (the wrap-up holds the slot).
        outcomes.push('joined+ended');
        expect(ended.body.state).toBe('ended');
        expect(view.conference).toBeNull();
        expect(guestState.activeChats).toBe(1);
        expect(guestWrapUp).toMatchObject({ cause: 'conference_ended' });
        expect(send.ok).toBe(false);
      } else {
        // The End lost the race against the accept: the conference runs, the guest writes.
        outcomes.push('joined');
        expect(ended.status).toBe(409);
        expect(view.conference).toMatchObject({ state: 'joined', agentId: guest.id });
        expect(guestState.activeChats).toBe(1);
        expect(guestWrapUp).toBeNull();
        expect(send.ok).toBe(true);
      }
      expect(await slots(host)).toMatchObject({ activeChats: 1 });
      await settle();
      expect(offersOf(guest, id)).toHaveLength(1);
      expect(guest.closed.filter((c) => c.conversationId === id)).toHaveLength(1);
    }
    console.info(`accept vs end outcomes: ${outcomes.join(', ')}`);
  });

  it("a transfer to an agent racing the offer that takes that agent's last slot: never over capacity", async () => {
    const s = await site();
    const other = await site(); // the target's own queue, where chats keep arriving
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const host = await agent('Host', a);
      const target = await agent('Busy', b);
      const id = await acceptedChat(s, host);
      await other.route([target]);
      // Two of the target's three slots are taken by accepted chats.
      for (let i = 0; i < 2; i++) {
        const c = await startChat(a, other.subdomain);
        await waitFor(() => offersOf(target, c.conversationId).length === 1);
        expect((await ack(target.socket, 'contact.accept', { conversationId: c.conversationId })).ok).toBe(true);
      }
      // A new chat for the target's queue on B (offered to them at once) vs the transfer on A.
      const [moved, fresh] = await race(
        round,
        () => transfer(a, host, id, { accountId: target.id }),
        () => startChat(b, other.subdomain),
        // A new chat takes longer (the chat, then the offer): give it a head start in some rounds.
        [0, -30, -60, -90, -120],
      );
      expect([200, 409]).toContain(moved.status);
      await settle();
      const [transferred, newcomer] = await Promise.all([routing(id), routing(fresh.conversationId)]);
      if (moved.status === 200) {
        outcomes.push('transfer');
        expect(transferred).toMatchObject({ state: 'offered', agentId: target.id });
        expect(newcomer).toMatchObject({ state: 'waiting', agentId: null });
        expect(offersOf(target, fresh.conversationId)).toEqual([]);
        await waitFor(() => offersOf(target, id).length === 1);
      } else {
        outcomes.push('new chat');
        expect(moved.body.error).toBe('ROUTING_AGENT_UNAVAILABLE');
        expect(transferred).toMatchObject({ state: 'accepted', agentId: host.id });
        expect(newcomer).toMatchObject({ state: 'offered', agentId: target.id });
        expect(offersOf(target, id)).toEqual([]);
        await waitFor(() => offersOf(target, fresh.conversationId).length === 1);
      }
      for (const app of [a, b]) expect(await slots(target, app)).toMatchObject({ activeChats: 3, maxChats: 3 });
      // The target takes whatever rang for them: still three chats, not four.
      const ringing = moved.status === 200 ? id : fresh.conversationId;
      expect((await ack(target.socket, 'contact.accept', { conversationId: ringing })).ok).toBe(true);
      expect(await slots(target)).toMatchObject({ state: 'busy', activeChats: 3 });
    }
    console.info(`transfer vs last slot winners: ${outcomes.join(', ')}`);
  });
});
