// #15 defect 4: the activity log keeps names, not bare ids (product family, requester, merged ticket),
// copied when the line is written so a later rename or removal does not change history; a merged
// ticket keeps its own lines (the target gets only "merged #N into this ticket").
import { ContactService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer, createTicket, seedCompany } from './tickets.helper';

describe('activity log names (#15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const activity = async (n: number) =>
    (await t.http().get(`/api/tickets/${n}/activity?limit=200`).set(bearer(t.technicianToken)).expect(200)).body
      .items as Array<{ action: string; from: any; to: any }>;
  const patch = (n: number, body: object) =>
    t.http().patch(`/api/tickets/${n}`).set(bearer(t.technicianToken)).send(body).expect(200);

  it('product family and requester lines carry names, kept after a rename', async () => {
    const { company, contact } = await seedCompany(t);
    const other = await t
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'Omar', lastName: 'Diaz', email: `omar.${Date.now()}@acme.example` });
    const family = (
      await t
        .http()
        .post('/api/product-families')
        .set(bearer(t.adminToken))
        .send({ name: `Printers ${Date.now()}` })
        .expect(201)
    ).body;
    const ticket = await createTicket(t, contact.id);
    await patch(ticket.number, { productFamilyId: family.id });
    await patch(ticket.number, { productFamilyId: null });
    await patch(ticket.number, { requesterId: other.id });
    await t
      .http()
      .patch(`/api/product-families/${family.id}`)
      .set(bearer(t.adminToken))
      .send({ name: 'Renamed' })
      .expect(200);

    const lines = await activity(ticket.number);
    expect(lines.filter((a) => a.action === 'product_family').map((a) => [a.from, a.to])).toEqual([
      [null, { id: family.id, name: family.name }],
      [{ id: family.id, name: family.name }, null],
    ]);
    expect(lines.find((a) => a.action === 'requester')).toMatchObject({
      from: { id: contact.id, name: 'Melissa Jones' },
      to: { id: other.id, name: 'Omar Diaz' },
    });
  });

  it('a merge: the target logs "merged #N" with its title; the merged ticket keeps its own lines', async () => {
    const { contact } = await seedCompany(t);
    const target = await createTicket(t, contact.id, { title: 'Printer jam' });
    const source = await createTicket(t, contact.id, { title: 'Paper stuck', priority: 'low' });
    await patch(source.number, { priority: 'high' });
    await t
      .http()
      .post(`/api/tickets/${source.number}/merge`)
      .set(bearer(t.technicianToken))
      .send({ into: target.number })
      .expect(200);

    const onTarget = await activity(target.number);
    expect(onTarget.map((a) => a.action)).toEqual(['created', 'merged_from']);
    expect(onTarget[1].to).toEqual({ number: source.number, title: 'Paper stuck' });
    const onSource = await activity(source.number);
    expect(onSource.map((a) => a.action)).toEqual(['created', 'priority', 'status', 'merged']);
    expect(onSource[3].to).toEqual({ into: target.number, title: 'Printer jam' });
  });
});
