import { createTestApp, TestApp } from '@switchboard/testing';

describe('operations: health, OpenAPI, request ids, errors, web UI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ web: true });
  });
  afterAll(() => t.close());

  it('reports health of the database and Redis', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'ok' }, redis: { status: 'disabled' } });
    expect(res.body.database.driver).toBe(t.config.driver === 'postgres' ? 'postgres' : 'better-sqlite3');
  });

  it('serves the OpenAPI document generated from the DTOs, and the docs UI', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/companies',
      '/api/contacts',
      '/api/accounts',
      '/api/devices',
      '/api/plugins',
      '/api/settings',
      '/api/me/availability',
      '/health',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.CreateContactDto.required).toEqual(
      expect.arrayContaining(['companyId', 'firstName', 'lastName', 'email']),
    );
    const ui = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('tells clients the server time from the injectable clock (the UI corrects its durations by it)', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.headers['x-server-time']).toBe(t.clock.now().toISOString());
    t.clock.advance(90_000);
    expect((await t.http().get('/health')).headers['x-server-time']).toBe(t.clock.now().toISOString());
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.http().get('/health').set('X-Request-Id', 'req-123').expect(200);
    expect(given.headers['x-request-id']).toBe('req-123');
    const made = await t.http().get('/health').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input with clear 4xx JSON errors', async () => {
    const malformed = await t
      .http()
      .post('/api/companies')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, message: 'Malformed JSON body' });
    const huge = await t
      .http()
      .post('/api/companies')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ name: 'x'.repeat(2_000_000) })
      .expect(413);
    expect(huge.body.message).toMatch(/too large/);
    const unknownApi = await t
      .http()
      .get('/api/nothing-here')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .set('Accept', 'text/html')
      .expect(404);
    expect(unknownApi.body.statusCode).toBe(404);
  });

  it('serves the web UI at / and for client-side routes', async () => {
    const index = await t.http().get('/').expect(200);
    expect(index.text).toMatch(/<div id="app"|<div id="root"|<script/);
    const deep = await t.http().get('/tickets/42').set('Accept', 'text/html').expect(200);
    expect(deep.text).toBe(index.text);
    await t.http().get('/assets/missing.js').expect(404);
  });
});

describe('OpenAPI covers every request body', () => {
  it('documents the properties of every JSON request body schema', async () => {
    const t = await createTestApp({ plugins: [{ name: 'plugins/channel-portal-livechat', enable: true }] });
    try {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body;
      const undocumented: string[] = [];
      for (const [path, ops] of Object.entries<
        Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>
      >(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
          if (!ref) continue;
          const schema = doc.components.schemas[ref.split('/').pop()!];
          if (!schema?.properties || Object.keys(schema.properties).length === 0)
            undocumented.push(`${method.toUpperCase()} ${path} (${ref})`);
        }
      }
      expect(undocumented).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
