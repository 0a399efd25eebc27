// Statements per routing decision and per accept (#14 offer throughput): every statement the app
// sends (TypeORM logs each one, BEGIN/COMMIT included) while one contact is offered, while a sweep
// offers several, while the agent accepts, ends and wraps up. A regression guard: the ceilings are the counts
// measured after the #14 reduction (libs/routing/README.md), so a new statement on the hot path
// shows up here. OFFER_TRACE=1 prints the statements.
import { OfferDispatcher } from '@switchboard/routing';
import type { TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ack, auth, createPortalApp, startChat, uniqueName, waitFor } from '../portal/portal-helpers.js';
import { connectAgent, createQueuePortal } from './routing.helper.js';

/**
 * Ceilings, both drivers (before → after the #14 reduction, PostgreSQL / SQLite): one dispatch 16 / 17
 * → 13, one accept 27 → 23, a sweep of two offers and a decision that finds nobody 31 / 33 → 27 / 28,
 * the end 22 (unchanged), the wrap-up with its release sweep 26 / 27 → 23.
 */
/**
 * A chat started while nobody is Available (the benchmark's backlog): it is queued. PostgreSQL 28 → 20,
 * SQLite 32 → 24: the contact's find-or-create without the second lookup and the re-read, no preview
 * refresh for the question (the case opened with it), no decision's transaction when nobody is free.
 */
const MAX_PER_START = 24;
const MAX_PER_DISPATCH = 13;
/** 23 → 21: no case.updated audience read (the Cases feed), the offer tried before the conference lookup. */
const MAX_PER_ACCEPT = 21;
const MAX_PER_SWEEP = 28;
const MAX_PER_END = 18; // 22 → 18: no case.updated audience read, the wrap-up INSERT without a lookup, one contact read in the read scope
const MAX_PER_WRAP_UP = 23;

describe('statements per offer and per accept (#14)', () => {
  let t: TestApp;
  let ds: DataSource;
  const sockets: Socket[] = [];
  let log: string[] | null = null;
  beforeAll(async () => {
    t = await createPortalApp();
    ds = t.get(DataSource);
    const logQuery = ds.logger.logQuery.bind(ds.logger);
    ds.logger.logQuery = (query, parameters, runner) => {
      // Not the measured work: the masking snapshot's 2 s background refresh (real time), which
      // lands in a window now and then when the machine is loaded (CI counted 24 for an accept of 23).
      const maskingRefresh =
        query.includes('"settings"') && parameters?.some((p: unknown) => String(p).startsWith('masking.'));
      if (!maskingRefresh) log?.push(query.replace(/\s+/g, ' ').slice(0, 400));
      logQuery(query, parameters, runner);
    };
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  /**
   * Statements `work` sends until it resolves (a dispatch and a sweep wait for their announcements,
   * the accept's ack for the case assignment and the queue's positions).
   */
  const count = async (label: string, work: () => Promise<unknown>): Promise<number> => {
    log = [];
    await work();
    const n = log.length;
    if (process.env.OFFER_TRACE) console.log(`--- ${label}: ${n} statements\n${log.join('\n')}`);
    log = null;
    return n;
  };

  it('one dispatch, one accept, a sweep', async () => {
    const ada = await connectAgent(t, 'Ada', sockets, { state: 'not_ready' });
    const { subdomain } = await createQueuePortal(t, [ada]);
    const chats: string[] = [];
    chats.push((await startChat(t, subdomain)).conversationId); // warms the portal's first-use reads
    const start = await count('chat start (nobody available: queued)', async () =>
      chats.push(
        (await startChat(t, subdomain, { firstName: 'Jo', lastName: 'Doe', email: 'jo@example.com' })).conversationId,
      ),
    );
    for (let i = 0; i < 2; i++) chats.push((await startChat(t, subdomain)).conversationId);
    const offered: string[] = [];
    ada.socket.on('contact.offered', (o: { conversationId: string }) => offered.push(o.conversationId));
    // Available without the dispatch that PUT /agent-state runs: the decisions below are measured alone.
    await ds.query(
      `UPDATE routing_agent_states SET state = 'available' WHERE id = ${ds.options.type === 'postgres' ? '$1' : '?'}`,
      [ada.id],
    );
    const dispatcher = t.get(OfferDispatcher);

    const dispatch = await count('dispatch (one offer)', () => dispatcher.dispatch(chats[0]));
    await waitFor(() => offered.length === 1);
    expect(offered).toEqual([chats[0]]);
    const accept = await count('accept', async () =>
      expect(await ack(ada.socket, 'contact.accept', { conversationId: chats[0] })).toMatchObject({ ok: true }),
    );
    // Two slots left: the sweep offers the next two and finds nobody for the fourth.
    const sweep = await count('sweep (two offers, one decision without an agent)', () =>
      dispatcher.dispatchForAgent(ada.id),
    );
    await waitFor(() => offered.length === 3);
    expect(offered).toEqual(chats.slice(0, 3));
    // The chat's end, and its wrap-up (which frees the slot: the release sweep offers the fourth chat).
    const reason = (
      await t
        .http()
        .post('/api/wrap-up-reasons')
        .set(auth(t.adminToken))
        .send({ label: uniqueName('Done ') })
    ).body.id;
    const end = await count('end', () =>
      t.http().post(`/api/conversations/${chats[0]}/end`).set(auth(ada.token)).expect(200),
    );
    const wrapUp = await count('wrap-up (release, a sweep of one offer and one decision without a contact)', () =>
      t
        .http()
        .post(`/api/conversations/${chats[0]}/wrap-up`)
        .set(auth(ada.token))
        .send({ reasonId: reason })
        .expect(200),
    );
    await waitFor(() => offered.length === 4);
    if (process.env.OFFER_TRACE)
      console.log(
        `statements (${ds.options.type}): start ${start}, dispatch ${dispatch}, accept ${accept}, sweep ${sweep}, end ${end}, wrap-up ${wrapUp}`,
      );
    expect(start).toBeLessThanOrEqual(MAX_PER_START);
    expect(dispatch).toBeLessThanOrEqual(MAX_PER_DISPATCH);
    expect(accept).toBeLessThanOrEqual(MAX_PER_ACCEPT);
    expect(sweep).toBeLessThanOrEqual(MAX_PER_SWEEP);
    expect(end).toBeLessThanOrEqual(MAX_PER_END);
    expect(wrapUp).toBeLessThanOrEqual(MAX_PER_WRAP_UP);
  });
});
