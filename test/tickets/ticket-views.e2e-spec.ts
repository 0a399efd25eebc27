// Saved views of the ticket list (#15): built-in and custom views with counts, against the real API on SQLite.
import { AccountService, DeviceService, SessionTokenService } from '@switchboard/core';
import { createTestApp, TestApp } from '@switchboard/testing';
import { createTicket as createMaskedTicket, seedPeople, setMode } from '../masking/masking.helper';
import { bearer, createTicket, seedCompany } from './tickets.helper';

interface ViewWithCount {
  id: string;
  name: string;
  builtIn: boolean;
  filters: Record<string, string>;
  position: number;
  count: number;
}

describe('ticket views REST', () => {
  let t: TestApp;
  let restrictedToken: string;

  const views = async (token: string) => {
    const res = await t.http().get('/api/ticket-views').set(bearer(token)).expect(200);
    return res.body as ViewWithCount[];
  };
  const counts = async (token: string) => Object.fromEntries((await views(token)).map((v) => [v.id, v.count]));

  beforeAll(async () => {
    t = await createTestApp();
    const acme = await seedCompany(t, 'Acme views');
    const other = await seedCompany(t, 'Other views');
    const tech = t.technician.id;
    // The known data set: what each built-in view must count.
    await createTicket(t, acme.contact.id, { assigneeId: tech }); // mine, open
    await createTicket(t, acme.contact.id, { assigneeId: tech, status: 'pending' }); // mine, waiting, open
    await createTicket(t, acme.contact.id); // unassigned, open
    await createTicket(t, acme.contact.id, { status: 'pending' }); // unassigned, waiting, open
    await createTicket(t, acme.contact.id, { assigneeId: tech, status: 'resolved' }); // done: in no view
    await createTicket(t, acme.contact.id, { status: 'closed' }); // done: in no view
    await createTicket(t, acme.contact.id, { assigneeId: t.admin.id }); // admin's, open
    await createTicket(t, other.contact.id, { priority: 'critical', title: 'Fax machine jammed' }); // unassigned, open
    const restricted = await t.get(AccountService).create({
      name: 'Restricted Views',
      email: 'restricted-views@test.local',
      password: 'restricted-pass-1',
      role: 'technician',
      allCompanies: false,
      companyIds: [other.company.id],
    });
    restrictedToken = t.tokenFor(restricted.id);
  });
  afterAll(() => t.close());

  it('counts each built-in view for the caller, as the list would show it', async () => {
    const list = await views(t.technicianToken);
    expect(list.map((v) => [v.id, v.builtIn])).toEqual([
      ['mine', true],
      ['unassigned', true],
      ['waiting', true],
      ['open', true],
    ]);
    expect(await counts(t.technicianToken)).toEqual({ mine: 2, unassigned: 3, waiting: 2, open: 6 });
    // "me" is whoever asks.
    expect(await counts(t.adminToken)).toEqual({ mine: 1, unassigned: 3, waiting: 2, open: 6 });
    // Each count is the list's total for the same filters.
    for (const v of list) {
      const page = await t
        .http()
        .get('/api/tickets')
        .query({ ...v.filters, limit: 200 })
        .set(bearer(t.technicianToken))
        .expect(200);
      expect([v.id, page.body.items.length]).toEqual([v.id, v.count]);
    }
  });

  it("a company-restricted technician's counts leave out other companies' tickets", async () => {
    expect(await counts(restrictedToken)).toEqual({ mine: 0, unassigned: 1, waiting: 0, open: 1 });
    const saved = await t
      .http()
      .post('/api/ticket-views')
      .set(bearer(restrictedToken))
      .send({ name: 'Everything', filters: {} })
      .expect(201);
    expect((await counts(restrictedToken))[saved.body.id]).toBe(1); // only the other company's ticket
  });

  it('saves, renames, refilters and deletes a custom view; counts follow its filters', async () => {
    const created = await t
      .http()
      .post('/api/ticket-views')
      .set(bearer(t.technicianToken))
      .send({ name: '  Critical  ', filters: { priority: 'critical', q: '', status: 'category:open' } })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Critical',
      builtIn: false,
      filters: { priority: 'critical', status: 'category:open' },
    });
    expect(created.body.filters).not.toHaveProperty('q');
    const second = await t
      .http()
      .post('/api/ticket-views')
      .set(bearer(t.technicianToken))
      .send({ name: 'Fax', filters: { q: 'fax' } })
      .expect(201);
    expect(second.body.position).toBeGreaterThan(created.body.position);

    let list = await views(t.technicianToken);
    expect(list.slice(4).map((v) => [v.name, v.count])).toEqual([
      ['Critical', 1],
      ['Fax', 1],
    ]);

    const renamed = await t
      .http()
      .patch(`/api/ticket-views/${created.body.id}`)
      .set(bearer(t.technicianToken))
      .send({ name: 'Urgent stuff', filters: { assignee: 'me', sort: '-created' } })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Urgent stuff', filters: { assignee: 'me', sort: '-created' } });
    list = await views(t.technicianToken);
    // Every ticket assigned to the technician, done ones too.
    expect(list.find((v) => v.id === created.body.id)).toMatchObject({ name: 'Urgent stuff', count: 3 });

    await t.http().delete(`/api/ticket-views/${created.body.id}`).set(bearer(t.technicianToken)).expect(204);
    await t.http().delete(`/api/ticket-views/${second.body.id}`).set(bearer(t.technicianToken)).expect(204);
    expect((await views(t.technicianToken)).map((v) => v.id)).toEqual(['mine', 'unassigned', 'waiting', 'open']);
    await t.http().delete(`/api/ticket-views/${created.body.id}`).set(bearer(t.technicianToken)).expect(404);
  });

  it("answers 404 for another account's view and never lists it", async () => {
    const admins = await t
      .http()
      .post('/api/ticket-views')
      .set(bearer(t.adminToken))
      .send({ name: 'Admin only', filters: { priority: 'high' } })
      .expect(201);
    const h = bearer(t.technicianToken);
    await t.http().patch(`/api/ticket-views/${admins.body.id}`).set(h).send({ name: 'Mine now' }).expect(404);
    await t.http().delete(`/api/ticket-views/${admins.body.id}`).set(h).expect(404);
    expect((await views(t.technicianToken)).map((v) => v.id)).not.toContain(admins.body.id);
    const still = (await views(t.adminToken)).find((v) => v.id === admins.body.id);
    expect(still).toMatchObject({ name: 'Admin only' });
  });

  it('answers 400 naming the field for invalid names and filters', async () => {
    const post = (body: object) =>
      t.http().post('/api/ticket-views').set(bearer(t.technicianToken)).send(body).expect(400);
    const fields = async (body: object) => Object.keys((await post(body)).body.details.fieldErrors);
    expect(await fields({ name: '   ', filters: {} })).toEqual(['name']);
    expect(await fields({ name: 'x'.repeat(101), filters: {} })).toEqual(['name']);
    expect(await fields({ name: 'No filters' })).toEqual(['filters']);
    expect(await fields({ name: 'Bad', filters: 'priority=high' })).toEqual(['filters']);
    expect(await fields({ name: 'Bad', filters: { priority: 'urgent' } })).toEqual(['filters.priority']);
    expect(await fields({ name: 'Bad', filters: { productFamily: 'x' } })).toEqual(['filters.productFamily']);
    expect(await fields({ name: 'Bad', filters: { assignee: 'someone', status: 'category:never' } })).toEqual(
      expect.arrayContaining(['filters.assignee', 'filters.status']),
    );
    expect(await fields({ name: 'Bad', filters: { limit: 5 } })).toEqual(['filters.limit']);
    const res = await post({ name: 'Bad', filters: { priority: 'urgent' } });
    expect(res.body.details.fieldErrors['filters.priority'][0]).toContain('low, medium, high, critical');
    const patch = await t
      .http()
      .patch('/api/ticket-views/not-an-id')
      .set(bearer(t.technicianToken))
      .send({ name: 'x' })
      .expect(400);
    expect(patch.body.message).toMatch(/uuid/i);
  });

  it('refuses end users: portal and device tokens get no views', async () => {
    const acme = await seedCompany(t, 'End users views');
    const portal = t
      .get(SessionTokenService)
      .issuePortalToken({ sessionId: 's-views', portalId: 'p1', companyId: acme.company.id, subject: null });
    const { token: device } = await t.get(DeviceService).create({ companyId: acme.company.id, name: 'PC-views' });
    for (const h of [bearer(portal), bearer(device), { 'X-Device-Token': device }]) {
      expect([401, 403]).toContain((await t.http().get('/api/ticket-views').set(h)).status);
      const post = await t.http().post('/api/ticket-views').set(h).send({ name: 'x', filters: {} });
      expect([401, 403]).toContain(post.status);
    }
  });

  it('answers 401 without a session', async () => {
    await t.http().get('/api/ticket-views').expect(401);
    await t.http().post('/api/ticket-views').send({ name: 'x', filters: {} }).expect(401);
    await t.http().patch('/api/ticket-views/00000000-0000-7000-8000-000000000000').send({ name: 'x' }).expect(401);
    await t.http().delete('/api/ticket-views/00000000-0000-7000-8000-000000000000').expect(401);
  });
});

// The count is the list's query: a view must not become an oracle for what masking hides (#13.2).
describe('ticket views counts with masking on', () => {
  let t: TestApp;
  const CARD = '4111 1111 1111 1111';

  beforeAll(async () => {
    t = await createTestApp();
    const masked = await seedPeople(t);
    const clear = await seedPeople(t);
    await setMode(t, 'display', masked.company.id);
    for (const requesterId of [masked.contact.id, clear.contact.id])
      await createMaskedTicket(t, { title: 'Refund', description: `Please charge card ${CARD}`, requesterId });
  });
  afterAll(() => t?.close());

  it("counts a search view like the list: the masked company's hidden digits do not match", async () => {
    const saved = await t
      .http()
      .post('/api/ticket-views')
      .set(bearer(t.technicianToken))
      .send({ name: 'Card', filters: { q: CARD } })
      .expect(201);
    const list = await t.http().get('/api/tickets').query({ q: CARD }).set(bearer(t.technicianToken)).expect(200);
    const views = (await t.http().get('/api/ticket-views').set(bearer(t.technicianToken)).expect(200))
      .body as ViewWithCount[];
    expect(list.body.items).toHaveLength(1);
    expect(views.find((v) => v.id === saved.body.id)?.count).toBe(1);
  });
});

// #20: a view's count stops at SWITCHBOARD_VIEW_COUNT_LIMIT, so a huge view costs what a small one does.
describe('ticket views counts with a limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SWITCHBOARD_VIEW_COUNT_LIMIT: '3' } });
    const acme = await seedCompany(t, 'Acme capped');
    for (let i = 0; i < 5; i++) await createTicket(t, acme.contact.id); // unassigned, open
    for (let i = 0; i < 3; i++)
      await createTicket(t, acme.contact.id, { assigneeId: t.technician.id, status: 'pending' }); // mine, waiting, open
  });
  afterAll(() => t.close());

  it('shows the limit with countCapped once more tickets match; exactly the limit is an exact count', async () => {
    const res = await t.http().get('/api/ticket-views').set(bearer(t.technicianToken)).expect(200);
    const list = res.body as (ViewWithCount & { countCapped: boolean })[];
    expect(list.map((v) => [v.id, v.count, v.countCapped])).toEqual([
      ['mine', 3, false],
      ['unassigned', 3, true],
      ['waiting', 3, false],
      ['open', 3, true],
    ]);
  });

  it('refuses a limit that is not a positive integer at start', async () => {
    await expect(createTestApp({ env: { SWITCHBOARD_VIEW_COUNT_LIMIT: '0' } })).rejects.toThrow(
      /SWITCHBOARD_VIEW_COUNT_LIMIT/,
    );
  });
});
