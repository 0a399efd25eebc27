// #15 ticket sidebar: GET /api/contacts/:id/overview — the requester, company, other tickets,
// chats and devices; company-scoped (404 outside the viewer's companies), validated id.
import { AccountService, DeviceService } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer, createTicket, seedCompany } from './tickets.helper';

describe('contact overview (ticket sidebar)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the contact, company, newest tickets and devices of the contact only', async () => {
    const { company, contact } = await seedCompany(t, 'Overview Co', 'ov@acme.example');
    const other = await seedCompany(t, 'Overview Other', 'ov2@acme.example');
    const first = await createTicket(t, contact.id, { title: 'VPN down' });
    const second = await createTicket(t, contact.id, { title: 'Printer jam' });
    await createTicket(t, other.contact.id, { title: 'Not theirs' });
    await t
      .get(DeviceService)
      .create({ companyId: company.id, name: 'LAPTOP-OV', os: 'Windows 11', contactId: contact.id });
    await t.get(DeviceService).create({ companyId: company.id, name: 'KIOSK', os: 'Linux' });

    const res = await t.http().get(`/api/contacts/${contact.id}/overview`).set(bearer(t.technicianToken)).expect(200);
    expect(res.body.companyId).toBe(company.id);
    expect(res.body.contact).toMatchObject({ id: contact.id, firstName: 'Melissa', email: 'ov@acme.example' });
    expect(res.body.company).toEqual({ id: company.id, name: 'Overview Co' });
    expect(res.body.tickets.map((x: { number: number }) => x.number)).toEqual([second.number, first.number]);
    expect(res.body.tickets[0]).toMatchObject({ title: 'Printer jam', status: 'open', statusCategory: 'open' });
    expect(res.body.devices.map((d: { name: string }) => d.name)).toEqual(['LAPTOP-OV']);
    expect(res.body.chats).toEqual([]);
  });

  it('denies: 404 for a contact of a company the technician does not serve, 400 for a bad id, 401 without a session', async () => {
    const mine = await seedCompany(t, 'Scoped Co', 'scoped@acme.example');
    const hidden = await seedCompany(t, 'Hidden Co', 'hidden@acme.example');
    const restricted = await t.get(AccountService).create({
      name: 'Scoped Tech',
      email: 'scoped-tech@test.local',
      password: 'restricted-pass-1',
      role: 'technician',
      allCompanies: false,
      companyIds: [mine.company.id],
    });
    const token = t.tokenFor(restricted.id);
    await t.http().get(`/api/contacts/${mine.contact.id}/overview`).set(bearer(token)).expect(200);
    const denied = await t.http().get(`/api/contacts/${hidden.contact.id}/overview`).set(bearer(token)).expect(404);
    expect(JSON.stringify(denied.body)).not.toContain('hidden@acme.example');
    const bad = await t.http().get('/api/contacts/not-a-uuid/overview').set(bearer(token)).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/uuid/i);
    await t.http().get(`/api/contacts/${mine.contact.id}/overview`).expect(401);
  });
});
