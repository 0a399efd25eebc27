import { createTestApp, nextEvent, TestApp } from '@switchboard/testing';
import { bearer, createTicket, seedCompany } from './tickets.helper';

describe('quick replies and automation rules', () => {
  let t: TestApp;
  let acme: Awaited<ReturnType<typeof seedCompany>>;
  beforeAll(async () => {
    t = await createTestApp();
    acme = await seedCompany(t, 'Quick Corp', 'melissa@quick.example');
  });
  afterAll(() => t.close());

  it('lists the placeholders a template may use (signed-in staff only), before the :id route', async () => {
    const res = await t.http().get('/api/quick-replies/placeholders').set(bearer(t.technicianToken)).expect(200);
    expect(res.body.placeholders).toEqual(expect.arrayContaining(['contact.firstName', 'ticket.number']));
    // Every listed placeholder is accepted in a body.
    const body = res.body.placeholders.map((p: string) => `{{${p}}}`).join(' ');
    const created = await t
      .http()
      .post('/api/quick-replies')
      .set(bearer(t.technicianToken))
      .send({ name: 'All placeholders', body })
      .expect(201);
    await t.http().delete(`/api/quick-replies/${created.body.id}`).set(bearer(t.technicianToken)).expect(204);
    await t.http().get('/api/quick-replies/placeholders').expect(401);
  });

  it('quick replies keep an optional French name: trimmed, cleared when blank, 400 naming it', async () => {
    const h = bearer(t.technicianToken);
    const created = await t
      .http()
      .post('/api/quick-replies')
      .set(h)
      .send({ name: 'Thanks', nameFr: ' Merci ', body: 'Thanks {{contact.firstName}}' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Thanks', nameFr: 'Merci' });
    const id = created.body.id as string;
    const listed = await t.http().get('/api/quick-replies').set(h).expect(200);
    expect(listed.body.find((r: { id: string }) => r.id === id)).toMatchObject({ nameFr: 'Merci' });
    const kept = await t.http().patch(`/api/quick-replies/${id}`).set(h).send({ body: 'Thank you' }).expect(200);
    expect(kept.body.nameFr).toBe('Merci');
    const cleared = await t.http().patch(`/api/quick-replies/${id}`).set(h).send({ nameFr: null }).expect(200);
    expect(cleared.body.nameFr).toBeNull();
    const bad = await t
      .http()
      .post('/api/quick-replies')
      .set(h)
      .send({ name: 'Long', nameFr: 'x'.repeat(101), body: 'y' })
      .expect(400);
    expect(Object.keys(bad.body.details.fieldErrors)).toEqual(['nameFr']);
    await t.http().delete(`/api/quick-replies/${id}`).set(h).expect(204);
  });

  it("renders a quick reply's French text for a requester who reads French; its placeholders are checked too", async () => {
    const h = bearer(t.technicianToken);
    const reply = await t
      .http()
      .post('/api/quick-replies')
      .set(h)
      .send({ name: 'Hello', body: 'Hello {{contact.firstName}}', bodyFr: 'Bonjour {{contact.firstName}}' })
      .expect(201);
    expect(reply.body).toMatchObject({ body: 'Hello {{contact.firstName}}', bodyFr: 'Bonjour {{contact.firstName}}' });
    const ticket = await createTicket(t, acme.contact.id, { title: 'Écran' });
    const render = async () =>
      (
        await t
          .http()
          .post(`/api/quick-replies/${reply.body.id}/render`)
          .set(h)
          .send({ ticketNumber: ticket.number })
          .expect(200)
      ).body.text;
    expect(await render()).toBe('Hello Melissa');
    await t
      .http()
      .patch(`/api/contacts/${acme.contact.id}`)
      .set(bearer(t.adminToken))
      .send({ language: 'fr' })
      .expect(200);
    try {
      expect(await render()).toBe('Bonjour Melissa');
      // Without a French text, the one text for everyone.
      await t.http().patch(`/api/quick-replies/${reply.body.id}`).set(h).send({ bodyFr: '' }).expect(200);
      expect(await render()).toBe('Hello Melissa');
    } finally {
      await t
        .http()
        .patch(`/api/contacts/${acme.contact.id}`)
        .set(bearer(t.adminToken))
        .send({ language: null })
        .expect(200);
    }
    const bad = await t
      .http()
      .patch(`/api/quick-replies/${reply.body.id}`)
      .set(h)
      .send({ bodyFr: 'Bonjour {{contact.prenom}}' })
      .expect(400);
    expect(Object.keys(bad.body.details.fieldErrors)).toEqual(['bodyFr']);
    await t.http().delete(`/api/quick-replies/${reply.body.id}`).set(h).expect(204);
  });

  it('renders shared and personal templates; unknown placeholders are a 400 naming them', async () => {
    const ticket = await createTicket(t, acme.contact.id, { title: 'Mouse broken' });
    const shared = await t
      .http()
      .post('/api/quick-replies')
      .set(bearer(t.adminToken))
      .send({
        name: 'Greeting',
        body: 'Hi {{contact.firstName}}, about #{{ticket.number}} ({{ticket.title}}) at {{company.name}}. — {{technician.name}}',
        shared: true,
      })
      .expect(201);
    expect(shared.body).toMatchObject({ shared: true, ownerId: null });
    const mine = await t
      .http()
      .post('/api/quick-replies')
      .set(bearer(t.technicianToken))
      .send({ name: 'Mine', body: 'Bye {{contact.name}}' })
      .expect(201);
    const rendered = await t
      .http()
      .post(`/api/quick-replies/${shared.body.id}/render`)
      .set(bearer(t.technicianToken))
      .send({ ticketNumber: ticket.number })
      .expect(200);
    expect(rendered.body.text).toBe(
      `Hi Melissa, about #${ticket.number} (Mouse broken) at Quick Corp. — Test Technician`,
    );
    const bad = await t
      .http()
      .post('/api/quick-replies')
      .set(bearer(t.technicianToken))
      .send({ name: 'Typo', body: 'Hi {{contact.fristName}}' })
      .expect(400);
    expect(bad.body.message).toContain('{{contact.fristName}}');
    expect(bad.body.details.fieldErrors.body[0]).toContain('contact.fristName');
    // Others do not see my personal template; technicians cannot edit shared ones.
    const adminList = await t.http().get('/api/quick-replies').set(bearer(t.adminToken)).expect(200);
    expect(adminList.body.map((q: { id: string }) => q.id)).not.toContain(mine.body.id);
    await t
      .http()
      .post(`/api/quick-replies/${mine.body.id}/render`)
      .set(bearer(t.adminToken))
      .send({ ticketNumber: ticket.number })
      .expect(404);
    await t
      .http()
      .patch(`/api/quick-replies/${shared.body.id}`)
      .set(bearer(t.technicianToken))
      .send({ body: 'x' })
      .expect(403);
    await t
      .http()
      .post(`/api/quick-replies/${shared.body.id}/render`)
      .set(bearer(t.technicianToken))
      .send({ ticketNumber: 999999 })
      .expect(404);
    await t
      .http()
      .post(`/api/quick-replies/${shared.body.id}/render`)
      .set(bearer(t.technicianToken))
      .send({})
      .expect(400);
    await t.http().delete(`/api/quick-replies/${mine.body.id}`).set(bearer(t.technicianToken)).expect(204);
  });

  it('runs rules in the same change, with conditions, without looping', async () => {
    const a = bearer(t.adminToken);
    const invalid = await t
      .http()
      .post('/api/automation-rules')
      .set(a)
      .send({ name: 'x', trigger: 'whenever', actions: [] })
      .expect(400);
    expect(Object.keys(invalid.body.details.fieldErrors)).toEqual(expect.arrayContaining(['trigger', 'actions']));
    const badStatus = await t
      .http()
      .post('/api/automation-rules')
      .set(a)
      .send({ name: 'x', trigger: 'ticket.created', actions: [{ type: 'set_status', status: 'nope' }] })
      .expect(400);
    expect(JSON.stringify(badStatus.body.details.fieldErrors)).toContain('nope');

    const critical = await t
      .http()
      .post('/api/automation-rules')
      .set(a)
      .send({
        name: 'Critical incidents go to the admin',
        enabled: true,
        trigger: 'ticket.created',
        conditions: { priority: ['critical'], type: ['incident'], companyId: [acme.company.id] },
        actions: [
          { type: 'assign', accountId: t.admin.id },
          { type: 'add_note', body: 'Auto-assigned (critical).' },
          { type: 'notify', accountIds: [t.admin.id], message: 'critical ticket' },
          { type: 'set_status', status: 'pending' },
        ],
      })
      .expect(201);
    // Would loop if automation changes re-triggered rules: pending → open → pending ...
    const ping = await t
      .http()
      .post('/api/automation-rules')
      .set(a)
      .send({
        name: 'pong',
        enabled: true,
        trigger: 'status.changed',
        conditions: { status: ['pending'] },
        actions: [{ type: 'set_status', status: 'open' }],
      })
      .expect(201);
    try {
      const adminSocket = await t.socket('/agent', { token: t.adminToken });
      const notified = nextEvent<{ title: string }>(adminSocket, 'notification');
      const ticket = await createTicket(t, acme.contact.id, { priority: 'critical' });
      expect(ticket).toMatchObject({ assignee: { id: t.admin.id }, status: 'pending' });
      expect((await notified).title).toBeDefined();
      const comments = await t
        .http()
        .get(`/api/tickets/${ticket.number}/comments`)
        .set(bearer(t.technicianToken))
        .expect(200);
      expect(comments.body.items[0]).toMatchObject({
        visibility: 'internal',
        body: 'Auto-assigned (critical).',
        author: { kind: 'system' },
        source: 'automation',
      });
      const low = await createTicket(t, acme.contact.id, { priority: 'low' });
      expect(low).toMatchObject({ assignee: null, status: 'open' });
      // A technician's explicit status change triggers status.changed once; the rule's own change does not re-trigger.
      const changed = await t
        .http()
        .patch(`/api/tickets/${low.number}`)
        .set(bearer(t.technicianToken))
        .send({ status: 'pending' })
        .expect(200);
      expect(changed.body.status).toBe('open');
      const activity = await t
        .http()
        .get(`/api/tickets/${low.number}/activity`)
        .set(bearer(t.technicianToken))
        .expect(200);
      expect(activity.body.items.filter((x: { action: string }) => x.action === 'automation')).toHaveLength(1);
      adminSocket.close();
    } finally {
      await t.http().delete(`/api/automation-rules/${critical.body.id}`).set(a).expect(204);
      await t.http().delete(`/api/automation-rules/${ping.body.id}`).set(a).expect(204);
    }
  });
});
