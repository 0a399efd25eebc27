// Transfer of queue-routed chats (#14), real sockets, real database, fake clock: the accepting agent
// hands the chat to a queue or to one Available agent; they leave at once (wrap-up `transferred`, slot
// held until submitted, case back to Unassigned with the chat running, the customer told), the next
// agent's accept assigns the case. A direct transfer the target declines or lets ring out is abandoned:
// the contact goes back to its queue and the transferring agent hears it; the customer never loses the chat.
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import { connectSocket, nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  ack,
  auth,
  collect,
  createCompanyWithPortal,
  createPortalApp,
  startChat,
  uniqueName,
  visitorAuth,
  waitFor,
} from '../portal/portal-helpers.js';
import { connectAgent, createQueue, createQueuePortal, setAgentState, type AgentChoice } from './routing.helper.js';

describe('contact centre transfer (#14)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  let solved: { id: string };
  beforeAll(async () => {
    t = await createPortalApp();
    solved = (
      await t
        .http()
        .post('/api/wrap-up-reasons')
        .set(auth(t.adminToken))
        .send({ label: uniqueName('Solved ') })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  const agent = (name: string) => connectAgent(t, name, sockets);
  type Agent = Awaited<ReturnType<typeof agent>>;
  const setState = (a: Agent, state: AgentChoice) => setAgentState(t, a.token, state);
  const agentState = async (a: Agent) =>
    (await t.http().get('/api/me').set(auth(a.token)).expect(200)).body.agentState as {
      state: string;
      activeChats: number;
    };
  const newQueue = (companyId: string, members: Agent[], extra: Record<string, unknown> = {}) =>
    createQueue(t, companyId, members, extra);
  const queuePortal = (members: Agent[], extra: Record<string, unknown> = {}) => createQueuePortal(t, members, extra);
  /** A chat offered to and accepted by the agent, with the visitor's socket listening. */
  const acceptedChat = async (a: Agent, subdomain: string) => {
    const offered = nextEvent<any>(a.socket, 'contact.offered');
    const chat = await startChat(t, subdomain);
    const offer = await offered;
    expect(offer.conversationId).toBe(chat.conversationId);
    expect((await ack(a.socket, 'contact.accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const visitor = await connectSocket(t.baseUrl, '/portal', { token: chat.token });
    sockets.push(visitor);
    const lines = collect<any>(visitor, 'conversation.message');
    const positions = collect<any>(visitor, 'queue.position');
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    return { ...chat, id: chat.conversationId, offer, visitor, lines, positions };
  };
  const transfer = (a: Agent, id: string, body: object) =>
    t.http().post(`/api/conversations/${id}/transfer`).set(auth(a.token)).send(body);
  const caseOf = async (caseId: string) =>
    (await t.http().get(`/api/cases/${caseId}`).set(auth(t.adminToken)).expect(200)).body;
  const routing = async (id: string) =>
    (await t.http().get(`/api/conversations/${id}/routing`).set(auth(t.adminToken)).expect(200)).body;
  const wrapUp = (a: Agent, id: string) =>
    t.http().post(`/api/conversations/${id}/wrap-up`).set(auth(a.token)).send({ reasonId: solved.id });

  it('to a queue: offered to its member (arrival kept), accepted → case assigned, chat goes on; A wraps up', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    await setState(ada, 'available');
    const { company, subdomain } = await queuePortal([ada]);
    const chat = await acceptedChat(ada, subdomain);
    const second = await newQueue(company.id, [bob]);
    await setState(bob, 'available');

    const due = nextEvent<any>(ada.socket, 'wrap_up.due');
    const bobOffer = nextEvent<any>(bob.socket, 'contact.offered');
    t.clock.advance(5_000);
    const res = await transfer(ada, chat.id, { queueId: second.id }).expect(200);
    expect(res.body).toMatchObject({
      conversationId: chat.id,
      target: { kind: 'queue', id: second.id, name: second.name },
      wrapUp: { conversationId: chat.id, cause: 'transferred', wrappedAt: null },
    });
    expect(await due).toMatchObject({ conversationId: chat.id, wrapUp: { cause: 'transferred' } });
    const offer = await bobOffer;
    expect(offer).toMatchObject({
      conversationId: chat.id,
      queueId: second.id,
      queueName: second.name,
      arrivedAt: chat.offer.arrivedAt, // not sent to the back of the line
      transfer: { fromId: ada.id, fromName: 'Ada' },
    });
    // The customer (French browser) is told, in French; the case waits Unassigned with the chat running.
    const line = fillLine(CHAT_LINES.transferred, { name: 'Ada' }).fr;
    await waitFor(() => chat.lines.some((l) => l.message.body === line));
    expect(await caseOf(chat.caseId)).toMatchObject({ status: 'unassigned', chatStatus: 'active' });
    // A left at once: no more messages from A; transferring again is not A's any more.
    const adaSend = await ack(ada.socket, 'conversation.send', { conversationId: chat.id, clientId: 'a1', body: 'Hi' });
    expect(adaSend).toMatchObject({ ok: false, error: { statusCode: 403 } });
    await transfer(ada, chat.id, { queueId: second.id }).expect(409);

    expect((await ack(bob.socket, 'contact.accept', { conversationId: chat.id })).ok).toBe(true);
    expect(await caseOf(chat.caseId)).toMatchObject({ status: 'assigned', assignee: { id: bob.id } });
    expect(await routing(chat.id)).toMatchObject({ state: 'accepted', agentId: bob.id, queueId: second.id });
    expect((await ack(bob.socket, 'conversation.join', { conversationId: chat.id })).ok).toBe(true);
    const sent = await ack(bob.socket, 'conversation.send', {
      conversationId: chat.id,
      clientId: 'b1',
      body: 'Bob here',
    });
    expect(sent.ok).toBe(true);
    await waitFor(() => chat.lines.some((l) => l.message.body === 'Bob here'));

    // A's slot is held by the wrap-up until it is submitted; B's chat has its own.
    expect(await agentState(ada)).toMatchObject({ activeChats: 1 });
    expect(await agentState(bob)).toMatchObject({ activeChats: 1 });
    await wrapUp(ada, chat.id).expect(200);
    expect(await agentState(ada)).toMatchObject({ activeChats: 0 });
    // B ends later and owes their own wrap-up.
    const ended = await t.http().post(`/api/conversations/${chat.id}/end`).set(auth(bob.token)).expect(200);
    expect(ended.body.wrapUp.cause).toBe('ended');
  });

  it('to a queue nobody can take yet: the contact waits there and the visitor hears their place', async () => {
    const cal = await agent('Cal');
    const idle = await agent('Idle');
    await setState(cal, 'available');
    const { company, subdomain } = await queuePortal([cal]);
    const chat = await acceptedChat(cal, subdomain);
    const empty = await newQueue(company.id, [idle]);
    await transfer(cal, chat.id, { queueId: empty.id }).expect(200);
    await waitFor(() => chat.positions.some((p) => p.position === 1));
    expect(await routing(chat.id)).toMatchObject({ state: 'waiting', queueId: empty.id, agentId: null });
    // The member comes back: it is offered.
    const offered = nextEvent<any>(idle.socket, 'contact.offered');
    await setState(idle, 'available');
    expect(await offered).toMatchObject({ conversationId: chat.id, transfer: { fromName: 'Cal' } });
  });

  it('to an agent: their slot is claimed, the pop-up says who transferred, accept assigns the case', async () => {
    const cy = await agent('Cy');
    const dee = await agent('Dee');
    await setState(cy, 'available');
    const { subdomain, queue } = await queuePortal([cy], { offerTimeoutSeconds: 15 });
    const chat = await acceptedChat(cy, subdomain);
    await setState(dee, 'available');
    const deeOffer = nextEvent<any>(dee.socket, 'contact.offered');
    const res = await transfer(cy, chat.id, { accountId: dee.id }).expect(200);
    expect(res.body.target).toEqual({ kind: 'agent', id: dee.id, name: 'Dee' });
    const offer = await deeOffer;
    expect(offer).toMatchObject({
      conversationId: chat.id,
      queueId: queue.id,
      transfer: { fromId: cy.id, fromName: 'Cy' },
    });
    expect(new Date(offer.expiresAt).getTime() - t.clock.now().getTime()).toBe(15_000);
    expect(await agentState(dee)).toMatchObject({ activeChats: 1 });
    expect(await routing(chat.id)).toMatchObject({ state: 'offered', agentId: dee.id });

    expect((await ack(dee.socket, 'contact.accept', { conversationId: chat.id })).ok).toBe(true);
    expect(await caseOf(chat.caseId)).toMatchObject({
      status: 'assigned',
      assignee: { id: dee.id },
      chatStatus: 'active',
    });
    expect((await ack(dee.socket, 'conversation.join', { conversationId: chat.id })).ok).toBe(true);
    expect(
      (await ack(dee.socket, 'conversation.send', { conversationId: chat.id, clientId: 'd1', body: 'Dee here' })).ok,
    ).toBe(true);
    await waitFor(() => chat.lines.some((l) => l.message.body === 'Dee here'));
    expect(await agentState(cy)).toMatchObject({ activeChats: 1 }); // in wrap-up
    await wrapUp(cy, chat.id).expect(200);
    expect(await agentState(cy)).toMatchObject({ activeChats: 0 });
  });

  it('to an agent who declines: abandoned, back in the queue (re-offered), A told, the chat still runs', async () => {
    const eve = await agent('Eve');
    const fay = await agent('Fay');
    const gus = await agent('Gus');
    await setState(eve, 'available');
    const { subdomain } = await queuePortal([eve, gus]);
    const chat = await acceptedChat(eve, subdomain);
    await setState(fay, 'available');
    const fayOffer = nextEvent<any>(fay.socket, 'contact.offered');
    await transfer(eve, chat.id, { accountId: fay.id }).expect(200);
    await fayOffer;

    const abandoned = nextEvent<any>(eve.socket, 'contact.transfer_abandoned');
    const gusOffer = nextEvent<any>(gus.socket, 'contact.offered');
    await setState(gus, 'available');
    expect((await ack(fay.socket, 'contact.decline', { conversationId: chat.id })).ok).toBe(true);
    expect(await abandoned).toEqual({
      conversationId: chat.id,
      companyId: expect.any(String),
      targetName: 'Fay',
      reason: 'declined',
    });
    expect(await agentState(fay)).toMatchObject({ state: 'available', activeChats: 0 });
    // Re-offered to the queue's Available member; the customer's chat never stopped.
    expect(await gusOffer).toMatchObject({ conversationId: chat.id, transfer: { fromName: 'Eve' } });
    expect(await caseOf(chat.caseId)).toMatchObject({ chatStatus: 'active', status: 'unassigned' });
    expect((await ack(chat.visitor, 'chat.send', { clientId: 'v1', body: 'Still here' })).ok).toBe(true);
    expect((await ack(gus.socket, 'contact.accept', { conversationId: chat.id })).ok).toBe(true);
    expect(await caseOf(chat.caseId)).toMatchObject({ status: 'assigned', assignee: { id: gus.id } });
  });

  it('to an agent who lets it ring: RONA for them, abandoned (expired), the contact waits in its queue', async () => {
    const hal = await agent('Hal');
    const ivy = await agent('Ivy');
    await setState(hal, 'available');
    const { subdomain } = await queuePortal([hal], { offerTimeoutSeconds: 10 });
    const chat = await acceptedChat(hal, subdomain);
    await setState(ivy, 'available');
    const ivyOffer = nextEvent<any>(ivy.socket, 'contact.offered');
    const ivyClosed = nextEvent<any>(ivy.socket, 'contact.offer_closed');
    await transfer(hal, chat.id, { accountId: ivy.id }).expect(200);
    await ivyOffer;
    await setState(hal, 'not_ready'); // nobody else can take it: it must wait, not vanish
    const abandoned = nextEvent<any>(hal.socket, 'contact.transfer_abandoned');
    t.clock.advance(10_000);
    await t.runDueTimers();
    expect(await ivyClosed).toEqual({ conversationId: chat.id, reason: 'expired' });
    expect(await abandoned).toMatchObject({ conversationId: chat.id, targetName: 'Ivy', reason: 'expired' });
    expect(await agentState(ivy)).toMatchObject({ state: 'rona', activeChats: 0 });
    expect(await routing(chat.id)).toMatchObject({ state: 'waiting', agentId: null });
    expect((await caseOf(chat.caseId)).chatStatus).toBe('active');
    // Hal (in wrap-up, one slot of three held) picks Available: the queue offers it again.
    const back = nextEvent<any>(hal.socket, 'contact.offered');
    await setState(hal, 'available');
    expect(await back).toMatchObject({ conversationId: chat.id });
  });

  it('to an agent while the customer leaves: the ringing offer is withdrawn, the transferring agent told once', async () => {
    const kim = await agent('Kim');
    const lou = await agent('Lou');
    await setState(kim, 'available');
    const { subdomain } = await queuePortal([kim]);
    const chat = await acceptedChat(kim, subdomain);
    await setState(lou, 'available');
    const louOffer = nextEvent<any>(lou.socket, 'contact.offered');
    await transfer(kim, chat.id, { accountId: lou.id }).expect(200);
    await louOffer;
    const louClosed = nextEvent<any>(lou.socket, 'contact.offer_closed');
    const abandoned = collect<any>(kim.socket, 'contact.transfer_abandoned');
    await t.http().post(`/api/public/cases/${chat.caseId}/end`).set(visitorAuth(chat.token)).expect(200);
    expect(await louClosed).toEqual({ conversationId: chat.id, reason: 'withdrawn' });
    await waitFor(() => abandoned.length > 0);
    expect(abandoned).toEqual([
      { conversationId: chat.id, companyId: expect.any(String), targetName: 'Lou', reason: 'withdrawn' },
    ]);
    expect(await routing(chat.id)).toMatchObject({ state: 'withdrawn', agentId: null });
    expect(await agentState(lou)).toMatchObject({ state: 'available', activeChats: 0 });
    // Nothing more for the transferring agent, whatever else runs (a second end, due timers).
    await t.http().post(`/api/public/cases/${chat.caseId}/end`).set(visitorAuth(chat.token));
    t.clock.advance(600_000);
    await t.runDueTimers();
    await new Promise((r) => setTimeout(r, 50));
    expect(abandoned).toHaveLength(1);
  });

  it('to an agent until the maximum wait: overflow to a ticket, the transferring agent told once (overflowed)', async () => {
    const max = await agent('Max');
    const ned = await agent('Ned');
    await setState(max, 'available');
    // The transfer's offer rings longer than the contact may still wait: the maximum wait comes first.
    const { subdomain } = await queuePortal([max], { offerTimeoutSeconds: 120, maxWaitSeconds: 30 });
    const chat = await acceptedChat(max, subdomain);
    await setState(ned, 'available');
    const nedOffer = nextEvent<any>(ned.socket, 'contact.offered');
    await transfer(max, chat.id, { accountId: ned.id }).expect(200);
    await nedOffer;
    const nedClosed = nextEvent<any>(ned.socket, 'contact.offer_closed');
    const abandoned = collect<any>(max.socket, 'contact.transfer_abandoned');
    t.clock.advance(30_000);
    await t.runDueTimers();
    expect(await nedClosed).toEqual({ conversationId: chat.id, reason: 'withdrawn' });
    await waitFor(() => abandoned.length > 0);
    expect(abandoned).toEqual([
      { conversationId: chat.id, companyId: expect.any(String), targetName: 'Ned', reason: 'overflowed' },
    ]);
    expect(await routing(chat.id)).toMatchObject({ state: 'overflowed', agentId: null });
    // Cases opens the support request ticket (as for any overflow).
    let ticketNumber: number | null = null;
    for (let i = 0; i < 100 && ticketNumber === null; i++) {
      ticketNumber = (await caseOf(chat.caseId)).ticketNumber;
      if (ticketNumber === null) await new Promise((r) => setTimeout(r, 20));
    }
    expect(ticketNumber).not.toBeNull();
    expect(await agentState(ned)).toMatchObject({ activeChats: 0 });
    // The (ringing) offer timer is cancelled: its due time passing tells nobody again.
    t.clock.advance(120_000);
    await t.runDueTimers();
    await new Promise((r) => setTimeout(r, 50));
    expect(abandoned).toHaveLength(1);
  });

  it('refuses: another agent 403, both or neither id 400, not accepted / ended 409, unavailable agent 409, foreign queue 400', async () => {
    const jo = await agent('Jo');
    const kim = await agent('Kim');
    const lee = await agent('Lee');
    await setState(jo, 'available');
    const { company, subdomain, queue } = await queuePortal([jo, kim]);
    const chat = await acceptedChat(jo, subdomain);
    const other = await createCompanyWithPortal(t);
    const foreign = await newQueue(other.company.id, [kim]);

    expect((await transfer(kim, chat.id, { queueId: queue.id }).expect(403)).body.message).toMatch(/accepted/);
    const both = await transfer(jo, chat.id, { queueId: queue.id, accountId: kim.id }).expect(400);
    expect(both.body.details.fieldErrors.queueId[0]).toMatch(/exactly one of queueId/);
    await transfer(jo, chat.id, {}).expect(400);
    expect((await transfer(jo, chat.id, { queueId: 'nope' }).expect(400)).body.message).toMatch(/queueId/);
    const wrongQueue = await transfer(jo, chat.id, { queueId: foreign.id }).expect(400);
    expect(wrongQueue.body.details.fieldErrors.queueId[0]).toMatch(/does not take/);
    // Kim is Not ready, Lee too; Jo is not a target for himself.
    const notReady = await transfer(jo, chat.id, { accountId: kim.id }).expect(409);
    expect(notReady.body).toMatchObject({ error: 'ROUTING_AGENT_UNAVAILABLE' });
    expect(notReady.body.message).toMatch(/Kim is not available/);
    expect((await transfer(jo, chat.id, { accountId: jo.id }).expect(409)).body.error).toBe(
      'ROUTING_AGENT_UNAVAILABLE',
    );
    await setState(lee, 'available');
    const full = await t.http().get(`/api/conversations/${chat.id}/transfer-targets`).set(auth(jo.token)).expect(200);
    expect(full.body.agents.map((a: any) => a.id)).toContain(lee.id);
    await t.http().post(`/api/conversations/${chat.id}/transfer`).send({ queueId: queue.id }).expect(401);

    // A chat still waiting (not accepted) cannot be transferred; nor one that ended.
    await setState(jo, 'not_ready');
    const waiting = await startChat(t, subdomain);
    expect((await transfer(jo, waiting.conversationId, { queueId: queue.id }).expect(409)).body.message).toMatch(
      /Only an accepted conversation/,
    );
    await t.http().post(`/api/conversations/${chat.id}/end`).set(auth(jo.token)).expect(200);
    expect((await transfer(jo, chat.id, { queueId: queue.id }).expect(409)).body.message).toMatch(/ended/);
    expect(await agentState(jo)).toMatchObject({ activeChats: 1 });
    void company;
  });

  it('transfer-targets: queues of the company and Available agents with a slot, q filters, only the accepting agent', async () => {
    const mo = await agent('Mo Target');
    const nia = await agent('Nia Target');
    const oli = await agent('Oli Target');
    await setState(mo, 'available');
    const { company, subdomain, queue } = await queuePortal([mo]);
    const chat = await acceptedChat(mo, subdomain);
    const sales = await newQueue(company.id, [nia], { name: uniqueName('Sales ') });
    const other = await createCompanyWithPortal(t);
    const foreign = await newQueue(other.company.id, [nia]);
    await setState(nia, 'available');
    // Oli stays Not ready: not listed.
    const list = async (q?: string) =>
      (
        await t
          .http()
          .get(`/api/conversations/${chat.id}/transfer-targets`)
          .query(q === undefined ? {} : { q })
          .set(auth(mo.token))
          .expect(200)
      ).body;
    const all = await list();
    const queueIds = all.queues.map((x: any) => x.id);
    expect(queueIds).toEqual(expect.arrayContaining([queue.id, sales.id]));
    expect(queueIds).not.toContain(foreign.id);
    expect(all.queues.find((x: any) => x.id === queue.id)).toEqual({ id: queue.id, name: queue.name, waiting: 0 });
    const agentIds = all.agents.map((a: any) => a.id);
    expect(agentIds).toContain(nia.id);
    expect(agentIds).not.toContain(mo.id);
    expect(agentIds).not.toContain(oli.id);
    expect(all.agents.find((a: any) => a.id === nia.id)).toEqual({
      id: nia.id,
      name: 'Nia Target',
      state: 'available',
      activeChats: 0,
      maxChats: 3,
    });
    const names = all.agents.map((a: any) => a.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));

    const filtered = await list('SALES');
    expect(filtered.queues.map((x: any) => x.id)).toEqual([sales.id]);
    expect(filtered.agents).toEqual([]);
    expect((await list('nia tar')).agents.map((a: any) => a.id)).toEqual([nia.id]);

    await t.http().get(`/api/conversations/${chat.id}/transfer-targets`).set(auth(nia.token)).expect(403);
    await t
      .http()
      .get(`/api/conversations/${chat.id}/transfer-targets`)
      .query({ q: 'x'.repeat(101) })
      .set(auth(mo.token))
      .expect(400);
    void visitorAuth;
  });
});
