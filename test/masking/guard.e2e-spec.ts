import { NotificationService } from '@switchboard/notify';
import { AddContactCommentService, ContactAuthorService } from '@switchboard/tickets';
import { createTestApp, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  bearer,
  createTicket,
  eventually,
  leaks,
  PHONE_NAME,
  PII_RECORDER,
  PII_TEXT,
  seedPeople,
  setMode,
} from './masking.helper';

/**
 * THE GUARD: with display mode on and PII in every text field, every GET route of the OpenAPI
 * document (as a technician and as an admin) and every event the technician and admin sockets
 * receive must be free of raw PII. A new endpoint or event is covered without touching this test;
 * one that bypasses the masker (or opts out with @Unmasked()) fails it unless listed below.
 */
const UNMASKED_ROUTES: Record<string, string> = {
  '/api/auth/me': 'your own profile',
  '/api/accounts': 'staff accounts (admin)',
  '/api/accounts/{id}': 'staff accounts (admin)',
  '/api/technicians': 'staff directory',
  '/api/settings': 'configuration (admin)',
  '/api/settings/{key}': 'configuration (admin)',
  '/api/plugins': 'plugin configuration (admin)',
  '/api/plugins/{id}': 'plugin configuration (admin)',
  '/health': 'no data',
};
/** End-user (portal visitor / embed) routes: not technician payloads; visitors see their own conversation. */
const END_USER_PREFIXES = ['/api/public/', '/p/'];

type Captured = { who: string; event: string; payload: unknown };

describe('masking guard: no payload to a technician skips the masker', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const received: Captured[] = [];

  beforeAll(async () => {
    t = await createTestApp({ plugins: [PII_RECORDER] });
    await setMode(t, 'display');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('crawls every GET route and every socket event of a full scenario', async () => {
    const admin = bearer(t.adminToken);
    for (const [who, token] of [
      ['technician', t.technicianToken],
      ['admin', t.adminToken],
    ] as const) {
      const s = await t.socket('/agent', { token });
      s.onAny((event: string, payload: unknown) => received.push({ who, event, payload }));
      sockets.push(s);
    }

    // Scenario: PII in every free-text field we have.
    const { company, contact, caller } = await seedPeople(t);
    await t.http().patch(`/api/contacts/${contact.id}`).set(admin).send({ phone: '+33 6 12 34 56 78' });
    const ticket = await createTicket(
      t,
      { title: `Title ${PII_TEXT}`, description: PII_TEXT, requesterId: caller.id, assigneeId: t.technician.id },
      t.adminToken,
    );
    for (const [i, s] of sockets.entries()) {
      // Acks count as payloads too.
      const ack = await new Promise<unknown>((resolve) => s.emit('ticket.view', { number: ticket.number }, resolve));
      received.push({ who: i === 0 ? 'technician' : 'admin', event: 'ack:ticket.view', payload: ack });
    }
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(admin)
      .send({ body: PII_TEXT, visibility: 'public', cc: [{ kind: 'contact', id: contact.id }] })
      .expect(201);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(admin)
      .send({ body: PII_TEXT, visibility: 'internal', notify: [t.technician.id] })
      .expect(201);
    await t.get(AddContactCommentService).add({
      ticketNumber: ticket.number,
      author: await t.get(ContactAuthorService).resolve(caller.id),
      body: PII_TEXT,
      source: 'portal',
    });
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(admin)
      .send({ title: `Renamed ${PII_TEXT}`, priority: 'high' })
      .expect(200);
    await t
      .http()
      .post('/api/quick-replies')
      .set(bearer(t.technicianToken))
      .send({ name: 'Card reply', body: PII_TEXT })
      .expect(201);
    await t.get(NotificationService).notify([t.technician.id, t.admin.id], {
      title: `From ${PHONE_NAME}`,
      body: PII_TEXT,
      link: `/tickets/${ticket.number}`,
    });
    await eventually(() => expect(received.filter((r) => r.event === 'notification').length).toBeGreaterThanOrEqual(3));

    const doc = (await t.http().get('/api/docs-json').set(admin).expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>;
    };
    const ids: Record<string, string> = {};
    const firstOf = (body: unknown): Record<string, unknown> | undefined => {
      const list = Array.isArray(body) ? body : (body as { items?: unknown[] } | undefined)?.items;
      return (list?.[0] as Record<string, unknown>) ?? undefined;
    };
    const fill = async (path: string): Promise<string | null> => {
      let out = path;
      for (const m of path.matchAll(/\{(\w+)\}/g)) {
        const parent = path.slice(0, m.index! - 1);
        const param = m[1];
        const known: Record<string, string> = {
          '/api/tickets:number': String(ticket.number),
          '/api/contacts:id': contact.id,
          '/api/companies:id': company.id,
        };
        let value = known[`${parent}:${param}`] ?? ids[`${parent}:${param}`];
        if (!value) {
          const res = await t
            .http()
            .get(parent.replace(/\{(\w+)\}/g, () => String(ticket.number)))
            .set(admin);
          const first = firstOf(res.body);
          value = first
            ? String(first[param === 'number' ? 'number' : param === 'key' ? 'key' : param] ?? first.id ?? '')
            : '';
          ids[`${parent}:${param}`] = value;
        }
        // Nothing of that kind in the scenario (e.g. routes added later): a well-formed unknown id (404).
        if (!value) value = param === 'number' ? '999999' : '00000000-0000-4000-8000-000000000000';
        out = out.replace(`{${param}}`, encodeURIComponent(value));
      }
      return out;
    };

    const crawled: { route: string; who: string; status: number }[] = [];
    const failures: string[] = [];
    const serverErrors: string[] = [];
    for (const [route, ops] of Object.entries(doc.paths)) {
      if (!ops.get || route in UNMASKED_ROUTES || END_USER_PREFIXES.some((p) => route.startsWith(p))) continue;
      const url = await fill(route);
      if (!url) {
        failures.push(`${route}: no id to substitute`);
        continue;
      }
      const query = (ops.get.parameters ?? []).some((p) => p.in === 'query' && p.name === 'companyId')
        ? `?companyId=${company.id}`
        : '';
      for (const [who, token] of [
        ['technician', t.technicianToken],
        ['admin', t.adminToken],
      ] as const) {
        const res = await t.http().get(`${url}${query}`).set(bearer(token));
        crawled.push({ route, who, status: res.status });
        // A 5xx carries no data (not a masking matter); it is reported, the leak check still runs.
        if (res.status >= 500) serverErrors.push(`${who} GET ${url}: ${res.status}`);
        const found = leaks(res.text);
        if (found.length) failures.push(`${who} GET ${url} leaks ${found.join(', ')}`);
      }
    }
    for (const r of received) {
      const found = leaks(r.payload);
      if (found.length) failures.push(`${r.who} socket event ${r.event} leaks ${found.join(', ')}`);
    }
    if (serverErrors.length)
      console.warn(`masking guard: routes answering 5xx during the crawl:\n${serverErrors.join('\n')}`);
    expect(failures).toEqual([]);

    // The crawl really saw the data: the main routes answered 200 with (masked) PII-bearing content.
    const ok = (route: string) => crawled.some((c) => c.route === route && c.who === 'technician' && c.status === 200);
    for (const route of [
      '/api/tickets',
      '/api/tickets/{number}',
      '/api/tickets/{number}/comments',
      '/api/tickets/{number}/activity',
      '/api/tickets/{number}/summary',
      '/api/notifications',
      '/api/contacts',
      '/api/quick-replies',
    ]) {
      expect([route, ok(route)]).toEqual([route, true]);
    }
    expect(crawled.some((c) => c.route === '/api/outbox' && c.who === 'admin' && c.status === 200)).toBe(true);
    const events = new Set(received.map((r) => r.event));
    for (const e of ['ticket.created', 'ticket.updated', 'ticket.comment', 'ticket.activity', 'notification'])
      expect(events).toContain(e);
    // Every opted-out route still exists (a rename must update this list).
    for (const route of Object.keys(UNMASKED_ROUTES))
      if (route !== '/health') expect([route, route in doc.paths]).toEqual([route, true]);
  });
});
