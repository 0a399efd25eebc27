import { ConversationService } from '@switchboard/chat';
import { FakeClock } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { createCompanyWithPortal, createPortalApp, LIVECHAT_PLUGIN, startChat } from './portal-helpers.js';

// The group commit (MessageWriter + MessageRepository.commitBatch) under contention: two instances
// on one database (PostgreSQL when TEST_DATABASE_URL is set), batches over many conversations,
// clientId retries inside a batch and across instances, an ended conversation in the batch.
describe('chat group commit on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const clock = new FakeClock();
    a = await createPortalApp({ clock, instanceId: 'commit-a' });
    b = await createTestApp({
      plugins: [LIVECHAT_PLUGIN],
      clock,
      database: a.database,
      seed: false,
      instanceId: 'commit-b',
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('keeps every conversation dense and every clientId stored once under concurrent batches', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    const chats = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        startChat(a, subdomain, { firstName: 'V', lastName: String(i), email: `v${i}@example.com` }),
      ),
    );
    const author = { kind: 'contact' as const, id: 'visitor', name: 'Visitor' };
    const post = (t: TestApp, conversationId: string, clientId: string) =>
      t.get(ConversationService).postMessage({ conversationId, author, body: `message ${clientId}`, clientId });

    // Both instances write the same conversations at once; every clientId is sent twice (once
    // on each instance) and a third of them a third time in the same turn on instance A.
    const sends: Array<Promise<{ message: { id: string; clientId: string | null; seq: number }; duplicate: boolean }>> =
      [];
    for (let round = 0; round < 8; round++) {
      for (const [i, chat] of chats.entries()) {
        const clientId = `r${round}-c${i}`;
        sends.push(post(a, chat.conversationId, clientId), post(b, chat.conversationId, clientId));
        if (i % 3 === 0) sends.push(post(a, chat.conversationId, clientId));
      }
    }
    const results = await Promise.all(sends);

    const byClientId = new Map<string, Set<string>>();
    for (const r of results)
      byClientId.set(r.message.clientId!, (byClientId.get(r.message.clientId!) ?? new Set()).add(r.message.id));
    expect(byClientId.size).toBe(8 * chats.length);
    // Every copy of a clientId answered with the one stored message, and exactly one copy was new.
    for (const ids of byClientId.values()) expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(8 * chats.length);

    const ds = a.get(DataSource);
    const p = ds.options.type === 'postgres' ? '$1' : '?';
    for (const chat of chats) {
      const rows: Array<{ seq: number | string; clientId: string }> = await ds.query(
        `SELECT "seq", "clientId" FROM "conversation_messages" WHERE "conversationId" = ${p} AND "authorKind" = 'contact' ORDER BY "seq"`,
        [chat.conversationId],
      );
      expect(new Set(rows.map((r) => r.clientId)).size).toBe(rows.length);
      const [{ lastSeq }] = await ds.query(`SELECT "lastSeq" FROM "conversations" WHERE "id" = ${p}`, [
        chat.conversationId,
      ]);
      const seqs: number[] = (
        await ds.query(`SELECT "seq" FROM "conversation_messages" WHERE "conversationId" = ${p} ORDER BY "seq"`, [
          chat.conversationId,
        ])
      ).map((r: { seq: number | string }) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: Number(lastSeq) }, (_, k) => k + 1));
      // Per conversation, one instance's messages keep their arrival order (round by round).
      expect(rows.map((r) => r.clientId).filter((id) => id !== 'question')).toEqual(
        Array.from({ length: 8 }, (_, round) => `r${round}-c${chats.indexOf(chat)}`),
      );
    }
  });

  it('refuses messages to an ended conversation without failing the others of the same batch', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    const [open, ending] = await Promise.all([
      startChat(a, subdomain),
      startChat(a, subdomain, { firstName: 'E', lastName: 'Nd', email: 'end@example.com' }),
    ]);
    const conversations = a.get(ConversationService);
    await conversations.end(ending.conversationId, { reason: 'customer_left' });
    const author = { kind: 'contact' as const, id: 'visitor', name: 'Visitor' };
    const [ok, refused] = await Promise.allSettled([
      conversations.postMessage({
        conversationId: open.conversationId,
        author,
        body: 'still here',
        clientId: 'same-turn-1',
      }),
      conversations.postMessage({
        conversationId: ending.conversationId,
        author,
        body: 'too late',
        clientId: 'same-turn-2',
      }),
    ]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { duplicate: false, message: { body: 'still here' } } });
    expect(refused).toMatchObject({ status: 'rejected', reason: { message: 'This conversation has ended' } });
  });
});

describe('chat group commit: text PostgreSQL JSON would refuse', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createPortalApp()));
  afterAll(async () => t?.close());

  it('stores a lone surrogate as U+FFFD without failing its batch', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    const author = { kind: 'contact' as const, id: 'visitor', name: 'Visitor \ud800' };
    const conversations = t.get(ConversationService);
    const [odd, plain] = await Promise.all([
      conversations.postMessage({
        conversationId: chat.conversationId,
        author,
        body: 'broken \udc00 emoji \ud83d\ude00',
        clientId: 'odd',
      }),
      conversations.postMessage({ conversationId: chat.conversationId, author, body: 'plain', clientId: 'plain' }),
    ]);
    expect(odd.message.body).toBe('broken \ufffd emoji \ud83d\ude00');
    expect(odd.message.author.name).toBe('Visitor \ufffd');
    expect(plain.message.body).toBe('plain');
    const stored = await conversations.listMessages(chat.conversationId);
    expect(stored.map((m) => m.body)).toEqual(expect.arrayContaining(['broken \ufffd emoji \ud83d\ude00', 'plain']));
  });
});
