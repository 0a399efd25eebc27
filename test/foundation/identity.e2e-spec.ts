import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '@switchboard/testing';

describe('identity admin API: companies, contacts, accounts, devices', () => {
  let t: TestApp;
  const auth = () => ({ Authorization: `Bearer ${t.adminToken}` });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('manages companies, refusing duplicates and bad input', async () => {
    const acme = await t.http().post('/api/companies').set(auth()).send({ name: 'Acme' }).expect(201);
    expect(acme.body).toMatchObject({ name: 'Acme' });
    const dup = await t.http().post('/api/companies').set(auth()).send({ name: 'ACME' }).expect(409);
    expect(dup.body.message).toMatch(/already exists/);
    const bad = await t.http().post('/api/companies').set(auth()).send({ name: '', extra: 1 }).expect(400);
    expect(Object.keys(bad.body.details.fieldErrors).sort()).toEqual(['extra', 'name']);
    await t.http().patch(`/api/companies/${acme.body.id}`).set(auth()).send({ name: 'Acme Corp' }).expect(200);
    const got = await t.http().get(`/api/companies/${acme.body.id}`).set(auth()).expect(200);
    expect(got.body.name).toBe('Acme Corp');
    await t.http().get('/api/companies/not-a-uuid').set(auth()).expect(400);
    await t.http().get('/api/companies/01a1fe80-f41c-7580-8a4f-4c9a930b6777').set(auth()).expect(404);
  });

  it('manages contacts per company with validation and keyset pagination', async () => {
    const company = (await t.http().post('/api/companies').set(auth()).send({ name: 'Contacts Co' }).expect(201)).body;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await t
        .http()
        .post('/api/contacts')
        .set(auth())
        .send({
          companyId: company.id,
          firstName: `First${i}`,
          lastName: 'Last',
          email: `person${i}@contacts.example`,
          phone: '+33 6 12 34 56 78',
        })
        .expect(201);
      ids.push(c.body.id);
    }
    await t
      .http()
      .post('/api/contacts')
      .set(auth())
      .send({ companyId: company.id, firstName: 'X', lastName: 'Y', email: 'PERSON0@contacts.example' })
      .expect(409);
    const bad = await t
      .http()
      .post('/api/contacts')
      .set(auth())
      .send({ companyId: company.id, firstName: 'X', lastName: 'Y', email: 'nope', phone: 'call me' })
      .expect(400);
    expect(Object.keys(bad.body.details.fieldErrors).sort()).toEqual(['email', 'phone']);
    const unknownCompany = await t
      .http()
      .post('/api/contacts')
      .set(auth())
      .send({ companyId: '01a1fe80-f41c-7580-8a4f-4c9a930b6777', firstName: 'X', lastName: 'Y', email: 'x@y.example' })
      .expect(400);
    expect(unknownCompany.body.details.fieldErrors.companyId).toBeDefined();

    const page1 = await t.http().get(`/api/contacts?companyId=${company.id}&limit=2`).set(auth()).expect(200);
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    const page2 = await t
      .http()
      .get(`/api/contacts?companyId=${company.id}&limit=2&cursor=${page1.body.nextCursor}`)
      .set(auth())
      .expect(200);
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
    const page3 = await t
      .http()
      .get(`/api/contacts?companyId=${company.id}&limit=2&cursor=${page2.body.nextCursor}`)
      .set(auth())
      .expect(200);
    expect(page3.body).toEqual({ items: [expect.objectContaining({ id: ids[4] })], nextCursor: null });

    await t.http().patch(`/api/contacts/${ids[0]}`).set(auth()).send({ lastName: 'Changed' }).expect(200);
    await t
      .http()
      .delete(`/api/contacts/${ids[0]}`)
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .expect(403);
    await t.http().delete(`/api/contacts/${ids[0]}`).set(auth()).expect(204);
    await t.http().get(`/api/contacts/${ids[0]}`).set(auth()).expect(404);
  });

  it('limits a restricted technician to the companies granted', async () => {
    const mine = (await t.http().post('/api/companies').set(auth()).send({ name: 'Granted' }).expect(201)).body;
    const other = (await t.http().post('/api/companies').set(auth()).send({ name: 'Not Granted' }).expect(201)).body;
    const hidden = (
      await t
        .http()
        .post('/api/contacts')
        .set(auth())
        .send({ companyId: other.id, firstName: 'H', lastName: 'Idden', email: 'hidden@other.example' })
        .expect(201)
    ).body;
    const tech = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth())
        .send({
          name: 'Restricted',
          email: 'restricted@test.local',
          password: 'restricted-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [mine.id],
        })
        .expect(201)
    ).body;
    expect(tech.companyIds).toEqual([mine.id]);
    const token = { Authorization: `Bearer ${t.tokenFor(tech.id)}` };
    const companies = await t.http().get('/api/companies').set(token).expect(200);
    expect(companies.body.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    await t.http().get(`/api/contacts/${hidden.id}`).set(token).expect(404);
    await t
      .http()
      .post('/api/contacts')
      .set(token)
      .send({ companyId: other.id, firstName: 'A', lastName: 'B', email: 'ab@other.example' })
      .expect(403);
    const contacts = await t.http().get('/api/contacts').set(token).expect(200);
    expect(contacts.body.items.find((c: { id: string }) => c.id === hidden.id)).toBeUndefined();
  });

  it('manages accounts: hashed passwords, unique emails, the last admin stays', async () => {
    const res = await t
      .http()
      .post('/api/accounts')
      .set(auth())
      .send({ name: 'New Tech', email: 'New.Tech@Test.local', password: 'new-tech-password-1', role: 'technician' })
      .expect(201);
    expect(res.body).toMatchObject({ email: 'new.tech@test.local', role: 'technician', availability: 'unavailable' });
    expect(res.body.password).toBeUndefined();
    const row = await t
      .get(DataSource)
      .query(
        'SELECT "passwordHash" FROM "accounts" WHERE "id" = $1'.replace(
          '$1',
          t.config.driver === 'postgres' ? '$1' : '?',
        ),
        [res.body.id],
      );
    expect(row[0].passwordHash).toMatch(/^\$argon2id\$/);
    await t
      .http()
      .post('/api/accounts')
      .set(auth())
      .send({ name: 'Dup', email: 'new.tech@test.local', password: 'new-tech-password-1', role: 'technician' })
      .expect(409);
    const badRole = await t
      .http()
      .post('/api/accounts')
      .set(auth())
      .send({ name: 'X', email: 'x@test.local', password: 'short', role: 'owner' })
      .expect(400);
    expect(Object.keys(badRole.body.details.fieldErrors).sort()).toEqual(['password', 'role']);
    const last = await t
      .http()
      .patch(`/api/accounts/${t.admin.id}`)
      .set(auth())
      .send({ role: 'technician' })
      .expect(409);
    expect(last.body.message).toMatch(/last active administrator/);
  });

  it('creates devices with a token shown once and stored hashed; the token authenticates the device', async () => {
    const company = (await t.http().post('/api/companies').set(auth()).send({ name: 'Devices Co' }).expect(201)).body;
    const res = await t
      .http()
      .post('/api/devices')
      .set(auth())
      .send({ companyId: company.id, name: 'PC-1', os: 'Windows 11' })
      .expect(201);
    const { device, token } = res.body;
    expect(device).toMatchObject({ name: 'PC-1', helpdeskAgentEnabled: true });
    expect(token).toMatch(/^sbd_/);
    const got = await t.http().get(`/api/devices/${device.id}`).set(auth()).expect(200);
    expect(JSON.stringify(got.body)).not.toContain(token);
    const stored = await t.get(DataSource).query('SELECT "tokenHash" FROM "devices"');
    expect(JSON.stringify(stored)).not.toContain(token);

    const socket = await t.socket('/device', { token });
    socket.close();
    const rotated = await t.http().post(`/api/devices/${device.id}/token`).set(auth()).expect(201);
    await expect(t.socket('/device', { token })).rejects.toThrow('unauthorized');
    (await t.socket('/device', { token: rotated.body.token })).close();
  });

  it('lets a technician set availability', async () => {
    const res = await t
      .http()
      .put('/api/me/availability')
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .send({ available: true })
      .expect(200);
    expect(res.body.availability).toBe('available');
    await t
      .http()
      .put('/api/me/availability')
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .send({ available: 'yes' })
      .expect(400);
  });
});

describe('technician directory', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists colleagues for any technician, filtered by company access and availability', async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const tech = { Authorization: `Bearer ${t.technicianToken}` };
    const served = (await t.http().post('/api/companies').set(admin).send({ name: 'Served' }).expect(201)).body;
    const other = (await t.http().post('/api/companies').set(admin).send({ name: 'Elsewhere' }).expect(201)).body;
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(admin)
        .send({
          name: 'Rita Restricted',
          email: 'rita@test.local',
          password: 'restricted-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.id],
        })
        .expect(201)
    ).body;

    const all = await t.http().get('/api/technicians').set(tech).expect(200);
    expect(all.body.map((x: { name: string }) => x.name)).toEqual(['Rita Restricted', 'Test Admin', 'Test Technician']);
    expect(all.body[0]).toEqual({
      id: restricted.id,
      name: 'Rita Restricted',
      email: 'rita@test.local',
      role: 'technician',
      availability: 'unavailable',
    });

    const forServed = await t.http().get(`/api/technicians?companyId=${served.id}`).set(tech).expect(200);
    expect(forServed.body.map((x: { name: string }) => x.name)).toEqual(['Test Admin', 'Test Technician']);

    await t.http().put('/api/me/availability').set(tech).send({ available: true }).expect(200);
    const available = await t
      .http()
      .get(`/api/technicians?companyId=${served.id}&available=true`)
      .set(tech)
      .expect(200);
    expect(available.body.map((x: { name: string }) => x.name)).toEqual(['Test Technician']);

    await t.http().get('/api/technicians?available=maybe').set(tech).expect(400);
    await t.http().get('/api/technicians').expect(401);
    const ritaToken = { Authorization: `Bearer ${t.tokenFor(restricted.id)}` };
    await t.http().get(`/api/technicians?companyId=${served.id}`).set(ritaToken).expect(403);
  });
});
