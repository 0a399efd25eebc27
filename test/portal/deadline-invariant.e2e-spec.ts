import { DataSource } from 'typeorm';
import type { TestApp } from '@switchboard/testing';
import { conversationsWithoutDeadline, refuseDeadlineInserts } from '../foundation/timers-invariant.js';
import {
  auth,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  visitorAuth,
} from './portal-helpers.js';

const kindsOf = async (ds: DataSource, conversationId: string): Promise<string[]> =>
  ((await ds.query(`SELECT "kind" FROM "deadlines" WHERE "key" LIKE '%:${conversationId}'`)) as { kind: string }[])
    .map((r) => r.kind)
    .sort();
const count = async (ds: DataSource, sql: string): Promise<number> => Number((await ds.query(sql))[0].n);

describe('portal chat deadlines are armed with the chat', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await createPortalApp();
    ds = t.get(DataSource);
  });
  afterAll(() => t.close());

  it('a chat whose abandon deadline cannot be written is not started at all (nothing half-written)', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const conversations = await count(ds, `SELECT COUNT(*) AS n FROM "conversations"`);
    const participants = await count(ds, `SELECT COUNT(*) AS n FROM "conversation_participants"`);
    const offers = await count(ds, `SELECT COUNT(*) AS n FROM "deadlines" WHERE "kind" = 'portal.waiting-offer'`);
    const undo = await refuseDeadlineInserts(ds, 'portal.abandon');
    try {
      const res = await t.http().post(`/api/public/portals/${subdomain}/chats`).send({
        firstName: 'Nora',
        lastName: 'Halfway',
        email: 'nora.halfway@example.com',
        question: 'Will this stick?',
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await undo();
    }
    // The waiting-offer row was written before the failing one, in the same transaction: gone too.
    expect(await count(ds, `SELECT COUNT(*) AS n FROM "conversations"`)).toBe(conversations);
    expect(await count(ds, `SELECT COUNT(*) AS n FROM "conversation_participants"`)).toBe(participants);
    expect(await count(ds, `SELECT COUNT(*) AS n FROM "deadlines" WHERE "kind" = 'portal.waiting-offer'`)).toBe(offers);
    // Without the trigger the same submission works.
    const chat = await startChat(t, subdomain);
    expect(await kindsOf(ds, chat.conversationId)).toEqual(['portal.abandon', 'portal.waiting-offer']);
  });

  it('after the usual flows every waiting chat still has its deadline; ending removes them', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    await setAvailable(t, t.technicianToken, true);
    const waiting = await startChat(t, subdomain);
    const taken = await startChat(t, subdomain, {
      firstName: 'Tom',
      lastName: 'Taken',
      email: 'tom.taken@example.com',
    });
    await t.http().post(`/api/cases/${taken.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    const ended = await startChat(t, subdomain, {
      firstName: 'Eve',
      lastName: 'Ender',
      email: 'eve.ender@example.com',
    });
    await t.http().post(`/api/public/cases/${ended.caseId}/end`).set(visitorAuth(ended.token)).expect(200);
    await t.runDueTimers();
    expect(await conversationsWithoutDeadline(ds)).toEqual([]);
    expect(await kindsOf(ds, waiting.conversationId)).toEqual(['portal.abandon', 'portal.waiting-offer']);
    // The end cancelled its timers in the end's transaction.
    expect(await kindsOf(ds, ended.conversationId)).toEqual([]);
  });
});
