// Contact-centre offers on a queue-routed portal (#14), real sockets, real database, fake clock:
// offer → accept (the case is assigned as a self-assign), decline → next agent, no answer → RONA →
// next agent → … → overflow to a support request with the visitor told, capacity, an agent becoming
// Available gets the waiting contact, masking in the offer, queue.position to the visitor.
import { ROUTING_OVERFLOW_LINE } from '@switchboard/contracts';
import { connectSocket, nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { leaks, MASKED_TEXT, PHONE_NAME, PII_TEXT, setMode } from '../masking/masking.helper.js';
import {
  ack,
  auth,
  collect,
  createPortalApp,
  startChat,
  uniqueName,
  visitorAuth,
  waitFor,
  watchCases,
} from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal, setAgentState, type AgentChoice } from './routing.helper.js';

describe('contact centre offers (#14)', () => {
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
  const available = (a: Agent, state: AgentChoice = 'available') => setAgentState(t, a.token, state);
  /** A company, its queue-routed portal and the queue. */
  const queuePortal = (members: Agent[], queue: { offerTimeoutSeconds?: number; maxWaitSeconds?: number } = {}) =>
    createQueuePortal(t, members, queue);
  const stateOf = async (a: Agent) =>
    (await t.http().get('/api/me').set(auth(a.token)).expect(200)).body.agentState.state as string;

  it('offers to the Available member, accept assigns the case, the agent chats with conversation.send', async () => {
    const ada = await agent('Ada');
    await available(ada);
    const { subdomain, queue } = await queuePortal([ada]);
    const offered = nextEvent<any>(ada.socket, 'contact.offered');
    const busyPush = collect<any>(ada.socket, 'agent.state_changed');
    // Ada has the Cases page open on this socket; a second tab of hers (compose only) does not.
    await watchCases(ada.socket);
    const created = nextEvent<any>(ada.socket, 'case.created');
    const otherTab = await t.socket('/agent', { token: ada.token });
    const otherTabList = collect<any>(otherTab, 'case.created');
    const otherTabEvents: string[] = [];
    otherTab.onAny((e: string) => otherTabEvents.push(e));
    const chat = await startChat(t, subdomain, undefined, 'Line one\n\n\nline four');
    const offer = await offered;
    // The list learns about the case, but the offer is the alert: no chime, no notification.
    expect(await created).toMatchObject({ case: { id: chat.caseId }, chime: false, browser: false });
    const inbox = (await t.http().get('/api/notifications').set(auth(ada.token)).expect(200)).body;
    expect(JSON.stringify(inbox)).not.toContain(chat.caseId);
    expect(offer).toMatchObject({
      conversationId: chat.conversationId,
      queueId: queue.id,
      queueName: queue.name,
      customerName: 'Jane Doe',
      proactive: false,
    });
    expect(offer.messages.map((m: any) => m.body)).toContain('Line one\n\n\nline four');
    expect(new Date(offer.expiresAt).getTime() - new Date(offer.arrivedAt).getTime()).toBe(20_000);
    await waitFor(() => busyPush.some((p) => p.activeChats === 1));
    expect(busyPush.at(-1)).toMatchObject({ state: 'available', activeChats: 1, maxChats: 3 });

    // The case still shows in All cases.
    const all = (await t.http().get('/api/cases?view=all').set(auth(t.adminToken)).expect(200)).body;
    expect(all.items.map((c: any) => c.id)).toContain(chat.caseId);

    // Only the offered agent may accept.
    const bob = await agent('Bob');
    const denied = await ack(bob.socket, 'contact.accept', { conversationId: chat.conversationId });
    expect(denied).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(await ack(ada.socket, 'contact.accept', { conversationId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { statusCode: 400 },
    });

    const closed = nextEvent<any>(ada.socket, 'contact.offer_closed');
    const listUpdates = collect<any>(ada.socket, 'case.updated');
    expect(await ack(ada.socket, 'contact.accept', { conversationId: chat.conversationId })).toEqual({
      ok: true,
      data: { conversationId: chat.conversationId },
    });
    expect(await closed).toEqual({ conversationId: chat.conversationId, reason: 'accepted' });
    const c = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(ada.token)).expect(200)).body;
    expect(c).toMatchObject({ status: 'assigned', assignee: { id: ada.id } });
    // The watching socket's list follows the assignment; the tab without the Cases page gets none of it.
    await waitFor(() => listUpdates.some((u) => u.case.id === chat.caseId && u.case.status === 'assigned'));
    expect(otherTabList).toEqual([]);
    expect(otherTabEvents.filter((e) => e.startsWith('case.'))).toEqual([]);
    otherTab.disconnect();
    // Accepting twice: the offer is gone.
    expect(await ack(ada.socket, 'contact.accept', { conversationId: chat.conversationId })).toMatchObject({
      ok: false,
      error: { statusCode: 409 },
    });
    // Today's compose path works.
    const joined = await ack(ada.socket, 'conversation.join', { conversationId: chat.conversationId });
    expect(joined.ok).toBe(true);
    const sent = await ack(ada.socket, 'conversation.send', {
      conversationId: chat.conversationId,
      clientId: 'c1',
      body: 'Hello Jane',
    });
    expect(sent.ok).toBe(true);
    // The slot the offer claimed stays the chat's (frees only after wrap-up).
    expect((await t.http().get('/api/me').set(auth(ada.token)).expect(200)).body.agentState.activeChats).toBe(1);
  });

  it('no answer → RONA → next agent → … → overflow to a support request, the visitor told', async () => {
    const [cy, dee] = [await agent('Cy'), await agent('Dee')];
    await available(cy);
    t.clock.advance(1000);
    await available(dee); // cy idle longer: first
    const { subdomain } = await queuePortal([cy, dee], { offerTimeoutSeconds: 10, maxWaitSeconds: 45 });
    const cyOffers = collect<any>(cy.socket, 'contact.offered');
    const deeOffers = collect<any>(dee.socket, 'contact.offered');
    const cyClosed = collect<any>(cy.socket, 'contact.offer_closed');
    const deeClosed = collect<any>(dee.socket, 'contact.offer_closed');
    const cyStates = collect<any>(cy.socket, 'agent.state_changed');
    const chat = await startChat(t, subdomain);
    const visitor = await connectSocket(t.baseUrl, '/portal', { token: chat.token });
    sockets.push(visitor);
    const lines = collect<any>(visitor, 'conversation.message');
    const position = nextEvent<any>(visitor, 'queue.position');
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    expect(await position).toMatchObject({ conversationId: chat.conversationId, position: 1 });
    await waitFor(() => cyOffers.length === 1);
    expect(deeOffers).toEqual([]);

    t.clock.advance(10_000);
    await t.runDueTimers();
    await waitFor(() => deeOffers.length === 1);
    expect(cyClosed).toEqual([{ conversationId: chat.conversationId, reason: 'expired' }]);
    expect(await stateOf(cy)).toBe('rona');
    expect(cyStates.at(-1)).toMatchObject({ state: 'rona', activeChats: 0 });

    // dee lets it ring too; cy is in RONA: nobody is Available, the contact waits.
    t.clock.advance(10_000);
    await t.runDueTimers();
    await waitFor(() => deeClosed.length === 1);
    expect(await stateOf(dee)).toBe('rona');
    // cy picks Available by hand: the waiting contact is offered again (tried agents get it when nobody else can).
    await available(cy);
    await waitFor(() => cyOffers.length === 2);

    t.clock.advance(10_000);
    await t.runDueTimers();
    await waitFor(() => cyClosed.length === 2);
    // Max wait (45 s) passes: overflow.
    t.clock.advance(20_000);
    await t.runDueTimers();
    await waitFor(() => lines.some((l) => l.message.body === ROUTING_OVERFLOW_LINE.fr));
    const caseOf = async () =>
      (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(200)).body;
    expect(await caseOf()).toMatchObject({ type: 'support_request', live: false });
    // …and a ticket for the customer with the chat so far, unassigned, linked to the case.
    let ticketNumber: number | null = null;
    for (let i = 0; i < 100 && ticketNumber === null; i++) {
      ticketNumber = (await caseOf()).ticketNumber;
      if (ticketNumber === null) await new Promise((r) => setTimeout(r, 20));
    }
    const ticket = (await t.http().get(`/api/tickets/${ticketNumber}`).set(auth(t.adminToken)).expect(200)).body;
    expect(ticket.title).toMatch(/^Discussion sans réponse : /);
    expect(ticket.requester).toMatchObject({ email: expect.any(String) });
    expect(ticket.assignee).toBeNull();
    expect(ticket.description).toContain(ROUTING_OVERFLOW_LINE.fr);
    expect(cyOffers).toHaveLength(2);
    expect(deeOffers).toHaveLength(1);
  });

  it('decline re-offers to the next agent; withdrawal closes the ringing offer', async () => {
    const [eve, fay] = [await agent('Eve'), await agent('Fay')];
    await available(eve);
    t.clock.advance(1000);
    await available(fay);
    const { subdomain } = await queuePortal([eve, fay]);
    const eveOffer = nextEvent<any>(eve.socket, 'contact.offered');
    const fayOffer = nextEvent<any>(fay.socket, 'contact.offered');
    const chat = await startChat(t, subdomain);
    await eveOffer;
    const eveClosed = nextEvent<any>(eve.socket, 'contact.offer_closed');
    expect(await ack(eve.socket, 'contact.decline', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    expect(await eveClosed).toEqual({ conversationId: chat.conversationId, reason: 'declined' });
    expect((await fayOffer).conversationId).toBe(chat.conversationId);
    expect(await stateOf(eve)).toBe('available');
    // The visitor leaves while it rings at fay: withdrawn, fay's slot freed.
    const fayClosed = nextEvent<any>(fay.socket, 'contact.offer_closed');
    await t.http().post(`/api/public/cases/${chat.caseId}/end`).set(visitorAuth(chat.token)).expect(200);
    expect(await fayClosed).toEqual({ conversationId: chat.conversationId, reason: 'withdrawn' });
    expect((await t.http().get('/api/me').set(auth(fay.token)).expect(200)).body.agentState.activeChats).toBe(0);
  });

  it('masks the offer: a phone-number customer name and the thread', async () => {
    const gus = await agent('Gus');
    await available(gus);
    const { subdomain, company } = await queuePortal([gus]);
    await setMode(t, 'display', company.id);
    const offered = nextEvent<any>(gus.socket, 'contact.offered');
    await startChat(
      t,
      subdomain,
      { firstName: PHONE_NAME, lastName: 'Smith', email: `${uniqueName('p')}@customer.example` },
      PII_TEXT,
    );
    const offer = await offered;
    expect(leaks(offer)).toEqual([]);
    expect(offer.customerName).not.toContain(PHONE_NAME);
    expect(offer.messages.map((m: any) => m.body)).toContain(MASKED_TEXT);
    await setMode(t, 'off', company.id);
  });

  it('a long chat: the offer carries its last 50 messages, newest last, the phone-number name still masked', async () => {
    const kit = await agent('Kit');
    const { subdomain, company } = await queuePortal([kit]);
    await setMode(t, 'display', company.id);
    // Kit is Not ready: the contact waits while the visitor writes 60 more lines (61 with the question).
    const chat = await startChat(
      t,
      subdomain,
      { firstName: PHONE_NAME, lastName: 'Smith', email: `${uniqueName('p')}@customer.example` },
      'First question',
    );
    const visitor = await t.socket('/portal', { token: chat.token });
    sockets.push(visitor);
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    for (let i = 1; i <= 60; i++)
      expect((await ack(visitor, 'chat.send', { clientId: `long-${i}`, body: `line ${i}` })).ok).toBe(true);
    const offered = nextEvent<any>(kit.socket, 'contact.offered');
    await available(kit);
    const offer = await offered;
    expect(offer.conversationId).toBe(chat.conversationId);
    const bodies = offer.messages.map((m: any) => m.body);
    expect(offer.messages).toHaveLength(50);
    expect(bodies[bodies.length - 1]).toBe('line 60');
    expect(bodies[0]).toBe('line 11');
    expect(bodies).not.toContain('First question');
    const seqs = offer.messages.map((m: any) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(leaks(offer)).toEqual([]);
    expect(offer.customerName).not.toContain(PHONE_NAME);
    await setMode(t, 'off', company.id);
    await available(kit, 'not_ready');
  });

  it('capacity: never beyond maxChats; an agent becoming Available gets the waiting contact', async () => {
    const hal = await agent('Hal');
    await available(hal);
    const { subdomain } = await queuePortal([hal]);
    const offers = collect<any>(hal.socket, 'contact.offered');
    const chats = [];
    for (let i = 0; i < 4; i++) chats.push(await startChat(t, subdomain));
    await waitFor(() => offers.length === 3);
    expect(await stateOf(hal)).toBe('busy');
    const waiting = chats[3];
    // Accept one, decline another: its slot frees and the 4th contact (oldest waiting after it) is offered.
    expect((await ack(hal.socket, 'contact.accept', { conversationId: chats[0].conversationId })).ok).toBe(true);
    expect((await ack(hal.socket, 'contact.decline', { conversationId: chats[1].conversationId })).ok).toBe(true);
    await waitFor(() => offers.length === 4);
    // Both waiting contacts arrived at the same (fake) instant: either takes the freed slot.
    expect([chats[1].conversationId, waiting.conversationId]).toContain(offers[3].conversationId);
    expect((await t.http().get('/api/me').set(auth(hal.token)).expect(200)).body.agentState).toMatchObject({
      activeChats: 3,
      maxChats: 3,
    });

    // Not ready → a new contact waits; Available again → it is offered at once.
    const ivy = await agent('Ivy');
    const second = await queuePortal([ivy]);
    const ivyOffers = collect<any>(ivy.socket, 'contact.offered');
    const later = await startChat(t, second.subdomain);
    await new Promise((r) => setTimeout(r, 100));
    expect(ivyOffers).toEqual([]);
    await available(ivy);
    await waitFor(() => ivyOffers.length === 1);
    expect(ivyOffers[0].conversationId).toBe(later.conversationId);
  });

  it('marks the offer proactive when the chat came from the embed widget invitation', async () => {
    const bea = await agent('Bea');
    await available(bea);
    const { subdomain } = await queuePortal([bea]);
    const offered = nextEvent<any>(bea.socket, 'contact.offered');
    await t
      .http()
      .post(`/api/public/portals/${subdomain}/chats`)
      .send({
        firstName: 'Paul',
        lastName: 'Invited',
        email: 'paul.invited@example.com',
        question: 'Hi',
        proactive: true,
      })
      .expect(201);
    expect((await offered).proactive).toBe(true);
    await available(bea, 'not_ready');
  });
});
