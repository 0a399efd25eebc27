import { PluginRegistry } from '@switchboard/plugin-host';
import { isPluginError } from '@switchboard/plugin-sdk';
import { createTestApp } from '@switchboard/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const fixture = (name: string, enable: boolean) => ({ name: `test/fixtures/plugins/${name}`, enable });

describe('plugin host (real app)', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  beforeAll(async () => {
    t = await createTestApp({
      plugins: [
        fixture('crash-on-enable', true),
        fixture('denied-permission', true),
        fixture('event-subscriber', false),
        fixture('settings-validation', true),
      ],
    });
  });

  afterAll(() => t?.close());

  const createCompanyAndContact = async (email: string) => {
    const company = await request(t.baseUrl)
      .post('/api/companies')
      .set(admin())
      .send({ name: `Acme ${email}` })
      .expect(201);
    const contact = await request(t.baseUrl)
      .post('/api/contacts')
      .set(admin())
      .send({ companyId: company.body.id, firstName: 'Grace', lastName: 'Hopper', email, phone: '+15551234567' })
      .expect(201);
    return { companyId: company.body.id as string, contactId: contact.body.id as string };
  };

  describe('access', () => {
    it('401 without a token', async () => {
      await request(t.baseUrl).get('/api/plugins').expect(401);
    });

    it('403 for a technician, on every plugin route', async () => {
      const tech = { Authorization: `Bearer ${t.technicianToken}` };
      await request(t.baseUrl).get('/api/plugins').set(tech).expect(403);
      await request(t.baseUrl).get('/api/plugins/event-subscriber').set(tech).expect(403);
      await request(t.baseUrl)
        .post('/api/plugins/event-subscriber/enable')
        .set(tech)
        .send({ grantPermissions: ['contacts.read', 'kv'] })
        .expect(403);
      await request(t.baseUrl)
        .put('/api/plugins/settings-validation/settings')
        .set(tech)
        .send({ settings: {} })
        .expect(403);
      await request(t.baseUrl).post('/api/plugins/event-subscriber/disable').set(tech).expect(403);
    });

    it('404 for an unknown plugin', async () => {
      const res = await request(t.baseUrl).get('/api/plugins/nope').set(admin()).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
      await request(t.baseUrl).post('/api/plugins/nope/enable').set(admin()).send({ grantPermissions: [] }).expect(404);
    });
  });

  it('lists the loaded plugins with manifest, status and settings schema', async () => {
    const res = await request(t.baseUrl).get('/api/plugins').set(admin()).expect(200);
    expect(res.body.map((p: { id: string }) => p.id)).toEqual([
      'crash-on-enable',
      'denied-permission',
      'event-subscriber',
      'settings-validation',
    ]);
    const subscriber = res.body.find((p: { id: string }) => p.id === 'event-subscriber');
    expect(subscriber).toMatchObject({
      version: '1.0.0',
      kind: 'feature',
      enabled: false,
      status: 'disabled',
      permissions: ['contacts.read', 'kv'],
      grantedPermissions: [],
    });
    const settings = res.body.find((p: { id: string }) => p.id === 'settings-validation');
    expect(settings.settingsSchema.map((f: { key: string }) => f.key)).toEqual(['apiKey', 'maxItems', 'token', 'mode']);
  });

  it('isolates a plugin that throws in onEnable: crashed, and the app keeps serving', async () => {
    const res = await request(t.baseUrl).get('/api/plugins/crash-on-enable').set(admin()).expect(200);
    expect(res.body).toMatchObject({
      status: 'crashed',
      enabled: false,
      statusReason: 'onEnable threw: boom on enable',
    });
    await request(t.baseUrl).get('/health').expect(200);
    await request(t.baseUrl).get('/api/plugins').set(admin()).expect(200);
    // Re-enabling runs the hook again and crashes again, without a 500.
    const again = await request(t.baseUrl)
      .post('/api/plugins/crash-on-enable/enable')
      .set(admin())
      .send({ grantPermissions: [] })
      .expect(200);
    expect(again.body.status).toBe('crashed');
    await request(t.baseUrl).get('/health').expect(200);
  });

  describe('settings', () => {
    it('an auto-enabled plugin with required settings waits in invalid_settings', async () => {
      const res = await request(t.baseUrl).get('/api/plugins/settings-validation').set(admin()).expect(200);
      expect(res.body).toMatchObject({ enabled: true, status: 'invalid_settings', settings: { mode: 'fast' } });
      expect(res.body.statusReason).toMatch(/apiKey is required/);
    });

    it('rejects invalid settings with field errors and stores nothing', async () => {
      const res = await request(t.baseUrl)
        .put('/api/plugins/settings-validation/settings')
        .set(admin())
        .send({ settings: { apiKey: '', maxItems: 500 } })
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'PLUGIN_INVALID_SETTINGS',
        message: expect.any(String),
        details: { fieldErrors: { apiKey: ['is required'], maxItems: ['must be at most 100'] } },
      });
      const wrongType = await request(t.baseUrl)
        .put('/api/plugins/settings-validation/settings')
        .set(admin())
        .send({ settings: { apiKey: 'abc', maxItems: '5' } })
        .expect(400);
      expect(wrongType.body.details.fieldErrors).toEqual({ maxItems: ['must be a number'] });
      const view = await request(t.baseUrl).get('/api/plugins/settings-validation').set(admin()).expect(200);
      expect(view.body.settings).toEqual({ mode: 'fast' });
    });

    it('rejects a body without a settings object (DTO validation)', async () => {
      await request(t.baseUrl)
        .put('/api/plugins/settings-validation/settings')
        .set(admin())
        .send({ settings: 'x' })
        .expect(400);
    });

    it('accepts valid settings, redacts secrets, and starts the plugin', async () => {
      const res = await request(t.baseUrl)
        .put('/api/plugins/settings-validation/settings')
        .set(admin())
        .send({ settings: { apiKey: 'abc', maxItems: 10, token: 'very-secret' } })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'enabled',
        settings: { apiKey: 'abc', maxItems: 10, mode: 'fast', token: '********' },
      });
      const list = await request(t.baseUrl).get('/api/plugins').set(admin()).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('very-secret');
    });
  });

  describe('permissions', () => {
    it('enable must grant every requested permission (400 naming the missing ones)', async () => {
      const res = await request(t.baseUrl)
        .post('/api/plugins/event-subscriber/enable')
        .set(admin())
        .send({ grantPermissions: ['kv'] })
        .expect(400);
      expect(res.body).toMatchObject({ error: 'PLUGIN_PERMISSIONS_REQUIRED', details: { missing: ['contacts.read'] } });
      expect(res.body.message).toContain('contacts.read');
      await request(t.baseUrl).post('/api/plugins/event-subscriber/enable').set(admin()).send({}).expect(400);
      const view = await request(t.baseUrl).get('/api/plugins/event-subscriber').set(admin()).expect(200);
      expect(view.body.status).toBe('disabled');
    });

    it('a real-host accessor outside the grants throws the typed PluginPermissionError', async () => {
      const runtime = t.app.get(PluginRegistry, { strict: false }).get('denied-permission');
      const ctx = runtime!.active!.context;
      const error = await ctx.contacts
        .create({
          companyId: '00000000-0000-7000-8000-000000000000',
          firstName: 'A',
          lastName: 'B',
          email: 'a@b.example',
        })
        .catch((e: unknown) => e);
      expect(isPluginError(error, 'PLUGIN_PERMISSION_DENIED')).toBe(true);
      expect(error).toMatchObject({
        permission: 'contacts.write',
        message: expect.stringContaining('"contacts.write"'),
      });
      await expect(ctx.kv.set('k', 1)).rejects.toMatchObject({ code: 'PLUGIN_PERMISSION_DENIED', permission: 'kv' });
      await expect(ctx.http.fetch('https://example.com/')).rejects.toMatchObject({
        code: 'PLUGIN_PERMISSION_DENIED',
        permission: 'net:example.com',
      });
    });
  });

  describe('events', () => {
    it('delivers contact.created to an enabled subscriber, which stores it in its own KV', async () => {
      const enabled = await request(t.baseUrl)
        .post('/api/plugins/event-subscriber/enable')
        .set(admin())
        .send({ grantPermissions: ['contacts.read', 'kv'] })
        .expect(200);
      expect(enabled.body).toMatchObject({
        enabled: true,
        status: 'enabled',
        grantedPermissions: ['contacts.read', 'kv'],
      });

      const { companyId, contactId } = await createCompanyAndContact('grace@example.com');
      const db = t.app.get(DataSource, { strict: false });
      const rows = await db.getRepository('PluginKvEntity').find({ where: { pluginId: 'event-subscriber' } });
      const byKey = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
      expect(byKey.seen).toEqual([{ contactId, companyId }]);
      expect(byKey.listed).toBe(1); // kv.list by prefix
      // Granted contacts.read but not contacts.pii.read: email and phone withheld.
      expect(byKey[`contact:${contactId}`]).toMatchObject({
        id: contactId,
        firstName: 'Grace',
        email: null,
        phone: null,
        piiRedacted: true,
      });

      // The subscriber mutated its copy of the payload; the core's view is intact.
      await request(t.baseUrl).get(`/api/contacts/${contactId}`).set(admin()).expect(200);
    });

    it('a plugin whose handler hits a permission error is crashed; the request that raised the event still succeeds', async () => {
      const view = await request(t.baseUrl).get('/api/plugins/denied-permission').set(admin()).expect(200);
      expect(view.body).toMatchObject({ status: 'crashed', enabled: false });
      expect(view.body.statusReason).toMatch(
        /event handler for "contact.created" threw: .*lacks permission "contacts.write"/,
      );
      await request(t.baseUrl).get('/health').expect(200);
    });

    it('stops delivering after disable', async () => {
      await request(t.baseUrl).post('/api/plugins/event-subscriber/disable').set(admin()).expect(200);
      await createCompanyAndContact('other@example.com');
      const db = t.app.get(DataSource, { strict: false });
      const seen = await db.getRepository('PluginKvEntity').findOneBy({ pluginId: 'event-subscriber', key: 'seen' });
      expect(JSON.parse(seen!.value)).toHaveLength(1);
      const view = await request(t.baseUrl).get('/api/plugins/event-subscriber').set(admin()).expect(200);
      expect(view.body).toMatchObject({ enabled: false, status: 'disabled' });
    });
  });

  it('documents the plugin API in OpenAPI', async () => {
    const { SwaggerModule, DocumentBuilder } = await import('@nestjs/swagger');
    const doc = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/plugins',
        '/api/plugins/{id}',
        '/api/plugins/{id}/enable',
        '/api/plugins/{id}/settings',
      ]),
    );
    expect(doc.components?.schemas).toHaveProperty('EnablePluginDto');
    expect(doc.components?.schemas).toHaveProperty('PluginViewDto');
  });
});
