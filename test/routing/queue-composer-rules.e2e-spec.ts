// The contact-centre composer rules (#14): on a queue-routed chat an agent's message holds at most
// 1,000 characters and no `<` or `>` (reserved for templates' parameters), refused with a 400 naming
// the rule on the socket and over REST, nothing stored; the visitor may type them; a pool chat keeps
// its channel's rules. Real sockets, real database.
import { nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { ack, auth, createCompanyWithPortal, createPortalApp, startChat } from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal } from './routing.helper.js';

describe('contact-centre composer rules (#14)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  const bodies = async (caseId: string, token: string) =>
    (await t.http().get(`/api/cases/${caseId}/messages`).set(auth(token)).expect(200)).body.items
      .filter((m: { kind: string }) => m.kind !== 'system')
      .map((m: { body: string }) => m.body) as string[];

  it('refuses < > and over 1,000 characters from the agent of a queue chat; the visitor may type them', async () => {
    const ada = await connectAgent(t, 'Ada', sockets, { state: 'available' });
    const { subdomain } = await createQueuePortal(t, [ada]);
    const offered = nextEvent<{ conversationId: string }>(ada.socket, 'contact.offered');
    const chat = await startChat(t, subdomain, undefined, 'Is 3 < 4?');
    await offered;
    expect((await ack(ada.socket, 'contact.accept', { conversationId: chat.conversationId })).ok).toBe(true);

    const send = (clientId: string, body: string) =>
      ack(ada.socket, 'conversation.send', { conversationId: chat.conversationId, clientId, body });
    expect(await send('k1', 'Use <name> here')).toMatchObject({
      ok: false,
      error: { statusCode: 400, error: 'AGENT_MESSAGE_RESERVED_CHARACTERS' },
    });
    // The portal channel's own limit is 1,000 too: whichever says it first, the 400 names the limit.
    expect(await send('k2', 'x'.repeat(1001))).toMatchObject({
      ok: false,
      error: { statusCode: 400, message: expect.stringMatching(/limited to 1,?000 characters/) },
    });
    const rest = await t
      .http()
      .post(`/api/cases/${chat.caseId}/messages`)
      .set(auth(ada.token))
      .send({ clientId: 'k3', body: 'a > b' });
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({
      error: 'AGENT_MESSAGE_RESERVED_CHARACTERS',
      details: { fieldErrors: { body: ['must not contain < or >'] } },
    });
    // Line breaks, quotes and ampersands go through; exactly 1,000 characters too.
    expect((await send('k4', 'Hello,\n\n\n"quoted" & fine')).ok).toBe(true);
    expect((await send('k5', 'y'.repeat(1000))).ok).toBe(true);

    const visitor = await t.socket('/portal', { token: chat.token });
    sockets.push(visitor);
    await ack(visitor, 'chat.join', {});
    expect((await ack(visitor, 'chat.send', { clientId: 'v1', body: 'My tag is <b>' })).ok).toBe(true);

    expect(await bodies(chat.caseId, ada.token)).toEqual([
      'Is 3 < 4?',
      'Hello,\n\n\n"quoted" & fine',
      'y'.repeat(1000),
      'My tag is <b>',
    ]);
  });

  it('a pool chat keeps its channel rules: the technician may write < and >', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    await t.http().put('/api/me/availability').set(auth(t.technicianToken)).send({ available: true });
    const chat = await startChat(t, subdomain);
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    const sent = await t
      .http()
      .post(`/api/cases/${chat.caseId}/messages`)
      .set(auth(t.technicianToken))
      .send({ clientId: 'p1', body: 'Type <Enter> then > to continue' });
    expect(sent.status).toBe(201);
  });
});
