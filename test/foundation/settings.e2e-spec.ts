import { SettingsService } from '@switchboard/core';
import { createTestApp, TestApp } from '@switchboard/testing';

describe('typed settings per scope', () => {
  let t: TestApp;
  const auth = () => ({ Authorization: `Bearer ${t.adminToken}` });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the defaults', async () => {
    const res = await t.http().get('/api/settings').set(auth()).expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'chat.enabled', value: false, source: 'default' }),
        expect.objectContaining({
          key: 'tickets.defaultReplyType',
          value: 'public',
          source: 'default',
          options: ['public', 'internal'],
        }),
      ]),
    );
  });

  it('resolves company → global → default', async () => {
    const company = (await t.http().post('/api/companies').set(auth()).send({ name: 'Settings Co' }).expect(201)).body;
    const other = (await t.http().post('/api/companies').set(auth()).send({ name: 'Other Settings Co' }).expect(201))
      .body;
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set(auth())
      .send({ value: true, companyId: company.id })
      .expect(200);
    await t.http().put('/api/settings/tickets.defaultReplyType').set(auth()).send({ value: 'internal' }).expect(200);

    const settings = t.get(SettingsService);
    expect(await settings.get('chat.enabled', company.id)).toBe(true);
    expect(await settings.get('chat.enabled', other.id)).toBe(false);
    expect(await settings.get('chat.enabled')).toBe(false);
    expect(await settings.get('tickets.defaultReplyType', other.id)).toBe('internal');

    const view = await t.http().get(`/api/settings/chat.enabled?companyId=${company.id}`).set(auth()).expect(200);
    expect(view.body).toMatchObject({ value: true, source: 'company' });
    await t.http().delete(`/api/settings/chat.enabled?companyId=${company.id}`).set(auth()).expect(200);
    expect(await settings.get('chat.enabled', company.id)).toBe(false);
  });

  it('refuses numbers outside the bounds a setting declares, naming them', async () => {
    const listed = await t.http().get('/api/settings').set(auth()).expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'channels.inboundRateLimit', min: 0, max: 100000, integer: true }),
      ]),
    );
    for (const value of [-1, 2.5, 100001]) {
      const res = await t.http().put('/api/settings/channels.inboundRateLimit').set(auth()).send({ value }).expect(400);
      expect(res.body.details.fieldErrors.value).toEqual(['must be a whole number from 0 to 100000']);
    }
    await t.http().put('/api/settings/channels.inboundRateLimit').set(auth()).send({ value: 0 }).expect(200);
    expect(await t.get(SettingsService).get('channels.inboundRateLimit')).toBe(0);
    await t.http().delete('/api/settings/channels.inboundRateLimit').set(auth()).expect(200);
  });

  it('is admins only', async () => {
    await t
      .http()
      .get('/api/settings')
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .expect(403);
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set({ Authorization: `Bearer ${t.technicianToken}` })
      .send({ value: true })
      .expect(403);
  });

  it('rejects unknown keys, wrong types and unknown companies', async () => {
    const unknown = await t.http().put('/api/settings/chat.colour').set(auth()).send({ value: 'red' }).expect(400);
    expect(unknown.body.message).toMatch(/Unknown setting "chat.colour"/);
    const wrongType = await t.http().put('/api/settings/chat.enabled').set(auth()).send({ value: 'yes' }).expect(400);
    expect(wrongType.body.message).toMatch(/expected a boolean/);
    const wrongEnum = await t
      .http()
      .put('/api/settings/tickets.defaultReplyType')
      .set(auth())
      .send({ value: 'shout' })
      .expect(400);
    expect(wrongEnum.body.message).toMatch(/public, internal/);
    await t.http().put('/api/settings/chat.enabled').set(auth()).send({}).expect(400);
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set(auth())
      .send({ value: true, companyId: '01a1fe80-f41c-7580-8a4f-4c9a930b6777' })
      .expect(404);
    expect(await t.get(SettingsService).get('chat.enabled')).toBe(false);
  });

  it('a company setting must name an existing company (400 naming it); empty means none', async () => {
    const missing = await t
      .http()
      .put('/api/settings/email.defaultCompanyId')
      .set(auth())
      .send({ value: '01a1fe80-f41c-7580-8a4f-4c9a930b6777' })
      .expect(400);
    expect(missing.body.message).toMatch(/email.defaultCompanyId: no company has the id "01a1fe80/);
    const typo = await t.http().put('/api/settings/email.defaultCompanyId').set(auth()).send({ value: 7 }).expect(400);
    expect(typo.body.message).toMatch(/expected a company id/);
    expect(await t.get(SettingsService).get('email.defaultCompanyId')).toBe('');
    const company = await t.http().post('/api/companies').set(auth()).send({ name: 'Default Co' }).expect(201);
    const set = await t
      .http()
      .put('/api/settings/email.defaultCompanyId')
      .set(auth())
      .send({ value: company.body.id })
      .expect(200);
    expect(set.body).toMatchObject({ type: 'company', value: company.body.id, source: 'global' });
    await t.http().put('/api/settings/email.defaultCompanyId').set(auth()).send({ value: '' }).expect(200);
  });
});
