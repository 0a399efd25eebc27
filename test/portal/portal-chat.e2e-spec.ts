import { PORTAL_CUSTOMER_ENDED_LINE, PORTAL_SUPPORT_REQUEST_LINE } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { connectSocket, nextEvent, type TestApp } from '@switchboard/testing';
import {
  ack,
  auth,
  collect,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  uniqueName,
  visitorAuth,
  waitFor,
  watchCases,
} from './portal-helpers.js';

describe('portal live chat: visitor and technician', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('runs the main path: case appears live with chime and red dot, assign, chat both ways, end, transcript, delete leaves nothing', async () => {
    const { subdomain, portal } = await createCompanyWithPortal(t);
    await setAvailable(t, t.technicianToken, true);
    const tech = await t.socket('/agent', { token: t.technicianToken });
    await watchCases(tech); // the Cases page is open: its live list gets case.updated / case.deleted
    const admin = await t.socket('/agent', { token: t.adminToken });
    const created = nextEvent<any>(tech, 'case.created');
    // The admin is unavailable: incoming requests do not reach it live (#15.7).
    const adminCreated = collect<any>(admin, 'case.created');
    const email = `${uniqueName('zed')}@customer.example`;
    const chat = await startChat(
      t,
      subdomain,
      { firstName: 'Zebulon', lastName: 'Quixotic', email },
      'Printer says PC LOAD LETTER',
    );
    const ev = await created;
    expect(ev.case).toMatchObject({
      id: chat.caseId,
      type: 'live_chat',
      status: 'unassigned',
      live: true,
      portal: { subdomain, address: `/p/${subdomain}` },
    });
    expect(ev.case.customer).toMatchObject({ firstName: 'Zebulon', lastName: 'Quixotic', email });
    expect(ev.case.device).toMatchObject({ browser: 'Chrome 126', os: 'Windows 10', language: 'fr-FR' });
    expect(ev.chime).toBe(true); // available, sound on by default
    expect(adminCreated).toEqual([]);
    expect(ev.unseen).toBeGreaterThanOrEqual(1);
    expect(
      (await t.http().get('/api/cases/unseen').set(auth(t.technicianToken)).expect(200)).body.unseen,
    ).toBeGreaterThanOrEqual(1);
    // Two tabs open the Unassigned column at the same moment: both succeed (atomic upsert).
    const seen = await Promise.all([1, 2, 3].map(() => t.http().post('/api/cases/seen').set(auth(t.technicianToken))));
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await t.http().get('/api/cases/unseen').set(auth(t.technicianToken)).expect(200)).body.unseen).toBe(0);
    const unassigned = (await t.http().get('/api/cases?view=unassigned').set(auth(t.technicianToken)).expect(200)).body;
    expect(unassigned.items.map((c: any) => c.id)).toContain(chat.caseId);

    // The visitor joins over /portal and sees the question.
    const visitor = await t.socket('/portal', { token: chat.token });
    const joined = await ack(visitor, 'chat.join', {});
    expect(joined.ok).toBe(true);
    expect(joined.data.messages.map((m: any) => m.body)).toEqual(['Printer says PC LOAD LETTER']);
    expect(joined.data.case).toMatchObject({
      id: chat.caseId,
      type: 'live_chat',
      chatStatus: 'waiting',
      technician: null,
    });

    // Assign: the visitor is told "<name> joined the chat", in their language (the portal's, French here: #16).
    const joinedNotice = nextEvent<any>(visitor, 'conversation.participant');
    const assigned = (await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200))
      .body;
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignee: { id: t.technician.id, name: 'Test Technician' },
      chatStatus: 'active',
    });
    expect((await joinedNotice).text).toBe('Test Technician a rejoint la discussion');
    expect((await t.http().get('/api/cases?view=mine').set(auth(t.technicianToken)).expect(200)).body.items[0].id).toBe(
      chat.caseId,
    );

    // Messages both ways, acked after commit, delivered to both sides.
    expect((await ack(tech, 'conversation.join', { conversationId: chat.conversationId })).ok).toBe(true);
    const techGets = nextEvent<any>(tech, 'conversation.message');
    const sent = await ack(visitor, 'chat.send', { clientId: 'c-1', body: 'Hello?' });
    expect(sent).toMatchObject({
      ok: true,
      data: { duplicate: false, message: { body: 'Hello?', author: { kind: 'contact', name: 'Zebulon Quixotic' } } },
    });
    expect((await techGets).message.id).toBe(sent.data.message.id);
    // Same clientId again (retry after a drop): one message.
    const again = await ack(visitor, 'chat.send', { clientId: 'c-1', body: 'Hello?' });
    expect(again.data).toMatchObject({
      duplicate: true,
      message: { id: sent.data.message.id, seq: sent.data.message.seq },
    });
    const visitorGets = nextEvent<any>(visitor, 'conversation.message');
    const reply = await ack(tech, 'conversation.send', {
      conversationId: chat.conversationId,
      clientId: 't-1',
      body: 'Hi Zebulon, on it.',
    });
    expect(reply.ok).toBe(true);
    expect((await visitorGets).message).toMatchObject({
      body: 'Hi Zebulon, on it.',
      author: { kind: 'technician', name: 'Test Technician' },
    });
    expect(reply.data.message.seq).toBeGreaterThan(sent.data.message.seq);

    // Typing both ways.
    const typingAtTech = nextEvent<any>(tech, 'conversation.typing');
    await ack(visitor, 'chat.typing', { typing: true });
    expect(await typingAtTech).toMatchObject({
      conversationId: chat.conversationId,
      typing: true,
      author: { kind: 'contact', name: 'Zebulon Quixotic' },
    });
    const typingAtVisitor = nextEvent<any>(visitor, 'conversation.typing');
    await ack(tech, 'conversation.typing', { conversationId: chat.conversationId, typing: true });
    expect((await typingAtVisitor).author).toMatchObject({ kind: 'technician', name: 'Test Technician' });

    // 1,000 characters max.
    const tooLong = await ack(visitor, 'chat.send', { clientId: 'c-long', body: 'x'.repeat(1001) });
    expect(tooLong).toMatchObject({ ok: false, error: { statusCode: 400, error: 'VALIDATION_FAILED' } });
    expect((await ack(visitor, 'chat.send', { clientId: 'c-max', body: 'y'.repeat(1000) })).ok).toBe(true);

    // Reconnect after a drop: resume from the last seen seq without losing anything.
    const lastSeen = sent.data.message.seq;
    visitor.close();
    await ack(tech, 'conversation.send', {
      conversationId: chat.conversationId,
      clientId: 't-2',
      body: 'Are you still there?',
    });
    const back = await t.socket('/portal', { token: chat.token });
    const resumed = await ack(back, 'chat.join', { afterSeq: lastSeen });
    expect(resumed.data.messages.map((m: any) => m.body)).toEqual([
      'Hi Zebulon, on it.',
      'y'.repeat(1000),
      'Are you still there?',
    ]);
    expect(resumed.data.messages.every((m: any, i: number, all: any[]) => i === 0 || m.seq > all[i - 1].seq)).toBe(
      true,
    );

    // The customer ends the chat: the technician is told.
    const endedAtTech = nextEvent<any>(tech, 'conversation.ended');
    const updated = nextEvent<any>(tech, 'case.updated');
    const ended = await ack(back, 'chat.end', {});
    expect(ended.data.case.chatStatus).toBe('ended');
    expect(await endedAtTech).toMatchObject({ reason: 'customer_ended', text: PORTAL_CUSTOMER_ENDED_LINE.fr });
    expect((await updated).case).toMatchObject({ live: false, chatStatus: 'ended', endedReason: 'customer_ended' });
    expect((await ack(back, 'chat.send', { clientId: 'c-late', body: 'one more' })).error.statusCode).toBe(409);

    // Transcript (visitor token): times and names.
    const html = await t
      .http()
      .get(`/api/public/cases/${chat.caseId}/transcript`)
      .set(visitorAuth(chat.token))
      .expect(200);
    expect(html.headers['content-disposition']).toContain('attachment');
    expect(html.text).toContain('Zebulon Quixotic');
    expect(html.text).toContain('Test Technician');
    expect(html.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    const text = await t
      .http()
      .get(`/api/public/cases/${chat.caseId}/transcript?format=text`)
      .set(visitorAuth(chat.token))
      .expect(200);
    expect(text.text).toContain('Test Technician: Hi Zebulon, on it.');
    expect(text.text).toContain(PORTAL_CUSTOMER_ENDED_LINE.fr);

    // Delete: technicians may not, admins may; nothing about the customer remains anywhere.
    await t.http().delete(`/api/cases/${chat.caseId}`).set(auth(t.technicianToken)).expect(403);
    const gone = nextEvent<any>(tech, 'case.deleted');
    await t.http().delete(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(204);
    expect((await gone).caseId).toBe(chat.caseId);
    await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(404);
    await t.http().get(`/api/public/cases/${chat.caseId}`).set(visitorAuth(chat.token)).expect(404);
    await expectNoTrace(t.get(DataSource), ['Zebulon', 'Quixotic', email, 'PC LOAD LETTER', 'Hi Zebulon']);
    expect(portal.id).toBeDefined();
    for (const s of [back, tech, admin]) s.close();
    await setAvailable(t, t.technicianToken, false);
  });

  it('sends a message to everyone in the room but the sending socket, which has it in its ack', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    // Two tabs of the same technician and two tabs of the visitor.
    const tabs = await Promise.all([
      t.socket('/agent', { token: t.technicianToken }),
      t.socket('/agent', { token: t.technicianToken }),
    ]);
    const visitorTabs = await Promise.all([
      t.socket('/portal', { token: chat.token }),
      t.socket('/portal', { token: chat.token }),
    ]);
    for (const tab of tabs)
      expect((await ack(tab, 'conversation.join', { conversationId: chat.conversationId })).ok).toBe(true);
    for (const tab of visitorTabs) expect((await ack(tab, 'chat.join', {})).ok).toBe(true);
    const got = [...tabs, ...visitorTabs].map((s) => collect<any>(s, 'conversation.message'));

    const fromTech = await ack(tabs[0], 'conversation.send', {
      conversationId: chat.conversationId,
      clientId: 'tab-1',
      body: 'From tab one',
    });
    const fromVisitor = await ack(visitorTabs[1], 'chat.send', {
      clientId: 'v-tab-2',
      body: 'From the second visitor tab',
    });
    await waitFor(() => got[1].length === 2 && got[2].length === 2 && got[0].length === 1 && got[3].length === 1);
    await new Promise((r) => setTimeout(r, 100));
    const ids = (i: number) => got[i].map((e) => e.message.id);
    expect(ids(0)).toEqual([fromVisitor.data.message.id]); // the sender tab: its own message only in the ack
    expect(ids(1)).toEqual([fromTech.data.message.id, fromVisitor.data.message.id]); // the other tab of the same technician
    expect(ids(2)).toEqual([fromTech.data.message.id, fromVisitor.data.message.id]);
    expect(ids(3)).toEqual([fromTech.data.message.id]); // the sending visitor tab
    expect(fromTech.data.message).toMatchObject({
      body: 'From tab one',
      seq: expect.any(Number),
      author: { kind: 'technician' },
    });
  });

  it('refuses to delete a case whose chat is still running', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    const res = await t.http().delete(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(409);
    expect(res.body.error).toBe('CASE_CHAT_NOT_ENDED');
  });

  it('never lets a visitor read another visitor chat (guessed case id, another portal token)', async () => {
    const a = await createCompanyWithPortal(t);
    const b = await createCompanyWithPortal(t);
    const alice = await startChat(
      t,
      a.subdomain,
      { firstName: 'Alice', lastName: 'A', email: 'alice@example.com' },
      'alice secret',
    );
    const bob = await startChat(
      t,
      a.subdomain,
      { firstName: 'Bob', lastName: 'B', email: 'bob@example.com' },
      'bob secret',
    );
    const carol = await startChat(
      t,
      b.subdomain,
      { firstName: 'Carol', lastName: 'C', email: 'carol@example.com' },
      'carol secret',
    );
    for (const path of ['', '/messages', '/transcript']) {
      await t.http().get(`/api/public/cases/${alice.caseId}${path}`).set(visitorAuth(bob.token)).expect(404);
      await t.http().get(`/api/public/cases/${alice.caseId}${path}`).set(visitorAuth(carol.token)).expect(404);
      await t.http().get(`/api/public/cases/${alice.caseId}${path}`).expect(401);
      await t.http().get(`/api/public/cases/${alice.caseId}${path}`).set(auth(t.technicianToken)).expect(401);
    }
    await t.http().post(`/api/public/cases/${alice.caseId}/end`).set(visitorAuth(bob.token)).expect(404);
    // Over the socket, a token only ever reaches its own conversation.
    const bobSocket = await t.socket('/portal', { token: bob.token });
    const events = collect(bobSocket, 'conversation.message');
    const join = await ack(bobSocket, 'chat.join', {});
    expect(join.data.messages.map((m: any) => m.body)).toEqual(['bob secret']);
    const aliceSocket = await t.socket('/portal', { token: alice.token });
    await ack(aliceSocket, 'chat.join', {});
    await ack(aliceSocket, 'chat.send', { clientId: 'a1', body: 'alice second secret' });
    await new Promise((r) => setTimeout(r, 100));
    expect(events.map((e: any) => e.message.body)).not.toContain('alice second secret');
    // A portal token is not a technician session and cannot join technician rooms.
    await expect(t.socket('/agent', { token: alice.token })).rejects.toThrow('unauthorized');
    // Technicians do not see companies they do not serve: covered by AccessPolicy (404).
    aliceSocket.close();
    bobSocket.close();
  });

  it('turns a waiting live chat into a support request (same case id), and offers it after waiting', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    const visitor = await t.socket('/portal', { token: chat.token });
    await ack(visitor, 'chat.join', {});
    const offer = nextEvent<any>(visitor, 'conversation.message');
    t.clock.advance(61_000);
    await t.runDueTimers();
    expect((await offer).message).toMatchObject({ kind: 'system' });
    const converted = await ack(visitor, 'chat.convert', {});
    expect(converted.data.case).toMatchObject({ id: chat.caseId, type: 'support_request', chatStatus: 'ended' });
    const view = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(view).toMatchObject({ id: chat.caseId, type: 'support_request', status: 'unassigned', live: false });
    expect(view.submittedAt).not.toBeNull();
    visitor.close();
  });

  it('turns a chat nobody took into a support request when the customer stopped waiting', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    t.clock.advance(31 * 60_000);
    await t.runDueTimers();
    const view = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(view).toMatchObject({ type: 'support_request', endedReason: 'abandoned' });
    // The line that says so is in the visitor's language (startChat sends Accept-Language: fr-FR).
    const messages = (await t.http().get(`/api/cases/${chat.caseId}/messages`).set(auth(t.adminToken)).expect(200))
      .body;
    const bodies = (messages.items ?? messages).map((m: { body: string }) => m.body);
    expect(bodies).toContain(PORTAL_SUPPORT_REQUEST_LINE.fr);
    expect(bodies).not.toContain(PORTAL_SUPPORT_REQUEST_LINE.en);
  });

  it('takes support requests directly, resolves and reopens cases, and leaves chats', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const req = (
      await t
        .http()
        .post(`/api/public/portals/${subdomain}/requests`)
        .send({ firstName: 'Sam', lastName: 'Req', email: 'sam@example.com', question: 'Please call me back' })
        .expect(201)
    ).body;
    expect(req.type).toBe('support_request');
    const view = (await t.http().get(`/api/cases/${req.caseId}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(view).toMatchObject({
      type: 'support_request',
      live: false,
      status: 'unassigned',
      question: 'Please call me back',
    });
    await t.http().post(`/api/cases/${req.caseId}/resolve`).set(auth(t.technicianToken)).expect(409);
    await t.http().post(`/api/cases/${req.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    expect(
      (await t.http().post(`/api/cases/${req.caseId}/resolve`).set(auth(t.technicianToken)).expect(200)).body.status,
    ).toBe('resolved');
    expect(
      (await t.http().get('/api/cases?view=mine').set(auth(t.technicianToken)).expect(200)).body.items.map(
        (c: any) => c.id,
      ),
    ).not.toContain(req.caseId);
    expect(
      (await t.http().post(`/api/cases/${req.caseId}/reopen`).set(auth(t.technicianToken)).expect(200)).body.status,
    ).toBe('assigned');

    const chat = await startChat(t, subdomain);
    const visitor = await t.socket('/portal', { token: chat.token });
    await ack(visitor, 'chat.join', {});
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    // Only the assignee writes.
    await t
      .http()
      .post(`/api/cases/${chat.caseId}/messages`)
      .set(auth(t.adminToken))
      .send({ clientId: 'x', body: 'hi' })
      .expect(403);
    await t
      .http()
      .post(`/api/cases/${chat.caseId}/messages`)
      .set(auth(t.technicianToken))
      .send({ clientId: 'x', body: 'hi' })
      .expect(201);
    const ended = nextEvent<any>(visitor, 'conversation.ended');
    await t.http().post(`/api/cases/${chat.caseId}/leave`).set(auth(t.technicianToken)).expect(200);
    expect((await ended).reason).toBe('technician_left');
    const messages = (await t.http().get(`/api/cases/${chat.caseId}/messages`).set(auth(t.technicianToken)).expect(200))
      .body.items;
    expect(messages.map((m: any) => m.body)).toContain('Test Technician a quitté la discussion');
    visitor.close();
  });

  it('stores notification preferences and stops the chime when sound is off', async () => {
    expect(
      (await t.http().get('/api/me/notification-preferences').set(auth(t.technicianToken)).expect(200)).body,
    ).toEqual({ inApp: true, browser: true, email: false, sound: true });
    expect(
      (
        await t
          .http()
          .put('/api/me/notification-preferences')
          .set(auth(t.technicianToken))
          .send({ sound: false })
          .expect(200)
      ).body.sound,
    ).toBe(false);
    await setAvailable(t, t.technicianToken, true);
    const { subdomain } = await createCompanyWithPortal(t);
    const tech = await t.socket('/agent', { token: t.technicianToken });
    const created = nextEvent<any>(tech, 'case.created');
    await startChat(t, subdomain);
    expect((await created).chime).toBe(false);
    await t
      .http()
      .put('/api/me/notification-preferences')
      .set(auth(t.technicianToken))
      .send({ sound: true })
      .expect(200);
    await setAvailable(t, t.technicianToken, false);
    tech.close();
    await waitFor(() => true);
  });
});

/** Scans every text-like column of every table for the given strings. */
async function expectNoTrace(ds: DataSource, needles: string[]): Promise<void> {
  const hits: string[] = [];
  for (const meta of ds.entityMetadatas) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM "${meta.tableName}"`);
    for (const row of rows) {
      const blob = JSON.stringify(row).toLowerCase();
      for (const n of needles) if (blob.includes(n.toLowerCase())) hits.push(`${meta.tableName}: ${n}`);
    }
  }
  expect(hits).toEqual([]);
}

describe('visitor socket events without a payload', () => {
  it('ends the chat with chat.end {} and refuses unknown fields', async () => {
    const t = await createPortalApp();
    try {
      await setAvailable(t, t.technicianToken, true);
      const { subdomain } = await createCompanyWithPortal(t);
      const chat = await startChat(t, subdomain);
      const visitor = await connectSocket(t.baseUrl, '/portal', { token: chat.token });
      await ack(visitor, 'chat.join', { afterSeq: 0 });
      const refused = await ack(visitor, 'chat.end', { reason: 'bored' });
      expect(refused).toMatchObject({ ok: false, error: { statusCode: 400, error: 'VALIDATION_FAILED' } });
      expect(await ack(visitor, 'chat.end', {})).toMatchObject({ ok: true });
      visitor.close();
      const state = await t.http().get(`/api/public/cases/${chat.caseId}`).set(visitorAuth(chat.token)).expect(200);
      expect(JSON.stringify(state.body)).toMatch(/ended/);
    } finally {
      await t.close();
    }
  });
});
