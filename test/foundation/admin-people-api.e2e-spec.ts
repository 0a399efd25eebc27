// The API the admin screens for people and devices need (issue #15): contact search, moving a
// device to another company, whether its helpdesk agent is online, and the enrolment code's shape.
import { createTestApp, nextEvent, TestApp } from '@switchboard/testing';

describe('admin people API: contact search, device move, device online state', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const tech = () => ({ Authorization: `Bearer ${t.technicianToken}` });
  let north = '';
  let south = '';

  beforeAll(async () => {
    t = await createTestApp();
    north = (await t.http().post('/api/companies').set(admin()).send({ name: 'North' }).expect(201)).body.id;
    south = (await t.http().post('/api/companies').set(admin()).send({ name: 'South' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const contact = async (companyId: string, firstName: string, lastName: string, email: string) =>
    (await t.http().post('/api/contacts').set(admin()).send({ companyId, firstName, lastName, email }).expect(201))
      .body as { id: string };

  it('searches contacts by part of the name or email, case-insensitively, within the company filter', async () => {
    await contact(north, 'Melissa', 'Jones', 'mel@north.example');
    await contact(north, 'Tom', 'Baker', 'tom@north.example');
    await contact(south, 'Jonas', 'Meyer', 'jonas@south.example');
    await contact(south, 'Ann', 'Lee', 'a_lee%@south.example');
    const names = async (query: string, headers = admin()) =>
      (await t.http().get(`/api/contacts?${query}`).set(headers).expect(200)).body.items
        .map((c: { firstName: string }) => c.firstName)
        .sort();

    expect(await names('search=JON')).toEqual(['Jonas', 'Melissa']);
    expect(await names(`search=jon&companyId=${north}`)).toEqual(['Melissa']);
    expect(await names('search=NORTH.example')).toEqual(['Melissa', 'Tom']);
    // LIKE wildcards in the search are literal characters.
    expect(await names('search=_lee%25')).toEqual(['Ann']);
    expect(await names('search=%25')).toEqual(['Ann']);
    expect(await names('search=nobody')).toEqual([]);
    // Blank: no filter.
    expect(await names(`search=%20&companyId=${south}`)).toEqual(['Ann', 'Jonas']);

    const long = await t
      .http()
      .get(`/api/contacts?search=${'x'.repeat(101)}`)
      .set(admin())
      .expect(400);
    expect(long.body.details.fieldErrors.search).toEqual(['search must be at most 100 characters']);
    await t.http().get('/api/contacts?search=a&search=b').set(admin()).expect(400);
  });

  it('a technician restricted to one company only finds contacts there', async () => {
    await t
      .http()
      .patch(`/api/accounts/${t.technician.id}`)
      .set(admin())
      .send({ allCompanies: false, companyIds: [north] })
      .expect(200);
    const items = (await t.http().get('/api/contacts?search=jon').set(tech()).expect(200)).body.items;
    expect(items.map((c: { firstName: string }) => c.firstName)).toEqual(['Melissa']);
    await t.http().patch(`/api/accounts/${t.technician.id}`).set(admin()).send({ allCompanies: true }).expect(200);
  });

  it('moves a device to another company: its contact must belong there, the old one is cleared', async () => {
    const mel = await contact(north, 'Mel', 'Moved', 'moved@north.example');
    const jo = await contact(south, 'Jo', 'South', 'jo@south.example');
    const { device, token } = (
      await t.http().post('/api/devices').set(admin()).send({ companyId: north, name: 'PC-MOVE', contactId: mel.id })
    ).body;

    // A contact of another company is refused, in both directions.
    const wrong = await t
      .http()
      .patch(`/api/devices/${device.id}`)
      .set(admin())
      .send({ companyId: south, contactId: mel.id })
      .expect(400);
    expect(wrong.body.details.fieldErrors.contactId).toEqual([
      "the contact must exist and belong to the device's company",
    ]);
    const unknown = await t
      .http()
      .patch(`/api/devices/${device.id}`)
      .set(admin())
      .send({ companyId: '01a1fe80-f41c-7580-8a4f-4c9a930b6777' })
      .expect(400);
    expect(unknown.body.details.fieldErrors.companyId).toBeDefined();
    await t.http().patch(`/api/devices/${device.id}`).set(admin()).send({ companyId: 'nope' }).expect(400);
    await t.http().patch(`/api/devices/${device.id}`).set(tech()).send({ companyId: south }).expect(403);
    expect((await t.http().get(`/api/devices/${device.id}`).set(admin())).body).toMatchObject({
      companyId: north,
      contactId: mel.id,
    });

    // The agent's open socket is dropped so it reconnects under the new company.
    const socket = await t.socket('/device', { token });
    const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
    const moved = await t.http().patch(`/api/devices/${device.id}`).set(admin()).send({ companyId: south }).expect(200);
    expect(moved.body).toMatchObject({ companyId: south, contactId: null });
    expect((await revoked).reason).toBe('moved');
    socket.close();
    // The token still works, now for the new company.
    (await t.socket('/device', { token })).close();

    const assigned = await t
      .http()
      .patch(`/api/devices/${device.id}`)
      .set(admin())
      .send({ companyId: north, contactId: mel.id })
      .expect(200);
    expect(assigned.body).toMatchObject({ companyId: north, contactId: mel.id });
    const same = await t
      .http()
      .patch(`/api/devices/${device.id}`)
      .set(admin())
      .send({ companyId: north, name: 'PC-MOVE-2' })
      .expect(200);
    // Not a move: the contact stays.
    expect(same.body).toMatchObject({ companyId: north, contactId: mel.id, name: 'PC-MOVE-2' });
    expect(jo.id).toBeDefined();
  });

  it('lists devices with whether their helpdesk agent is connected now', async () => {
    const { device, token } = (
      await t.http().post('/api/devices').set(admin()).send({ companyId: south, name: 'PC-ONLINE' }).expect(201)
    ).body;
    const online = async () => {
      const list = (await t.http().get(`/api/devices?companyId=${south}`).set(tech()).expect(200)).body.items;
      const one = (await t.http().get(`/api/devices/${device.id}`).set(tech()).expect(200)).body;
      expect(one.online).toBe(list.find((d: { id: string }) => d.id === device.id).online);
      return one.online as boolean;
    };
    expect(await online()).toBe(false);
    const socket = await t.socket('/device', { token });
    expect(await online()).toBe(true);
    socket.close();
    const deadline = Date.now() + 5000;
    while ((await online()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await online()).toBe(false);
  });

  it('returns the enrolment code with its expiry; only admins create one', async () => {
    const { device } = (
      await t.http().post('/api/devices').set(admin()).send({ companyId: south, name: 'PC-ENROL' }).expect(201)
    ).body;
    const res = await t.http().post(`/api/devices/${device.id}/enrolment-code`).set(admin()).expect(201);
    expect(res.body.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // 24 h from now on the test clock.
    expect(new Date(res.body.expiresAt).getTime()).toBe(t.clock.now().getTime() + 24 * 60 * 60_000);
    expect(res.body.device).toMatchObject({ id: device.id, name: 'PC-ENROL' });
    await t.http().post(`/api/devices/${device.id}/enrolment-code`).set(tech()).expect(403);
  });
});
