import { translateLine } from '@switchboard/contracts';
import { FakeClock } from '@switchboard/core';
import { eventually, nextEvent, type TestApp } from '@switchboard/testing';
import { ConversationService } from '@switchboard/chat';
import {
  auth,
  createCompanyWithPortal,
  createPortalApp,
  LIVECHAT_PLUGIN,
  startChat,
} from '../portal/portal-helpers.js';
import { createTestApp } from '@switchboard/testing';

// Two API instances on one database (PostgreSQL when TEST_DATABASE_URL is set) sharing Redis.
describe('cases on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const clock = new FakeClock();
    a = await createPortalApp({ clock, redis: true, instanceId: 'cases-a' });
    b = await createTestApp({
      plugins: [LIVECHAT_PLUGIN],
      clock,
      redis: true,
      database: a.database,
      seed: false,
      instanceId: 'cases-b',
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('lets exactly one of two simultaneous "Assign to me" win; the other gets a clear 409', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    for (let round = 0; round < 5; round++) {
      const chat = await startChat(a, subdomain);
      const [r1, r2] = await Promise.all([
        a.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(a.technicianToken)),
        b
          .http()
          .post(`/api/cases/${chat.caseId}/assign`)
          .set(auth(b.tokenFor(a.admin.id))),
      ]);
      const statuses = [r1.status, r2.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      const winner = r1.status === 200 ? r1 : r2;
      expect(loser.body.error).toBe('CASE_ALREADY_ASSIGNED');
      expect(loser.body.message).toBe(`This case was just assigned to ${winner.body.assignee.name}`);
      const messages = (await a.http().get(`/api/cases/${chat.caseId}/messages`).set(auth(a.adminToken)).expect(200))
        .body.items;
      // Only the winner joined the chat (the line is in the visitor's language: #16).
      const joined = (body: string) => translateLine(body, 'en').endsWith('joined the chat');
      expect(messages.filter((m: any) => joined(m.body))).toHaveLength(1);
    }
  });

  it('delivers the case live to a technician on the other instance and chat messages across instances', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    // Only available technicians get incoming cases live (#15.7).
    await b
      .http()
      .put('/api/me/availability')
      .set(auth(b.tokenFor(a.technician.id)))
      .send({ available: true })
      .expect(200);
    const techOnB = await b.socket('/agent', { token: b.tokenFor(a.technician.id) });
    const created = nextEvent<any>(techOnB, 'case.created');
    const chat = await startChat(a, subdomain);
    expect((await created).case.id).toBe(chat.caseId);
    await b
      .http()
      .post(`/api/cases/${chat.caseId}/assign`)
      .set(auth(b.tokenFor(a.technician.id)))
      .expect(200);
    const visitorOnA = await a.socket('/portal', { token: chat.token });
    await visitorOnA.timeout(5000).emitWithAck('chat.join', {});
    await techOnB.timeout(5000).emitWithAck('conversation.join', { conversationId: chat.conversationId });
    const atVisitor = nextEvent<any>(visitorOnA, 'conversation.message');
    const sent = await techOnB.timeout(5000).emitWithAck('conversation.send', {
      conversationId: chat.conversationId,
      clientId: 'b-1',
      body: 'from instance B',
    });
    expect(sent.ok).toBe(true);
    expect((await atVisitor).message.body).toBe('from instance B');
    // Seqs stay dense and ordered when both instances write the same conversation concurrently.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        visitorOnA.timeout(5000).emitWithAck('chat.send', { clientId: `v-${i}`, body: `v${i}` }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        techOnB
          .timeout(5000)
          .emitWithAck('conversation.send', { conversationId: chat.conversationId, clientId: `t-${i}`, body: `t${i}` }),
      ),
    ]);
    const all = (await a.http().get(`/api/cases/${chat.caseId}/messages`).set(auth(a.adminToken)).expect(200)).body
      .items;
    expect(all.map((m: any) => m.seq)).toEqual(all.map((_: unknown, i: number) => i + 1));
    visitorOnA.close();
    techOnB.close();
  });

  it('stops a technician removed on one instance from writing through the other at once (no cache TTL wait)', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    const chat = await startChat(a, subdomain);
    await a.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(a.technicianToken)).expect(200);
    const techOnB = await b.socket('/agent', { token: b.tokenFor(a.technician.id) });
    await techOnB.timeout(5000).emitWithAck('conversation.join', { conversationId: chat.conversationId });
    // B has answered "is a participant" from the database once and remembers it.
    expect(
      (
        await techOnB
          .timeout(5000)
          .emitWithAck('conversation.send', { conversationId: chat.conversationId, clientId: 'warm', body: 'before' })
      ).ok,
    ).toBe(true);
    await a.get(ConversationService).removeParticipant(chat.conversationId, 'technician', a.technician.id);
    await eventually(
      async () =>
        expect(
          await b.get(ConversationService).isActiveParticipant(chat.conversationId, 'technician', a.technician.id),
        ).toBe(false),
      3000,
    );
    const refused = await techOnB.timeout(5000).emitWithAck('conversation.send', {
      conversationId: chat.conversationId,
      clientId: 'after',
      body: 'after removal',
    });
    expect(refused).toMatchObject({ ok: false, error: { error: 'FORBIDDEN' } });
    techOnB.close();
  });
});
