// Defect 8 (#15): "Start chat" from a ticket shows the ticket's earlier public conversation to the
// technician (masked for them) and sends it to the device with the request; never internal notes.
import type { TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { setMode } from '../masking/masking.helper.js';
import { ack, bearer, createAgentChatApp, seedDevice } from './agent-chat.helpers.js';

describe('agent chat from a ticket: the earlier ticket conversation (defect 8)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createAgentChatApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await t?.close();
  });

  async function ticketWithHistory(contactId: string) {
    const ticket = (
      await t
        .http()
        .post('/api/tickets')
        .set(bearer(t.technicianToken))
        .send({
          title: 'Outlook keeps asking for my password',
          description: 'Since Monday Outlook asks again and again. Call me on +33 6 12 34 56 78.',
          requesterId: contactId,
        })
        .expect(201)
    ).body;
    const comment = (body: string, visibility: 'public' | 'internal') =>
      t
        .http()
        .post(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(t.technicianToken))
        .send({ body, visibility })
        .expect(201);
    await comment('Could you try signing out of Office and back in?', 'public');
    await comment('Probably the conditional access policy again.', 'internal');
    return ticket as { number: number };
  }

  it('the device gets the ticket history with the request and on join; the technician reads it masked, without notes', async () => {
    const { contact, token, company } = await seedDevice(t);
    await setMode(t, 'display', company.id);
    const ticket = await ticketWithHistory(contact.id);
    const deviceSocket = await t.socket('/device', { token });
    sockets.push(deviceSocket);

    const requested = new Promise<any>((resolve) => deviceSocket.once('chat.requested', resolve));
    const chat = (
      await t
        .http()
        .post('/api/agent-chats')
        .set(bearer(t.technicianToken))
        .send({ ticketNumber: ticket.number })
        .expect(201)
    ).body.chat;

    // The end user sees their own conversation as written: the Request (by them) and the public reply.
    const request = await requested;
    expect(request.chat.id).toBe(chat.id);
    const name = `${contact.firstName} ${contact.lastName}`;
    expect(request.chat.earlier).toEqual({
      number: ticket.number,
      more: false,
      lines: [
        {
          author: { kind: 'contact', name },
          body: 'Since Monday Outlook asks again and again. Call me on +33 6 12 34 56 78.',
          createdAt: expect.any(String),
        },
        {
          author: { kind: 'account', name: 'Test Technician' },
          body: 'Could you try signing out of Office and back in?',
          createdAt: expect.any(String),
        },
      ],
    });
    expect(JSON.stringify(request)).not.toContain('conditional access');

    // Accepting and joining (what the agent does, also after a reconnect) carries it again.
    expect((await ack(deviceSocket, 'chat.accept', { conversationId: chat.id })).ok).toBe(true);
    const joined = await ack(deviceSocket, 'chat.join', { conversationId: chat.id, afterSeq: 0 });
    expect(joined.data.chat.earlier.lines).toHaveLength(2);

    // The chat's own lines land on the ticket as it runs; they are not "earlier".
    await ack(deviceSocket, 'chat.send', { conversationId: chat.id, clientId: 'h1', body: 'I tried, no luck' });

    // The technician: the same lines, masked by the company's policy, never the internal note.
    const res = await t.http().get(`/api/agent-chats/${chat.id}/earlier`).set(bearer(t.technicianToken)).expect(200);
    expect(res.body.earlier.number).toBe(ticket.number);
    expect(res.body.earlier.lines.map((l: any) => l.body)).toEqual([
      'Since Monday Outlook asks again and again. Call me on ********5678.',
      'Could you try signing out of Office and back in?',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('conditional access');
    expect(JSON.stringify(res.body)).not.toContain('+33 6 12 34 56 78');
  });

  it('a chat not started from a ticket has no earlier block; another company’s technician gets a 404', async () => {
    const { device, token, company } = await seedDevice(t);
    const deviceSocket = await t.socket('/device', { token });
    sockets.push(deviceSocket);
    const requested = new Promise<any>((resolve) => deviceSocket.once('chat.requested', resolve));
    const chat = (
      await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
    ).body.chat;
    expect((await requested).chat.earlier).toBeNull();
    const res = await t.http().get(`/api/agent-chats/${chat.id}/earlier`).set(bearer(t.technicianToken)).expect(200);
    expect(res.body).toEqual({ companyId: company.id, earlier: null });

    // A technician who does not serve the company cannot read it.
    const other = await seedDevice(t);
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(bearer(t.adminToken))
        .send({
          name: 'Rita Restricted',
          email: `rita.earlier${Date.now()}@test.local`,
          password: 'rita-password-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.company.id],
        })
        .expect(201)
    ).body;
    await t
      .http()
      .get(`/api/agent-chats/${chat.id}/earlier`)
      .set(bearer(t.tokenFor(restricted.id)))
      .expect(404);
    await t.http().get(`/api/agent-chats/${chat.id}/earlier`).expect(401);
    await t.http().get(`/api/agent-chats/not-a-uuid/earlier`).set(bearer(t.technicianToken)).expect(400);
  });
});
