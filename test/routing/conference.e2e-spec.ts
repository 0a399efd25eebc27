// Conference of a queue-routed chat (#14), real sockets, real database, fake clock: the agent who
// accepted a chat asks a colleague in; the colleague's pop-up rings (the offer's payload plus who
// asks) and answers with contact.accept / contact.decline; joined, they write to the visitor; End
// conference sends them to their wrap-up (which holds their slot) while the chat stays with its agent.
// Declined, rung out (RONA), cancelled while ringing, the chat ended during a conference, and the denials.
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import { connectSocket, nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  ack,
  auth,
  collect,
  createPortalApp,
  startChat,
  uniqueName,
  visitorAuth,
  waitFor,
} from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal, type AgentChoice } from './routing.helper.js';

describe('contact centre conference (#14)', () => {
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
        .send({ label: uniqueName('Conference solved ') })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  const agent = (name: string, state: AgentChoice = 'available') => connectAgent(t, name, sockets, { state });
  type Agent = Awaited<ReturnType<typeof agent>>;
  const agentState = async (a: Agent) =>
    (await t.http().get('/api/me').set(auth(a.token)).expect(200)).body.agentState as {
      state: string;
      activeChats: number;
    };
  /** A queue (only `owner` is a member) with a portal, a chat accepted by `owner`, its visitor listening. */
  const conferenceChat = async (owner: Agent, queueOptions: Record<string, unknown> = {}) => {
    const { subdomain, queue } = await createQueuePortal(t, [owner], queueOptions);
    const offered = nextEvent<any>(owner.socket, 'contact.offered');
    const chat = await startChat(t, subdomain);
    expect((await offered).conversationId).toBe(chat.conversationId);
    expect((await ack(owner.socket, 'contact.accept', { conversationId: chat.conversationId })).ok).toBe(true);
    expect((await ack(owner.socket, 'conversation.join', { conversationId: chat.conversationId })).ok).toBe(true);
    const visitor = await connectSocket(t.baseUrl, '/portal', { token: chat.token });
    sockets.push(visitor);
    const lines = collect<any>(visitor, 'conversation.message');
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    return { ...chat, id: chat.conversationId, queue, lines };
  };
  const request = (a: Agent, id: string, accountId: string) =>
    t.http().post(`/api/conversations/${id}/conference`).set(auth(a.token)).send({ accountId });
  const endConference = (a: Agent, id: string) =>
    t.http().post(`/api/conversations/${id}/conference/end`).set(auth(a.token));
  const routing = async (a: Agent, id: string) =>
    (await t.http().get(`/api/conversations/${id}/routing`).set(auth(a.token)).expect(200)).body;

  it('requested → accepted → the joined agent writes → End conference: their wrap-up, the chat stays', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada);
    const id = chat.id;

    // Whom Ada can ask: Available colleagues serving the company, not herself; ?q filters; Bob may not list.
    const targets = (await t.http().get(`/api/conversations/${id}/conference-targets`).set(auth(ada.token)).expect(200))
      .body;
    expect(targets).toContainEqual({ id: bob.id, name: 'Bob', state: 'available', activeChats: 0, maxChats: 3 });
    expect(targets.some((a: any) => a.id === ada.id)).toBe(false);
    const filtered = (
      await t.http().get(`/api/conversations/${id}/conference-targets?q=zzz-nobody`).set(auth(ada.token)).expect(200)
    ).body;
    expect(filtered).toEqual([]);
    await t.http().get(`/api/conversations/${id}/conference-targets`).set(auth(bob.token)).expect(403);

    const bobOffer = nextEvent<any>(bob.socket, 'contact.offered');
    const adaChanges = collect<any>(ada.socket, 'conference.changed');
    const bobChanges = collect<any>(bob.socket, 'conference.changed');
    const asked = (await request(ada, id, bob.id).expect(200)).body;
    expect(asked).toEqual({
      state: 'ringing',
      agentId: bob.id,
      agentName: 'Bob',
      requestedById: ada.id,
      requestedByName: 'Ada',
    });
    const offer = await bobOffer;
    expect(offer).toMatchObject({
      conversationId: id,
      queueName: chat.queue.name,
      customerName: 'Jane Doe',
      conference: { requestedById: ada.id, requestedByName: 'Ada' },
    });
    expect(offer.messages.map((m: any) => m.body)).toContain('My printer is on fire');
    await waitFor(() => adaChanges.length === 1 && bobChanges.length === 1);
    expect(adaChanges[0]).toEqual({
      conversationId: id,
      conferenceId: expect.any(String),
      state: 'ringing',
      agentId: bob.id,
      agentName: 'Bob',
      requestedById: ada.id,
      requestedByName: 'Ada',
    });
    expect((await agentState(bob)).activeChats).toBe(1);
    expect((await routing(ada, id)).conference).toMatchObject({ state: 'ringing', agentId: bob.id });
    // One open conference per conversation.
    const cy = await agent('Cy');
    expect((await request(ada, id, cy.id).expect(409)).body.error).toBe('CONFERENCE_ALREADY_OPEN');
    // Bob cannot write before accepting.
    expect((await ack(bob.socket, 'conversation.join', { conversationId: id })).ok).toBe(true);
    const early = await ack(bob.socket, 'conversation.send', { conversationId: id, clientId: 'b-0', body: 'Hi' });
    expect(early).toMatchObject({ ok: false, error: { statusCode: 403 } });

    const bobClosed = nextEvent<any>(bob.socket, 'contact.offer_closed');
    const adaLines = collect<any>(ada.socket, 'conversation.message');
    expect(await ack(bob.socket, 'contact.accept', { conversationId: id })).toEqual({
      ok: true,
      data: { conversationId: id },
    });
    expect(await bobClosed).toEqual({ conversationId: id, reason: 'accepted' });
    await waitFor(() => adaChanges.length === 2);
    expect(adaChanges[1]).toMatchObject({ state: 'joined', agentId: bob.id, conferenceId: adaChanges[0].conferenceId });
    // Everyone reads that Bob joined: the visitor in their language (French), Ada too.
    const joined = fillLine(CHAT_LINES.conferenceJoined, { name: 'Bob' });
    await waitFor(() => chat.lines.some((l) => l.message.body === joined.fr));
    await waitFor(() => adaLines.some((l) => l.message.body === joined.fr));
    // The case stays Ada's; Bob writes, the visitor receives it.
    const c = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(bob.token)).expect(200)).body;
    expect(c.assignee).toMatchObject({ id: ada.id });
    const sent = await ack(bob.socket, 'conversation.send', { conversationId: id, clientId: 'b-1', body: 'Bob here' });
    expect(sent.ok).toBe(true);
    await waitFor(() => chat.lines.some((l) => l.message.body === 'Bob here' && l.message.author.name === 'Bob'));
    expect((await routing(bob, id)).conference).toMatchObject({ state: 'joined', agentId: bob.id });

    // A stranger cannot end it; Bob ends his part.
    const stranger = await agent('Stranger');
    await endConference(stranger, id).expect(403);
    const due = nextEvent<any>(bob.socket, 'wrap_up.due');
    expect((await endConference(bob, id).expect(200)).body).toMatchObject({ state: 'ended', agentId: bob.id });
    expect(await due).toMatchObject({ conversationId: id, wrapUp: { cause: 'conference_ended' } });
    await waitFor(() => adaChanges.length === 3);
    expect(adaChanges[2]).toMatchObject({ state: 'ended', conferenceId: adaChanges[0].conferenceId });
    await waitFor(() =>
      chat.lines.some((l) => l.message.body === fillLine(CHAT_LINES.conferenceLeft, { name: 'Bob' }).fr),
    );
    // Bob no longer writes; his slot is held by the wrap-up; Ada still chats.
    const late = await ack(bob.socket, 'conversation.send', { conversationId: id, clientId: 'b-2', body: 'Still?' });
    expect(late).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect((await agentState(bob)).activeChats).toBe(1);
    expect(
      (await ack(ada.socket, 'conversation.send', { conversationId: id, clientId: 'a-1', body: 'Ada again' })).ok,
    ).toBe(true);
    await waitFor(() => chat.lines.some((l) => l.message.body === 'Ada again'));
    expect((await routing(ada, id)).conference).toBeNull();
    expect((await routing(ada, id)).wrapUp).toBeNull();
    await endConference(ada, id).expect(409);
    // Bob still owes the wrap-up of his part: he cannot be asked in again until he submits it.
    expect((await request(ada, id, bob.id).expect(409)).body.error).toBe('CONFERENCE_AGENT_WRAPPING_UP');
    await t
      .http()
      .post(`/api/conversations/${id}/wrap-up`)
      .set(auth(bob.token))
      .send({ reasonId: solved.id })
      .expect(200);
    expect(await agentState(bob)).toMatchObject({ state: 'available', activeChats: 0 });
    expect((await agentState(ada)).activeChats).toBe(1);
  });

  it('declined: the asking agent hears it, the slot frees', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada);
    const adaChanges = collect<any>(ada.socket, 'conference.changed');
    const offered = nextEvent<any>(bob.socket, 'contact.offered');
    await request(ada, chat.id, bob.id).expect(200);
    await offered;
    const closed = nextEvent<any>(bob.socket, 'contact.offer_closed');
    expect((await ack(bob.socket, 'contact.decline', { conversationId: chat.id })).ok).toBe(true);
    expect(await closed).toEqual({ conversationId: chat.id, reason: 'declined' });
    await waitFor(() => adaChanges.some((e) => e.state === 'declined'));
    expect(await agentState(bob)).toMatchObject({ state: 'available', activeChats: 0 });
    expect((await routing(ada, chat.id)).conference).toBeNull();
    // Answering again: no longer open.
    expect(await ack(bob.socket, 'contact.accept', { conversationId: chat.id })).toMatchObject({ ok: false });
  });

  it('not answered in the offer timeout: the asked agent is in RONA', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada, { offerTimeoutSeconds: 10 });
    const adaChanges = collect<any>(ada.socket, 'conference.changed');
    const bobClosed = collect<any>(bob.socket, 'contact.offer_closed');
    await request(ada, chat.id, bob.id).expect(200);
    t.clock.advance(9_000);
    await t.runDueTimers();
    expect((await routing(ada, chat.id)).conference).toMatchObject({ state: 'ringing' });
    t.clock.advance(2_000);
    await t.runDueTimers();
    await waitFor(() => bobClosed.length === 1 && adaChanges.some((e) => e.state === 'expired'));
    expect(bobClosed[0]).toEqual({ conversationId: chat.id, reason: 'expired' });
    expect(await agentState(bob)).toMatchObject({ state: 'rona', activeChats: 0 });
  });

  it('cancelled while ringing: the pop-up is withdrawn and the slot frees', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada);
    await request(ada, chat.id, bob.id).expect(200);
    const closed = nextEvent<any>(bob.socket, 'contact.offer_closed');
    // Bob cannot end a request ringing for him (he declines it).
    await endConference(bob, chat.id).expect(409);
    expect((await endConference(ada, chat.id).expect(200)).body).toMatchObject({ state: 'cancelled' });
    expect(await closed).toEqual({ conversationId: chat.id, reason: 'withdrawn' });
    expect(await agentState(bob)).toMatchObject({ state: 'available', activeChats: 0 });
    // A new request works once the first is over.
    await request(ada, chat.id, bob.id).expect(200);
  });

  it('the customer ends the chat during a conference: both agents wrap up', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada);
    await request(ada, chat.id, bob.id).expect(200);
    expect((await ack(bob.socket, 'contact.accept', { conversationId: chat.id })).ok).toBe(true);
    const adaDue = nextEvent<any>(ada.socket, 'wrap_up.due');
    const bobDue = nextEvent<any>(bob.socket, 'wrap_up.due');
    await t.http().post(`/api/public/cases/${chat.caseId}/end`).set(visitorAuth(chat.token)).expect(200);
    expect(await adaDue).toMatchObject({ conversationId: chat.id, wrapUp: { cause: 'customer_ended' } });
    expect(await bobDue).toMatchObject({ conversationId: chat.id, wrapUp: { cause: 'customer_ended' } });
    expect((await agentState(bob)).activeChats).toBe(1);
    await endConference(bob, chat.id).expect(409);
    await t
      .http()
      .post(`/api/conversations/${chat.id}/wrap-up`)
      .set(auth(bob.token))
      .send({ reasonId: solved.id })
      .expect(200);
    expect((await agentState(bob)).activeChats).toBe(0);
  });

  it("the chat's agent ends the chat during a conference: the joined agent wraps up too (cause ended)", async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const chat = await conferenceChat(ada);
    await request(ada, chat.id, bob.id).expect(200);
    expect((await ack(bob.socket, 'contact.accept', { conversationId: chat.id })).ok).toBe(true);
    const bobDue = nextEvent<any>(bob.socket, 'wrap_up.due');
    const ended = await t.http().post(`/api/conversations/${chat.id}/end`).set(auth(ada.token)).expect(200);
    expect(ended.body.wrapUp.cause).toBe('ended');
    expect(await bobDue).toMatchObject({ conversationId: chat.id, wrapUp: { cause: 'ended' } });
    expect((await routing(bob, chat.id)).wrapUp).toMatchObject({ cause: 'ended' });
  });

  it('two requests at once (two colleagues): one rings, the other is 409, no slot leaked', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const cy = await agent('Cy');
    const chat = await conferenceChat(ada);
    const [r1, r2] = await Promise.all([request(ada, chat.id, bob.id), request(ada, chat.id, cy.id)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const slots = (await agentState(bob)).activeChats + (await agentState(cy)).activeChats;
    expect(slots).toBe(1);
  });

  it('denials: not the owner, self, an unavailable agent, bad input, an ended chat', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    const dee = await agent('Dee', 'not_ready');
    const chat = await conferenceChat(ada);
    await request(bob, chat.id, dee.id).expect(403);
    expect((await request(ada, chat.id, ada.id).expect(400)).body.details.fieldErrors.accountId).toBeDefined();
    const unavailable = await request(ada, chat.id, dee.id).expect(409);
    expect(unavailable.body).toMatchObject({ error: 'CONFERENCE_AGENT_UNAVAILABLE' });
    expect(unavailable.body.message).toContain('Dee');
    expect((await agentState(dee)).activeChats).toBe(0);
    expect((await routing(ada, chat.id)).conference).toBeNull();
    expect((await request(ada, chat.id, 'nope').expect(400)).body.message).toMatch(/accountId/);
    await request(ada, chat.id, '00000000-0000-4000-8000-000000000000').expect(400);
    await t.http().post(`/api/conversations/${chat.id}/conference`).send({ accountId: bob.id }).expect(401);
    await endConference(ada, chat.id).expect(409);
    await t.http().post(`/api/conversations/${chat.id}/end`).set(auth(ada.token)).expect(200);
    await request(ada, chat.id, bob.id).expect(409);
    await t.http().get(`/api/conversations/${chat.id}/conference-targets`).set(auth(ada.token)).expect(409);
  });
});
