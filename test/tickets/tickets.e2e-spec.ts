import { AccountService, DeviceService, SessionTokenService } from '@switchboard/core';
import { createTestApp, TestApp } from '@switchboard/testing';
import { bearer, createTicket, seedCompany } from './tickets.helper';

describe('tickets REST', () => {
  let t: TestApp;
  let acme: Awaited<ReturnType<typeof seedCompany>>;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await seedCompany(t);
  });
  afterAll(() => t.close());

  it('creates a ticket with a sequential number, defaults and an activity line', async () => {
    const first = await createTicket(t, acme.contact.id);
    const second = await createTicket(t, acme.contact.id, { priority: 'high', impact: 'site_down', type: 'problem' });
    expect(second.number).toBe(first.number + 1);
    expect(first).toMatchObject({
      status: 'open',
      statusCategory: 'open',
      priority: 'medium',
      impact: 'minor',
      type: 'incident',
      source: 'web',
      sentiment: null,
      activityStatus: 'read',
      companyId: acme.company.id,
      assignee: null,
      cc: [],
      mergedInto: null,
      requester: { id: acme.contact.id, firstName: 'Melissa', lastName: 'Jones', email: acme.contact.email },
    });
    expect(second).toMatchObject({ priority: 'high', impact: 'site_down', type: 'problem' });
    const got = await t.http().get(`/api/tickets/${first.number}`).set(bearer(t.technicianToken)).expect(200);
    expect(got.body.id).toBe(first.id);
    const activity = await t
      .http()
      .get(`/api/tickets/${first.number}/activity`)
      .set(bearer(t.technicianToken))
      .expect(200);
    expect(activity.body.items[0]).toMatchObject({
      action: 'created',
      actor: { kind: 'account', id: t.technician.id, name: 'Test Technician' },
    });
  });

  it('answers 400 with field messages for invalid bodies', async () => {
    const res = await t
      .http()
      .post('/api/tickets')
      .set(bearer(t.technicianToken))
      .send({ title: '', description: 'x', requesterId: 'nope', priority: 'urgent', bogus: 1 })
      .expect(400);
    const fields = res.body.details.fieldErrors;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['title', 'requesterId', 'priority', 'bogus']));
    expect(fields.priority[0]).toContain('low, medium, high, critical');
    const unknownContact = await t
      .http()
      .post('/api/tickets')
      .set(bearer(t.technicianToken))
      .send({ title: 'x', description: 'y', requesterId: '00000000-0000-7000-8000-000000000000' })
      .expect(400);
    expect(unknownContact.body.details.fieldErrors.requesterId[0]).toContain('does not exist');
    const badStatus = await t
      .http()
      .post('/api/tickets')
      .set(bearer(t.technicianToken))
      .send({ title: 'x', description: 'y', requesterId: acme.contact.id, status: 'nonsense' })
      .expect(400);
    expect(badStatus.body.details.fieldErrors.status[0]).toContain('unknown status "nonsense"');
  });

  it('answers 404 for an unknown ticket on every path', async () => {
    const h = bearer(t.technicianToken);
    await t.http().get('/api/tickets/999999').set(h).expect(404);
    await t.http().patch('/api/tickets/999999').set(h).send({ priority: 'low' }).expect(404);
    await t.http().get('/api/tickets/999999/comments').set(h).expect(404);
    await t.http().post('/api/tickets/999999/comments').set(h).send({ body: 'x', visibility: 'public' }).expect(404);
    await t.http().get('/api/tickets/999999/activity').set(h).expect(404);
    const res = await t.http().get('/api/tickets/999999/summary').set(h).expect(404);
    expect(res.body.error).toBe('NOT_FOUND');
  });

  it('updates fields, logging each change with actor and time', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const res = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.technicianToken))
      .send({
        status: 'pending',
        priority: 'critical',
        impact: 'major',
        type: 'change',
        title: 'Printer on fire (again)',
        assigneeId: t.admin.id,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'pending',
      statusCategory: 'pending',
      priority: 'critical',
      impact: 'major',
      type: 'change',
      title: 'Printer on fire (again)',
      assignee: { id: t.admin.id, name: 'Test Admin' },
    });
    const activity = await t
      .http()
      .get(`/api/tickets/${ticket.number}/activity`)
      .set(bearer(t.technicianToken))
      .expect(200);
    const byAction = Object.fromEntries(activity.body.items.map((a: { action: string }) => [a.action, a]));
    expect(byAction.status).toMatchObject({ from: 'open', to: 'pending', actor: { id: t.technician.id } });
    expect(byAction.priority).toMatchObject({ from: 'medium', to: 'critical' });
    expect(byAction.impact).toMatchObject({ from: 'minor', to: 'major' });
    expect(byAction.type).toMatchObject({ from: 'incident', to: 'change' });
    expect(byAction.title).toMatchObject({ from: 'Printer on fire', to: 'Printer on fire (again)' });
    expect(byAction.assignee).toMatchObject({ from: null, to: t.admin.id });
    expect(typeof byAction.status.createdAt).toBe('string');
    const unassigned = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.technicianToken))
      .send({ assigneeId: null })
      .expect(200);
    expect(unassigned.body.assignee).toBeNull();
  });

  it('lists with filters, sort and cursor pages', async () => {
    const { company, contact } = await seedCompany(t);
    const made = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(1000);
      made.push(
        await createTicket(t, contact.id, {
          title: `List ${i} ${i % 2 ? 'odd' : 'even'}`,
          priority: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
          type: i < 3 ? 'request' : 'incident',
        }),
      );
    }
    const h = bearer(t.technicianToken);
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { number: number }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/tickets')
        .query({ company: company.id, sort: '-created', limit: 3, ...(cursor ? { cursor } : {}) })
        .set(h)
        .expect(200);
      pages.push(...res.body.items.map((x) => x.number));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(made.map((m) => m.number).reverse());

    const asc = await t
      .http()
      .get('/api/tickets')
      .query({ company: company.id, sort: 'number', limit: 200 })
      .set(h)
      .expect(200);
    expect(asc.body.items.map((x: { number: number }) => x.number)).toEqual(made.map((m) => m.number));
    // Number pages key on the (unique) number alone (#20): every ticket once, newest number first.
    const byNumber: number[] = [];
    cursor = null;
    do {
      const res: { body: { items: { number: number }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/tickets')
        .query({ company: company.id, sort: '-number', limit: 3, ...(cursor ? { cursor } : {}) })
        .set(h)
        .expect(200);
      byNumber.push(...res.body.items.map((x) => x.number));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(byNumber).toEqual(made.map((m) => m.number).reverse());

    const byPriority: number[] = [];
    cursor = null;
    do {
      const res: { body: { items: { priority: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/tickets')
        .query({ company: company.id, sort: '-priority', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(h)
        .expect(200);
      byPriority.push(...res.body.items.map((x) => ({ low: 1, medium: 2, high: 3, critical: 4 })[x.priority]!));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(byPriority).toHaveLength(7);
    expect([...byPriority].sort((a, b) => b - a)).toEqual(byPriority);

    const filtered = await t
      .http()
      .get('/api/tickets')
      .query({ company: company.id, type: 'request', priority: 'low' })
      .set(h)
      .expect(200);
    expect(filtered.body.items.map((x: { number: number }) => x.number)).toEqual([made[0].number]);
    const text = await t.http().get('/api/tickets').query({ company: company.id, q: 'ODD' }).set(h).expect(200);
    expect(text.body.items).toHaveLength(3);
    const requester = await t
      .http()
      .get('/api/tickets')
      .query({ requester: contact.id, status: 'open,pending' })
      .set(h)
      .expect(200);
    expect(requester.body.items).toHaveLength(7);
    await t
      .http()
      .patch(`/api/tickets/${made[1].number}`)
      .set(h)
      .send({ assigneeId: t.technician.id, status: 'resolved' })
      .expect(200);
    const mine = await t.http().get('/api/tickets').query({ assignee: 'me' }).set(h).expect(200);
    expect(mine.body.items.map((x: { number: number }) => x.number)).toContain(made[1].number);
    const done = await t
      .http()
      .get('/api/tickets')
      .query({ company: company.id, status: 'category:done' })
      .set(h)
      .expect(200);
    expect(done.body.items.map((x: { number: number }) => x.number)).toEqual([made[1].number]);
    const none = await t.http().get('/api/tickets').query({ company: company.id, assignee: 'none' }).set(h).expect(200);
    expect(none.body.items).toHaveLength(6);
    const wildcard = await t.http().get('/api/tickets').query({ company: company.id, q: '%' }).set(h).expect(200);
    expect(wildcard.body.items).toHaveLength(0);
    const bad = await t.http().get('/api/tickets').query({ sort: 'title', cursor: 'garbage' }).set(h).expect(400);
    expect(bad.body.details.fieldErrors.sort).toBeDefined();
    const badCursor = await t.http().get('/api/tickets').query({ cursor: 'garbage' }).set(h).expect(400);
    expect(badCursor.body.details.fieldErrors.cursor).toBeDefined();
  });

  it('keeps restricted technicians to their companies (404 on tickets, hidden in lists)', async () => {
    const other = await seedCompany(t);
    const restricted = await t.get(AccountService).create({
      name: 'Restricted',
      email: 'restricted@test.local',
      password: 'restricted-pass-1',
      role: 'technician',
      allCompanies: false,
      companyIds: [other.company.id],
    });
    const token = t.tokenFor(restricted.id);
    const hidden = await createTicket(t, acme.contact.id);
    const visible = await createTicket(t, other.contact.id);
    await t.http().get(`/api/tickets/${hidden.number}`).set(bearer(token)).expect(404);
    await t.http().patch(`/api/tickets/${hidden.number}`).set(bearer(token)).send({ priority: 'low' }).expect(404);
    await t
      .http()
      .post(`/api/tickets/${hidden.number}/comments`)
      .set(bearer(token))
      .send({ body: 'hi', visibility: 'internal' })
      .expect(404);
    await t.http().get(`/api/tickets/${hidden.number}/comments`).set(bearer(token)).expect(404);
    await t.http().get(`/api/tickets/${hidden.number}/summary`).set(bearer(token)).expect(404);
    await t
      .http()
      .post(`/api/tickets/${hidden.number}/merge`)
      .set(bearer(token))
      .send({ into: visible.number })
      .expect(404);
    await t.http().get(`/api/tickets/${visible.number}`).set(bearer(token)).expect(200);
    const list = await t.http().get('/api/tickets?limit=200').set(bearer(token)).expect(200);
    expect(list.body.items.every((x: { companyId: string }) => x.companyId === other.company.id)).toBe(true);
    const filtered = await t.http().get(`/api/tickets?company=${acme.company.id}`).set(bearer(token)).expect(200);
    expect(filtered.body.items).toEqual([]);
    const create = await t
      .http()
      .post('/api/tickets')
      .set(bearer(token))
      .send({ title: 'x', description: 'y', requesterId: acme.contact.id })
      .expect(400);
    expect(create.body.details.fieldErrors.requesterId).toBeDefined();
  });

  it('refuses end users: no session 401, portal and device tokens 401/403 on every ticket endpoint', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const portal = t
      .get(SessionTokenService)
      .issuePortalToken({ sessionId: 's1', portalId: 'p1', companyId: acme.company.id, subject: null });
    const { token: device } = await t.get(DeviceService).create({ companyId: acme.company.id, name: 'PC-1' });
    const paths: [string, string][] = [
      ['get', '/api/tickets'],
      ['get', `/api/tickets/${ticket.number}`],
      ['get', `/api/tickets/${ticket.number}/comments`],
      ['post', `/api/tickets/${ticket.number}/comments`],
      ['get', `/api/tickets/${ticket.number}/activity`],
      ['get', `/api/tickets/${ticket.number}/summary`],
      ['get', '/api/ticket-statuses'],
      ['get', '/api/quick-replies'],
      ['get', '/api/automation-rules'],
      ['get', '/api/outbox'],
      ['get', '/api/product-families'],
    ];
    for (const [method, path] of paths) {
      const req = () => (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path);
      expect([401, 403]).toContain((await req()).status);
      expect([401, 403]).toContain((await req().set(bearer(portal))).status);
      expect([401, 403]).toContain((await req().set(bearer(device))).status);
      expect([401, 403]).toContain((await req().set('X-Device-Token', device)).status);
    }
  });

  it('keeps admin-only endpoints to admins (403 for technicians)', async () => {
    const h = bearer(t.technicianToken);
    await t.http().get('/api/outbox').set(h).expect(403);
    await t.http().get('/api/automation-rules').set(h).expect(403);
    await t
      .http()
      .post('/api/ticket-statuses')
      .set(h)
      .send({ key: 'on_hold', name: 'On hold', category: 'pending' })
      .expect(403);
    await t.http().post('/api/product-families').set(h).send({ name: 'Printers' }).expect(403);
    await t.http().post('/api/quick-replies').set(h).send({ name: 'x', body: 'y', shared: true }).expect(403);
  });

  it('statuses keep an optional French label: trimmed, cleared when blank, 400 naming it, admins only', async () => {
    const a = bearer(t.adminToken);
    const created = await t
      .http()
      .post('/api/ticket-statuses')
      .set(a)
      .send({ key: 'waiting_parts', name: 'Waiting for parts', nameFr: '  En attente de pièces ', category: 'pending' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Waiting for parts', nameFr: 'En attente de pièces' });
    const list = await t.http().get('/api/ticket-statuses').set(bearer(t.technicianToken)).expect(200);
    expect(list.body.find((s: { key: string }) => s.key === 'waiting_parts')).toMatchObject({
      nameFr: 'En attente de pièces',
    });
    // A built-in comes with its French label (seeded); the admin may change it, a rename alone (an old client) keeps it.
    expect(list.body.find((s: { key: string }) => s.key === 'open')).toMatchObject({ name: 'Open', nameFr: 'Ouvert' });
    await t.http().patch('/api/ticket-statuses/open').set(a).send({ nameFr: 'Nouveau' }).expect(200);
    const renamed = await t.http().patch('/api/ticket-statuses/open').set(a).send({ name: 'Open' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Open', nameFr: 'Nouveau' });
    const cleared = await t.http().patch('/api/ticket-statuses/open').set(a).send({ nameFr: '' }).expect(200);
    expect(cleared.body.nameFr).toBeNull();
    await t.http().patch('/api/ticket-statuses/open').set(a).send({ nameFr: 'Ouvert' }).expect(200);
    for (const nameFr of ['é'.repeat(101), ['x']]) {
      const bad = await t.http().patch('/api/ticket-statuses/waiting_parts').set(a).send({ nameFr }).expect(400);
      expect(Object.keys(bad.body.details.fieldErrors)).toEqual(['nameFr']);
    }
    await t
      .http()
      .patch('/api/ticket-statuses/waiting_parts')
      .set(bearer(t.technicianToken))
      .send({ nameFr: 'x' })
      .expect(403);
    await t.http().delete('/api/ticket-statuses/waiting_parts').set(a).expect(204);
  });

  it('manages custom statuses and product families', async () => {
    const a = bearer(t.adminToken);
    const created = await t
      .http()
      .post('/api/ticket-statuses')
      .set(a)
      .send({ key: 'waiting_vendor', name: 'Waiting on vendor', category: 'pending' })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'waiting_vendor', category: 'pending', builtIn: false });
    await t
      .http()
      .post('/api/ticket-statuses')
      .set(a)
      .send({ key: 'waiting_vendor', name: 'dup', category: 'pending' })
      .expect(409);
    const bad = await t
      .http()
      .post('/api/ticket-statuses')
      .set(a)
      .send({ key: 'Bad Key', name: 'x', category: 'later' })
      .expect(400);
    expect(Object.keys(bad.body.details.fieldErrors)).toEqual(expect.arrayContaining(['key', 'category']));
    const list = await t.http().get('/api/ticket-statuses').set(bearer(t.technicianToken)).expect(200);
    expect(list.body.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining(['open', 'pending', 'resolved', 'closed', 'waiting_vendor']),
    );

    const ticket = await createTicket(t, acme.contact.id);
    const moved = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.technicianToken))
      .send({ status: 'waiting_vendor' })
      .expect(200);
    expect(moved.body).toMatchObject({ status: 'waiting_vendor', statusCategory: 'pending' });
    await t.http().delete('/api/ticket-statuses/waiting_vendor').set(a).expect(409);
    await t.http().patch('/api/ticket-statuses/waiting_vendor').set(a).send({ category: 'open' }).expect(200);
    const after = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(t.technicianToken)).expect(200);
    expect(after.body.statusCategory).toBe('open');
    await t.http().delete('/api/ticket-statuses/closed').set(a).expect(409);

    const family = await t.http().post('/api/product-families').set(a).send({ name: 'Printers' }).expect(201);
    await t.http().post('/api/product-families').set(a).send({ name: 'printers' }).expect(409);
    const withFamily = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.technicianToken))
      .send({ productFamilyId: family.body.id })
      .expect(200);
    expect(withFamily.body.productFamilyId).toBe(family.body.id);
    const unknownFamily = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.technicianToken))
      .send({ productFamilyId: '00000000-0000-7000-8000-000000000000' })
      .expect(400);
    expect(unknownFamily.body.details.fieldErrors.productFamilyId).toBeDefined();
    const families = await t.http().get('/api/product-families').set(bearer(t.technicianToken)).expect(200);
    expect(families.body).toEqual([{ id: family.body.id, name: 'Printers' }]);
  });

  it('gives a summary for the hover card and merges tickets', async () => {
    const a = await createTicket(t, acme.contact.id, { title: 'Duplicate' });
    const b = await createTicket(t, acme.contact.id, { title: 'Original', priority: 'high' });
    const h = bearer(t.technicianToken);
    await t
      .http()
      .post(`/api/tickets/${a.number}/comments`)
      .set(h)
      .send({ body: 'note on the duplicate', visibility: 'internal' })
      .expect(201);
    const summary = await t.http().get(`/api/tickets/${a.number}/summary`).set(h).expect(200);
    expect(summary.body).toMatchObject({
      number: a.number,
      priority: 'medium',
      latestComment: { body: 'note on the duplicate', visibility: 'internal' },
    });
    await t.http().post(`/api/tickets/${a.number}/merge`).set(h).send({ into: a.number }).expect(400);
    const unknown = await t.http().post(`/api/tickets/${a.number}/merge`).set(h).send({ into: 999999 }).expect(400);
    expect(unknown.body.details.fieldErrors.into).toBeDefined();
    const merged = await t.http().post(`/api/tickets/${a.number}/merge`).set(h).send({ into: b.number }).expect(200);
    expect(merged.body.number).toBe(b.number);
    const source = await t.http().get(`/api/tickets/${a.number}`).set(h).expect(200);
    expect(source.body).toMatchObject({ status: 'closed', mergedInto: b.number });
    const comments = await t.http().get(`/api/tickets/${b.number}/comments`).set(h).expect(200);
    expect(comments.body.items.map((c: { body: string }) => c.body)).toContain('note on the duplicate');
    const activity = await t.http().get(`/api/tickets/${b.number}/activity`).set(h).expect(200);
    const actions = activity.body.items.map((x: { action: string }) => x.action);
    // #15: the merged ticket keeps its own log; the target gets only the "merged #N into this ticket" line.
    expect(actions).toEqual(['created', 'merged_from']);
    const own = await t.http().get(`/api/tickets/${a.number}/activity`).set(h).expect(200);
    expect(own.body.items.map((x: { action: string }) => x.action)).toEqual(
      expect.arrayContaining(['created', 'note', 'merged']),
    );
    await t.http().post(`/api/tickets/${a.number}/merge`).set(h).send({ into: b.number }).expect(400);
  });
});

describe('composer defaults for technicians', () => {
  it('tells any technician with access the default reply type of a company', async () => {
    const t = await createTestApp();
    try {
      const admin = { Authorization: `Bearer ${t.adminToken}` };
      const tech = { Authorization: `Bearer ${t.technicianToken}` };
      const company = (await t.http().post('/api/companies').set(admin).send({ name: 'Defaults Co' }).expect(201)).body;
      expect((await t.http().get(`/api/tickets/defaults?companyId=${company.id}`).set(tech).expect(200)).body).toEqual({
        defaultReplyType: 'public',
      });
      await t
        .http()
        .put('/api/settings/tickets.defaultReplyType')
        .set(admin)
        .send({ value: 'internal', companyId: company.id })
        .expect(200);
      expect((await t.http().get(`/api/tickets/defaults?companyId=${company.id}`).set(tech).expect(200)).body).toEqual({
        defaultReplyType: 'internal',
      });
      await t.http().get('/api/tickets/defaults?companyId=nope').set(tech).expect(400);
      const restricted = (
        await t
          .http()
          .post('/api/accounts')
          .set(admin)
          .send({
            name: 'Nope',
            email: 'nope@test.local',
            password: 'restricted-1',
            role: 'technician',
            allCompanies: false,
            companyIds: [],
          })
          .expect(201)
      ).body;
      await t
        .http()
        .get(`/api/tickets/defaults?companyId=${company.id}`)
        .set({ Authorization: `Bearer ${t.tokenFor(restricted.id)}` })
        .expect(403);
    } finally {
      await t.close();
    }
  });
});
