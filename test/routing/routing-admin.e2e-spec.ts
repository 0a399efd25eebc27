import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, uniqueName } from '../portal/portal-helpers.js';
import { createQueuePortal, routeToQueue } from './routing.helper.js';

describe('routing admin: agent state, queues, wrap-up reasons, portal routing (#14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('GET /api/me carries the agent state; PUT /api/me/agent-state switches it and the pool availability', async () => {
    const me = (await t.http().get('/api/me').set(auth(t.technicianToken)).expect(200)).body;
    expect(me).toMatchObject({
      id: t.seed.technician.id,
      agentState: { state: 'not_ready', activeChats: 0, maxChats: 3 },
    });
    const set = await t
      .http()
      .put('/api/me/agent-state')
      .set(auth(t.technicianToken))
      .send({ state: 'available' })
      .expect(200);
    expect(set.body).toMatchObject({ state: 'available', activeChats: 0, maxChats: 3 });
    const after = (await t.http().get('/api/me').set(auth(t.technicianToken)).expect(200)).body;
    expect(after).toMatchObject({ availability: 'available', agentState: { state: 'available' } });
    // Busy and RONA belong to the system.
    for (const state of ['busy', 'rona', 'away', '']) {
      const res = await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state }).expect(400);
      expect(res.body.details.fieldErrors.state[0]).toMatch(/busy and rona are set by the system/);
    }
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'not_ready' }).expect(200);
    expect((await t.http().get('/api/me').set(auth(t.technicianToken))).body).toMatchObject({
      availability: 'unavailable',
      agentState: { state: 'not_ready' },
    });
    // The pool availability switch moves the agent state with it.
    await t.http().put('/api/me/availability').set(auth(t.technicianToken)).send({ available: true }).expect(200);
    expect((await t.http().get('/api/me').set(auth(t.technicianToken))).body.agentState.state).toBe('available');
    await t.http().put('/api/me/availability').set(auth(t.technicianToken)).send({ available: false }).expect(200);
    expect((await t.http().get('/api/me').set(auth(t.technicianToken))).body.agentState.state).toBe('not_ready');
    await t.http().get('/api/me').expect(401);
    await t.http().put('/api/me/agent-state').send({ state: 'available' }).expect(401);
  });

  it('queues: admins create, edit and delete with defaults and clear errors; technicians only read', async () => {
    const { company } = await createCompanyWithPortal(t);
    const name = uniqueName('Queue ');
    const created = await t
      .http()
      .post('/api/queues')
      .set(auth(t.adminToken))
      .send({ name, companyIds: [company.id], memberIds: [t.seed.technician.id] })
      .expect(201);
    expect(created.body).toMatchObject({
      name,
      companyIds: [company.id],
      memberIds: [t.seed.technician.id],
      offerTimeoutSeconds: 20,
      maxWaitSeconds: 600,
    });
    const id = created.body.id as string;
    // Same name (any case) → 409; unknown ids and out-of-range timers → 400 naming the field.
    const dup = await t
      .http()
      .post('/api/queues')
      .set(auth(t.adminToken))
      .send({ name: name.toUpperCase(), companyIds: [] })
      .expect(409);
    expect(dup.body.message).toMatch(/already exists/);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bad = await t
      .http()
      .post('/api/queues')
      .set(auth(t.adminToken))
      .send({ name: uniqueName('Q'), companyIds: [unknown], memberIds: [unknown] })
      .expect(400);
    expect(bad.body.details.fieldErrors).toMatchObject({
      companyIds: [`company ${unknown} does not exist`],
      memberIds: [`account ${unknown} does not exist`],
    });
    const range = await t
      .http()
      .post('/api/queues')
      .set(auth(t.adminToken))
      .send({ name: uniqueName('Q'), companyIds: [], offerTimeoutSeconds: 1, maxWaitSeconds: 10 ** 9 })
      .expect(400);
    expect(Object.keys(range.body.details.fieldErrors).sort()).toEqual(['maxWaitSeconds', 'offerTimeoutSeconds']);
    await t.http().post('/api/queues').set(auth(t.adminToken)).send({ companyIds: [] }).expect(400);

    const patched = await t
      .http()
      .patch(`/api/queues/${id}`)
      .set(auth(t.adminToken))
      .send({ offerTimeoutSeconds: 30, maxWaitSeconds: 120 })
      .expect(200);
    expect(patched.body).toMatchObject({ offerTimeoutSeconds: 30, maxWaitSeconds: 120, name });
    const list = (await t.http().get('/api/queues').set(auth(t.technicianToken)).expect(200)).body;
    expect(list.map((q: { id: string }) => q.id)).toContain(id);
    expect((await t.http().get(`/api/queues/${id}`).set(auth(t.technicianToken)).expect(200)).body.id).toBe(id);

    // Technicians read, only admins write.
    await t.http().post('/api/queues').set(auth(t.technicianToken)).send({ name: 'x', companyIds: [] }).expect(403);
    await t.http().patch(`/api/queues/${id}`).set(auth(t.technicianToken)).send({ name: 'x' }).expect(403);
    await t.http().delete(`/api/queues/${id}`).set(auth(t.technicianToken)).expect(403);
    await t.http().get('/api/queues/not-a-uuid').set(auth(t.adminToken)).expect(400);

    await t.http().delete(`/api/queues/${id}`).set(auth(t.adminToken)).expect(204);
    await t.http().get(`/api/queues/${id}`).set(auth(t.adminToken)).expect(404);
  });

  it('wrap-up reasons: CRUD, unique labels, the active filter, admin-only writes', async () => {
    const label = uniqueName('Password reset ');
    const created = await t.http().post('/api/wrap-up-reasons').set(auth(t.adminToken)).send({ label }).expect(201);
    expect(created.body).toMatchObject({ label, active: true });
    await t
      .http()
      .post('/api/wrap-up-reasons')
      .set(auth(t.adminToken))
      .send({ label: label.toUpperCase() })
      .expect(409);
    await t.http().post('/api/wrap-up-reasons').set(auth(t.adminToken)).send({ label: '' }).expect(400);
    await t.http().post('/api/wrap-up-reasons').set(auth(t.technicianToken)).send({ label: 'x' }).expect(403);
    const id = created.body.id as string;
    await t
      .http()
      .patch(`/api/wrap-up-reasons/${id}`)
      .set(auth(t.adminToken))
      .send({ active: false })
      .expect(200, /"active":false/);
    const all = (await t.http().get('/api/wrap-up-reasons').set(auth(t.technicianToken)).expect(200)).body;
    const active = (await t.http().get('/api/wrap-up-reasons?active=true').set(auth(t.technicianToken)).expect(200))
      .body;
    expect(all.map((r: { id: string }) => r.id)).toContain(id);
    expect(active.map((r: { id: string }) => r.id)).not.toContain(id);
    await t.http().get('/api/wrap-up-reasons?active=maybe').set(auth(t.adminToken)).expect(400);
    await t.http().delete(`/api/wrap-up-reasons/${id}`).set(auth(t.technicianToken)).expect(403);
    await t.http().delete(`/api/wrap-up-reasons/${id}`).set(auth(t.adminToken)).expect(204);
    await t.http().patch(`/api/wrap-up-reasons/${id}`).set(auth(t.adminToken)).send({ active: true }).expect(404);
  });

  it('wrap-up reasons keep an optional French label: trimmed, cleared when blank, 400 naming it', async () => {
    const label = uniqueName('Hardware swap ');
    const created = await t
      .http()
      .post('/api/wrap-up-reasons')
      .set(auth(t.adminToken))
      .send({ label, labelFr: '  Échange de matériel ' })
      .expect(201);
    expect(created.body).toMatchObject({ label, labelFr: 'Échange de matériel' });
    const id = created.body.id as string;
    const listed = (await t.http().get('/api/wrap-up-reasons').set(auth(t.technicianToken)).expect(200)).body;
    expect(listed.find((r: { id: string }) => r.id === id)).toMatchObject({ labelFr: 'Échange de matériel' });
    // Old clients that send only the label keep the French one.
    const renamed = await t
      .http()
      .patch(`/api/wrap-up-reasons/${id}`)
      .set(auth(t.adminToken))
      .send({ label: `${label} 2` })
      .expect(200);
    expect(renamed.body.labelFr).toBe('Échange de matériel');
    const cleared = await t
      .http()
      .patch(`/api/wrap-up-reasons/${id}`)
      .set(auth(t.adminToken))
      .send({ labelFr: ' ' })
      .expect(200);
    expect(cleared.body.labelFr).toBeNull();
    for (const labelFr of ['x'.repeat(101), 42]) {
      const bad = await t
        .http()
        .patch(`/api/wrap-up-reasons/${id}`)
        .set(auth(t.adminToken))
        .send({ labelFr })
        .expect(400);
      expect(Object.keys(bad.body.details.fieldErrors)).toEqual(['labelFr']);
    }
    await t.http().patch(`/api/wrap-up-reasons/${id}`).set(auth(t.technicianToken)).send({ labelFr: 'x' }).expect(403);
    await t.http().delete(`/api/wrap-up-reasons/${id}`).set(auth(t.adminToken)).expect(204);
  });

  it('portals route to the pool by default, or to a queue that serves their company', async () => {
    const { portal, company } = await createCompanyWithPortal(t);
    expect(portal).toMatchObject({ routing: 'pool', queueId: null });
    const other = await createCompanyWithPortal(t);
    const queue = (
      await t
        .http()
        .post('/api/queues')
        .set(auth(t.adminToken))
        .send({ name: uniqueName('Portal queue '), companyIds: [company.id] })
        .expect(201)
    ).body;
    const needs = await t
      .http()
      .patch(`/api/portals/${portal.id}`)
      .set(auth(t.adminToken))
      .send({ routing: 'queue' })
      .expect(400);
    expect(needs.body.details.fieldErrors.queueId[0]).toMatch(/required/);
    const wrongCompany = await t
      .http()
      .patch(`/api/portals/${other.portal.id}`)
      .set(auth(t.adminToken))
      .send({ routing: 'queue', queueId: queue.id })
      .expect(400);
    expect(wrongCompany.body.details.fieldErrors.queueId[0]).toMatch(/does not take this portal's company/);
    await t.http().patch(`/api/portals/${portal.id}`).set(auth(t.adminToken)).send({ routing: 'ring' }).expect(400);
    const routed = await t
      .http()
      .patch(`/api/portals/${portal.id}`)
      .set(auth(t.adminToken))
      .send({ routing: 'queue', queueId: queue.id })
      .expect(200);
    expect(routed.body).toMatchObject({ routing: 'queue', queueId: queue.id });
    expect((await t.http().get(`/api/portals/${portal.id}`).set(auth(t.adminToken))).body).toMatchObject({
      routing: 'queue',
      queueId: queue.id,
    });
    await t
      .http()
      .patch(`/api/portals/${portal.id}`)
      .set(auth(t.adminToken))
      .send({ routing: 'pool' })
      .expect(200, /"routing":"pool"/);
  });

  it("a queue portal's public view offers the chat only while a queue member could take it", async () => {
    const { portal, subdomain, queue } = await createQueuePortal(t, [t.seed.technician], { prefix: 'View queue ' });
    const view = async () => (await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body.view;
    // The admin (not a member) being available does not open a queue portal.
    await t.http().put('/api/me/agent-state').set(auth(t.adminToken)).send({ state: 'available' }).expect(200);
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'not_ready' }).expect(200);
    expect(await view()).toBe('support_request');
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'available' }).expect(200);
    expect(await view()).toBe('chat');
    // The same portal on the pool: the admin alone opens it.
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'not_ready' }).expect(200);
    await t.http().patch(`/api/portals/${portal.id}`).set(auth(t.adminToken)).send({ routing: 'pool' }).expect(200);
    expect(await view()).toBe('chat');
    await t.http().put('/api/me/agent-state').set(auth(t.adminToken)).send({ state: 'not_ready' }).expect(200);
    expect(await view()).toBe('support_request');
    // A deleted queue reaches nobody.
    await routeToQueue(t, portal.id, queue.id);
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'available' }).expect(200);
    await t.http().delete(`/api/queues/${queue.id}`).set(auth(t.adminToken)).expect(204);
    expect(await view()).toBe('support_request');
    await t.http().put('/api/me/agent-state').set(auth(t.technicianToken)).send({ state: 'not_ready' }).expect(200);
  });
});
