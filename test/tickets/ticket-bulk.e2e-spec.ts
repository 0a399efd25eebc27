// #15 Ticket list bulk bar: POST /api/tickets/bulk changes status, assignee or priority of several
// tickets, or merges them into one, through the same services as one-by-one changes.
import { AccountService, DeviceService, SessionTokenService } from '@switchboard/core';
import { createTestApp, nextEvent, type TestApp } from '@switchboard/testing';
import { bearer, createTicket, seedCompany } from './tickets.helper';

type Result = { id: string; ok: boolean; error?: string };

describe('bulk ticket changes', () => {
  let t: TestApp;
  let acme: Awaited<ReturnType<typeof seedCompany>>;
  beforeAll(async () => {
    t = await createTestApp();
    acme = await seedCompany(t);
  });
  afterAll(() => t.close());

  const bulk = (body: unknown, token = t.technicianToken) =>
    t
      .http()
      .post('/api/tickets/bulk')
      .set(bearer(token))
      .send(body as object);
  const get = async (number: number) =>
    (await t.http().get(`/api/tickets/${number}`).set(bearer(t.technicianToken)).expect(200)).body;
  const actions = async (number: number) =>
    (await t.http().get(`/api/tickets/${number}/activity`).set(bearer(t.technicianToken)).expect(200)).body.items.map(
      (a: { action: string }) => a.action,
    ) as string[];

  it('sets the status of each ticket, with its activity line, as PATCH does', async () => {
    const a = await createTicket(t, acme.contact.id);
    const b = await createTicket(t, acme.contact.id);
    const res = await bulk({ ids: [a.id, b.id], action: 'status', statusKey: 'pending' }).expect(200);
    expect(res.body).toEqual({
      results: [
        { id: a.id, ok: true },
        { id: b.id, ok: true },
      ],
    });
    for (const x of [a, b]) {
      expect(await get(x.number)).toMatchObject({ status: 'pending', statusCategory: 'pending' });
      expect(await actions(x.number)).toContain('status');
    }
  });

  it('assigns (telling the assignee), unassigns and sets the priority', async () => {
    const a = await createTicket(t, acme.contact.id);
    const b = await createTicket(t, acme.contact.id);
    const admin = await t.socket('/agent', { token: t.adminToken });
    try {
      const told = nextEvent<{ title: string }>(admin, 'notification');
      const res = await bulk({ ids: [a.id, b.id], action: 'assignee', assigneeId: t.admin.id }).expect(200);
      expect(res.body.results.every((r: Result) => r.ok)).toBe(true);
      expect((await told).title).toBeDefined();
    } finally {
      admin.close();
    }
    expect((await get(a.number)).assignee).toMatchObject({ id: t.admin.id });
    expect(await actions(b.number)).toContain('assignee');
    await bulk({ ids: [a.id, b.id], action: 'assignee', assigneeId: null }).expect(200);
    expect((await get(b.number)).assignee).toBeNull();
    await bulk({ ids: [a.id, b.id], action: 'priority', priority: 'critical' }).expect(200);
    expect(await get(a.number)).toMatchObject({ priority: 'critical' });
    expect(await actions(a.number)).toContain('priority');
  });

  it('runs the status automation on each ticket', async () => {
    const co = await seedCompany(t);
    const rule = await t
      .http()
      .post('/api/automation-rules')
      .set(bearer(t.adminToken))
      .send({
        name: 'Pending goes to the admin',
        enabled: true,
        trigger: 'status.changed',
        conditions: { status: ['pending'], companyId: [co.company.id] },
        actions: [{ type: 'assign', accountId: t.admin.id }],
      })
      .expect(201);
    try {
      const a = await createTicket(t, co.contact.id);
      const b = await createTicket(t, co.contact.id);
      await bulk({ ids: [a.id, b.id], action: 'status', statusKey: 'pending' }).expect(200);
      for (const x of [a, b]) {
        expect((await get(x.number)).assignee).toMatchObject({ id: t.admin.id });
        expect(await actions(x.number)).toContain('automation');
      }
    } finally {
      await t.http().delete(`/api/automation-rules/${rule.body.id}`).set(bearer(t.adminToken)).expect(204);
    }
  });

  it('merges every selected ticket but the target into the target; a merged one or a merge into itself is refused', async () => {
    const target = await createTicket(t, acme.contact.id);
    const a = await createTicket(t, acme.contact.id);
    const b = await createTicket(t, acme.contact.id);
    const res = await bulk({ ids: [a.id, target.id, b.id], action: 'merge', targetId: target.id }).expect(200);
    expect(res.body.results).toEqual([
      { id: a.id, ok: true },
      { id: target.id, ok: true },
      { id: b.id, ok: true },
    ]);
    for (const x of [a, b]) {
      expect(await get(x.number)).toMatchObject({ status: 'closed', mergedInto: target.number });
      expect(await actions(x.number)).toContain('merged');
    }
    expect((await actions(target.number)).filter((x) => x === 'merged_from')).toHaveLength(2);
    // Again: already merged, named per ticket.
    const again = await bulk({ ids: [a.id], action: 'merge', targetId: target.id }).expect(200);
    expect(again.body.results).toEqual([{ id: a.id, ok: false, error: expect.stringMatching(/already merged/) }]);
    const self = await bulk({ ids: [target.id], action: 'merge', targetId: target.id }).expect(200);
    expect(self.body.results).toEqual([{ id: target.id, ok: false, error: expect.stringMatching(/into itself/) }]);
    const unknownTarget = await bulk({
      ids: [b.id],
      action: 'merge',
      targetId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(unknownTarget.body.details.fieldErrors.targetId).toBeDefined();
  });

  it('reports partial failures per ticket: unknown ids and tickets a restricted technician may not see are not found', async () => {
    const other = await seedCompany(t);
    const restricted = await t.get(AccountService).create({
      name: 'Bulk Restricted',
      email: 'bulk-restricted@test.local',
      password: 'restricted-pass-1',
      role: 'technician',
      allCompanies: false,
      companyIds: [other.company.id],
    });
    const token = t.tokenFor(restricted.id);
    const hidden = await createTicket(t, acme.contact.id);
    const visible = await createTicket(t, other.contact.id);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await bulk(
      { ids: [hidden.id, visible.id, unknown], action: 'priority', priority: 'low' },
      token,
    ).expect(200);
    expect(res.body.results).toEqual([
      { id: hidden.id, ok: false, error: 'Ticket not found' },
      { id: visible.id, ok: true },
      { id: unknown, ok: false, error: 'Ticket not found' },
    ]);
    expect((await get(hidden.number)).priority).toBe('medium');
    expect((await get(visible.number)).priority).toBe('low');
    // Nor can a hidden ticket be the merge target.
    await bulk({ ids: [visible.id], action: 'merge', targetId: hidden.id }, token).expect(400);
    // An assignee who does not serve the ticket's company: refused for that ticket only.
    const a = await createTicket(t, acme.contact.id);
    const mixed = await bulk({ ids: [a.id, visible.id], action: 'assignee', assigneeId: restricted.id }).expect(200);
    expect(mixed.body.results).toEqual([
      { id: a.id, ok: false, error: expect.any(String) },
      { id: visible.id, ok: true },
    ]);
  });

  it('refuses end users and anonymous callers (401/403)', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const body = { ids: [ticket.id], action: 'priority', priority: 'low' };
    const portal = t
      .get(SessionTokenService)
      .issuePortalToken({ sessionId: 's1', portalId: 'p1', companyId: acme.company.id, subject: null });
    const { token: device } = await t.get(DeviceService).create({ companyId: acme.company.id, name: 'PC-bulk' });
    expect([401, 403]).toContain((await t.http().post('/api/tickets/bulk').send(body)).status);
    expect([401, 403]).toContain((await bulk(body, portal)).status);
    expect([401, 403]).toContain((await bulk(body, device)).status);
    expect((await get(ticket.number)).priority).toBe('medium');
  });

  it('answers 400 naming the field for a bad request', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const field = async (body: unknown, name: string) => {
      const res = await bulk(body).expect(400);
      expect(Object.keys(res.body.details.fieldErrors)).toContain(name);
    };
    const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await field({ ids: [], action: 'priority', priority: 'low' }, 'ids');
    await field({ ids: many, action: 'priority', priority: 'low' }, 'ids');
    await field({ ids: ['not-a-uuid'], action: 'priority', priority: 'low' }, 'ids');
    await field({ ids: [ticket.id, ticket.id], action: 'priority', priority: 'low' }, 'ids');
    await field({ action: 'priority', priority: 'low' }, 'ids');
    await field({ ids: [ticket.id], action: 'delete' }, 'action');
    await field({ ids: [ticket.id], action: 'status' }, 'statusKey');
    await field({ ids: [ticket.id], action: 'status', statusKey: 'no_such_status' }, 'statusKey');
    await field({ ids: [ticket.id], action: 'priority', priority: 'urgent' }, 'priority');
    await field({ ids: [ticket.id], action: 'assignee' }, 'assigneeId');
    await field({ ids: [ticket.id], action: 'assignee', assigneeId: 'bob' }, 'assigneeId');
    await field({ ids: [ticket.id], action: 'merge' }, 'targetId');
    await field({ ids: [ticket.id], action: 'priority', priority: 'low', extra: 1 }, 'extra');
    expect((await get(ticket.number)).priority).toBe('medium');
  });
});
