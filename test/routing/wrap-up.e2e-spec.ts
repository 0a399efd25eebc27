// End and wrap-up of queue-routed chats (#14), real sockets, real database: the agent's End tells the
// visitor and opens the wrap-up (the slot stays taken until the reason is submitted); the customer's
// "End chat" does the same with "The customer ended the conversation"; a queue deleted while a chat
// runs alerts its agent, overflows what waits, and leaves the agent only End.
import { CHAT_LINES, fillLine, PORTAL_CUSTOMER_ENDED_LINE, ROUTING_OVERFLOW_LINE } from '@switchboard/contracts';
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
import { connectAgent, createQueuePortal, setAgentState, type AgentChoice } from './routing.helper.js';

describe('contact centre end and wrap-up (#14)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  let solved: { id: string; label: string };
  let retired: { id: string };
  beforeAll(async () => {
    t = await createPortalApp();
    const reason = (label: string, active = true) =>
      t
        .http()
        .post('/api/wrap-up-reasons')
        .set(auth(t.adminToken))
        .send({ label: uniqueName(label), active })
        .expect(201)
        .then((r) => r.body);
    solved = await reason('Solved ');
    retired = await reason('Retired ', false);
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
  const queuePortal = (members: Agent[]) => createQueuePortal(t, members);
  /** A chat offered to and accepted by the agent. */
  const acceptedChat = async (a: Agent, subdomain: string) => {
    const offered = nextEvent<any>(a.socket, 'contact.offered');
    const chat = await startChat(t, subdomain);
    expect((await offered).conversationId).toBe(chat.conversationId);
    expect((await ack(a.socket, 'contact.accept', { conversationId: chat.conversationId })).ok).toBe(true);
    return chat;
  };
  const visitorLines = async (chat: { caseId: string; token: string }) =>
    (
      await t.http().get(`/api/public/cases/${chat.caseId}/messages`).set(visitorAuth(chat.token)).expect(200)
    ).body.items.map((m: any) => m.body) as string[];

  it('End: the visitor is told, the wrap-up opens and holds the slot until a reason is submitted', async () => {
    const ada = await agent('Ada');
    const bob = await agent('Bob');
    await setState(ada, 'available');
    const { subdomain, queue } = await queuePortal([ada, bob]);
    const chat = await acceptedChat(ada, subdomain);
    const id = chat.conversationId;

    expect((await t.http().get(`/api/conversations/${id}/routing`).set(auth(ada.token)).expect(200)).body).toEqual({
      conversationId: id,
      queueId: queue.id,
      queueName: queue.name,
      queueDeleted: false,
      state: 'accepted',
      agentId: ada.id,
      wrapUp: null,
      conference: null,
    });
    // Nothing to wrap up while the chat runs; only the accepting agent may end it.
    const early = await t
      .http()
      .post(`/api/conversations/${id}/wrap-up`)
      .set(auth(ada.token))
      .send({ reasonId: solved.id })
      .expect(409);
    expect(early.body.error).toBe('WRAP_UP_NOT_DUE');
    await t.http().post(`/api/conversations/${id}/end`).set(auth(bob.token)).expect(403);
    await t.http().post(`/api/conversations/${id}/end`).expect(401);
    await t.http().post('/api/conversations/not-a-uuid/end').set(auth(ada.token)).expect(400);

    const due = nextEvent<any>(ada.socket, 'wrap_up.due');
    const ended = await t.http().post(`/api/conversations/${id}/end`).set(auth(ada.token)).expect(200);
    expect(ended.body).toMatchObject({
      conversationId: id,
      wrapUp: { conversationId: id, cause: 'ended', wrappedAt: null },
    });
    expect(await due).toMatchObject({ conversationId: id, wrapUp: { id: ended.body.wrapUp.id, cause: 'ended' } });
    // The visitor (French browser) reads who ended it, in French.
    expect(await visitorLines(chat)).toContain(fillLine(CHAT_LINES.endedBy, { name: 'Ada' }).fr);
    const c = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(ada.token)).expect(200)).body;
    expect(c).toMatchObject({ chatStatus: 'ended', endedReason: 'agent_ended' });
    // Ending twice: the open wrap-up again, not a second one.
    const again = await t.http().post(`/api/conversations/${id}/end`).set(auth(ada.token)).expect(200);
    expect(again.body.wrapUp.id).toBe(ended.body.wrapUp.id);

    // The wrap-up holds the slot; it is listed for a reload.
    expect((await agentState(ada)).activeChats).toBe(1);
    const pending = (await t.http().get('/api/me/wrap-ups').set(auth(ada.token)).expect(200)).body;
    expect(pending).toEqual([expect.objectContaining({ conversationId: id, cause: 'ended' })]);
    expect((await t.http().get('/api/me/wrap-ups').set(auth(bob.token)).expect(200)).body).toEqual([]);

    // Bad input: a clear 400 naming the field, nothing recorded.
    const post = (a: Agent, body: unknown) =>
      t
        .http()
        .post(`/api/conversations/${id}/wrap-up`)
        .set(auth(a.token))
        .send(body as object);
    expect((await post(ada, { reasonId: retired.id }).expect(400)).body.details.fieldErrors.reasonId).toEqual([
      `wrap-up reason ${retired.id} does not exist or is inactive`,
    ]);
    expect((await post(ada, { reasonId: 'nope' }).expect(400)).body.message).toMatch(/reasonId/);
    expect((await post(ada, { reasonId: solved.id, note: 'x'.repeat(1001) }).expect(400)).body.message).toMatch(/note/);
    expect((await post(bob, { reasonId: solved.id }).expect(409)).body.error).toBe('WRAP_UP_NOT_DUE');
    expect((await agentState(ada)).activeChats).toBe(1);

    const done = nextEvent<any>(ada.socket, 'wrap_up.done');
    const wrapped = (await post(ada, { reasonId: solved.id, note: ' Reset the toner ' }).expect(200)).body;
    expect(wrapped).toMatchObject({ reasonId: solved.id, reasonLabel: solved.label, note: 'Reset the toner' });
    expect(wrapped.wrappedAt).toEqual(expect.any(String));
    expect(await done).toEqual({ conversationId: id, wrapUpId: wrapped.id });
    expect(await agentState(ada)).toMatchObject({ state: 'available', activeChats: 0 });
    expect((await t.http().get('/api/me/wrap-ups').set(auth(ada.token)).expect(200)).body).toEqual([]);
    expect((await post(ada, { reasonId: solved.id }).expect(409)).body.error).toBe('WRAP_UP_NOT_DUE');
    await t.http().post(`/api/conversations/${id}/end`).set(auth(ada.token)).expect(409);

    // The queue board counts it: today's handle time (accept → End) and the reason picked.
    const board = (await t.http().get('/api/queues/board').set(auth(t.adminToken)).expect(200)).body;
    const today = board.queues.find((q: any) => q.queueId === queue.id).today;
    expect(today).toMatchObject({ accepted: 1, wrapUpReasons: [{ label: solved.label, count: 1 }] });
    expect(today.averageHandleSeconds).toEqual(expect.any(Number));
  });

  it('the customer ends the chat: the agent hears it and owes a wrap-up', async () => {
    const cy = await agent('Cy');
    await setState(cy, 'available');
    const { subdomain } = await queuePortal([cy]);
    const chat = await acceptedChat(cy, subdomain);
    expect((await ack(cy.socket, 'conversation.join', { conversationId: chat.conversationId })).ok).toBe(true);
    const due = nextEvent<any>(cy.socket, 'wrap_up.due');
    const endedEvent = nextEvent<any>(cy.socket, 'conversation.ended');
    await t.http().post(`/api/public/cases/${chat.caseId}/end`).set(visitorAuth(chat.token)).expect(200);
    expect(await endedEvent).toMatchObject({ conversationId: chat.conversationId, reason: 'customer_ended' });
    expect(await due).toMatchObject({ conversationId: chat.conversationId, wrapUp: { cause: 'customer_ended' } });
    const routing = (
      await t.http().get(`/api/conversations/${chat.conversationId}/routing`).set(auth(cy.token)).expect(200)
    ).body;
    expect(routing.wrapUp).toMatchObject({ cause: 'customer_ended' });
    expect(await visitorLines(chat)).toContain(PORTAL_CUSTOMER_ENDED_LINE.fr);
    expect((await agentState(cy)).activeChats).toBe(1);
    await t
      .http()
      .post(`/api/conversations/${chat.conversationId}/wrap-up`)
      .set(auth(cy.token))
      .send({ reasonId: solved.id })
      .expect(200);
    expect((await agentState(cy)).activeChats).toBe(0);
  });

  it('a deleted queue: waiting chats overflow, the agent is alerted and can only end theirs', async () => {
    const dee = await agent('Dee');
    await setState(dee, 'available');
    const { subdomain, queue } = await queuePortal([dee]);
    const running = await acceptedChat(dee, subdomain);
    // Dee steps away: the next chat waits in the queue.
    await setState(dee, 'not_ready');
    const waiting = await startChat(t, subdomain);
    const visitor = await connectSocket(t.baseUrl, '/portal', { token: waiting.token });
    sockets.push(visitor);
    const lines = collect<any>(visitor, 'conversation.message');
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);

    const alert = nextEvent<any>(dee.socket, 'contact.resource_deleted');
    await t.http().delete(`/api/queues/${queue.id}`).set(auth(dee.token)).expect(403);
    await t.http().delete(`/api/queues/${queue.id}`).set(auth(t.adminToken)).expect(204);
    expect(await alert).toMatchObject({ conversationId: running.conversationId, resource: 'queue', name: queue.name });
    // The waiting visitor is told and their question kept as a support request.
    await waitFor(() => lines.some((l) => l.message.body === ROUTING_OVERFLOW_LINE.fr));
    const waitingCase = (await t.http().get(`/api/cases/${waiting.caseId}`).set(auth(t.adminToken)).expect(200)).body;
    expect(waitingCase).toMatchObject({ type: 'support_request', live: false });

    const routing = (
      await t.http().get(`/api/conversations/${running.conversationId}/routing`).set(auth(dee.token)).expect(200)
    ).body;
    expect(routing).toMatchObject({ queueDeleted: true, queueName: null, state: 'accepted' });
    // Messages are refused (socket and REST alike); End works and the wrap-up says why.
    expect((await ack(dee.socket, 'conversation.join', { conversationId: running.conversationId })).ok).toBe(true);
    const refused = await ack(dee.socket, 'conversation.send', {
      conversationId: running.conversationId,
      clientId: 'after-delete',
      body: 'Still there?',
    });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 409, error: 'ROUTING_QUEUE_DELETED' } });
    const ended = await t
      .http()
      .post(`/api/conversations/${running.conversationId}/end`)
      .set(auth(dee.token))
      .expect(200);
    expect(ended.body.wrapUp.cause).toBe('queue_deleted');
    await t
      .http()
      .post(`/api/conversations/${running.conversationId}/wrap-up`)
      .set(auth(dee.token))
      .send({ reasonId: solved.id })
      .expect(200);
    expect((await agentState(dee)).activeChats).toBe(0);
  });
});
