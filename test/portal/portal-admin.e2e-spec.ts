import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, setAvailable, uniqueName } from './portal-helpers.js';

describe('portals: admin CRUD, subdomains, embed codes, public view', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('creates a portal and refuses a taken, invalid or reserved subdomain with clear errors', async () => {
    const { portal, subdomain, company } = await createCompanyWithPortal(t);
    expect(portal).toMatchObject({
      companyId: company.id,
      subdomain,
      status: 'active',
      urls: { path: `/p/${subdomain}` },
    });
    const other = (
      await t
        .http()
        .post('/api/companies')
        .set(auth(t.adminToken))
        .send({ name: uniqueName('Other ') })
        .expect(201)
    ).body;
    const taken = await t
      .http()
      .post('/api/portals')
      .set(auth(t.adminToken))
      .send({ companyId: other.id, subdomain: subdomain.toUpperCase(), status: 'active' })
      .expect(409);
    expect(taken.body.message).toBe(`The subdomain "${subdomain}" is already taken`);
    for (const bad of ['-acme', 'acme-', 'ac_me', 'a'.repeat(64), 'ac me', '']) {
      const res = await t
        .http()
        .post('/api/portals')
        .set(auth(t.adminToken))
        .send({ companyId: other.id, subdomain: bad, status: 'active' })
        .expect(400);
      expect(res.body.details.fieldErrors.subdomain).toBeDefined();
    }
    const reserved = await t
      .http()
      .post('/api/portals')
      .set(auth(t.adminToken))
      .send({ companyId: other.id, subdomain: 'www', status: 'active' })
      .expect(400);
    expect(reserved.body.details.fieldErrors.subdomain[0]).toMatch(/reserved/);
    // At most one portal per company.
    await t
      .http()
      .post('/api/portals')
      .set(auth(t.adminToken))
      .send({ companyId: company.id, subdomain: uniqueName('second'), status: 'active' })
      .expect(409);
    // Technicians read, only admins write.
    await t
      .http()
      .post('/api/portals')
      .set(auth(t.technicianToken))
      .send({ companyId: other.id, subdomain: uniqueName('x'), status: 'active' })
      .expect(403);
    await t.http().get(`/api/portals/${portal.id}`).set(auth(t.technicianToken)).expect(200);
    // Renaming onto a taken subdomain is the same 409.
    const second = (
      await t
        .http()
        .post('/api/portals')
        .set(auth(t.adminToken))
        .send({ companyId: other.id, subdomain: uniqueName('second'), status: 'active' })
        .expect(201)
    ).body;
    await t.http().patch(`/api/portals/${second.id}`).set(auth(t.adminToken)).send({ subdomain }).expect(409);
    await t
      .http()
      .patch(`/api/portals/${second.id}`)
      .set(auth(t.adminToken))
      .send({ name: 'Renamed', channelConfig: { waitingOfferSeconds: -5 } })
      .expect(400);
    await t.http().delete(`/api/portals/${second.id}`).set(auth(t.adminToken)).expect(204);
  });

  it('gives the three ways in (stand-alone URL, pop-up, embedded script) and serves a small embed script', async () => {
    const { portal, subdomain } = await createCompanyWithPortal(t);
    const embed = (await t.http().get(`/api/portals/${portal.id}/embed`).set(auth(t.adminToken)).expect(200)).body;
    expect(embed.standaloneUrls.some((u: string) => u.endsWith(`/p/${subdomain}`))).toBe(true);
    expect(embed.popupSnippet).toContain('window.open');
    expect(embed.embedSnippet).toMatch(new RegExp(`<script src=".*/p/${subdomain}/embed.js" async></script>`));
    const script = await t.http().get(`/p/${subdomain}/embed.js`).expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toContain(JSON.stringify({ subdomain }));
    expect(script.text).toContain('iframe');
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(script.text).length).toBeLessThan(30 * 1024);
    await t.http().get('/p/nope-nope/embed.js').expect(404);
  });

  it('shows chat, support request or unavailable depending on the portal and available technicians (503 when inactive)', async () => {
    const { portal, subdomain } = await createCompanyWithPortal(t);
    await setAvailable(t, t.technicianToken, false);
    await setAvailable(t, t.adminToken, false);
    expect((await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body).toMatchObject({
      view: 'support_request',
      name: portal.name,
    });
    await setAvailable(t, t.technicianToken, true);
    expect((await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body.view).toBe('chat');
    await t.http().patch(`/api/portals/${portal.id}`).set(auth(t.adminToken)).send({ status: 'inactive' }).expect(200);
    const unavailable = (await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body;
    expect(unavailable).toMatchObject({
      view: 'unavailable',
      message: 'We apologize for this temporary inconvenience.',
    });
    const form = { firstName: 'A', lastName: 'B', email: 'a@b.example', question: 'Hello?' };
    const refused = await t.http().post(`/api/public/portals/${subdomain}/chats`).send(form).expect(503);
    expect(refused.body).toMatchObject({
      error: 'PORTAL_UNAVAILABLE',
      message: 'We apologize for this temporary inconvenience.',
    });
    await t.http().post(`/api/public/portals/${subdomain}/requests`).send(form).expect(503);
    // In the visitor's language (#16): the page says which; the code stays the same.
    const french = (
      await t.http().get(`/api/public/portals/${subdomain}`).set('Accept-Language', 'fr-FR,fr;q=0.9').expect(200)
    ).body;
    expect(french).toMatchObject({
      view: 'unavailable',
      message: 'Nous vous prions de nous excuser pour ce désagrément temporaire.',
    });
    const refusedFr = await t
      .http()
      .post(`/api/public/portals/${subdomain}/requests`)
      .send({ ...form, language: 'fr' })
      .expect(503);
    expect(refusedFr.body).toMatchObject({
      error: 'PORTAL_UNAVAILABLE',
      message: 'Nous vous prions de nous excuser pour ce désagrément temporaire.',
    });
    await t.http().get('/api/public/portals/does-not-exist').expect(404);
    await setAvailable(t, t.technicianToken, false);
  });

  it('counts only technicians with access to the company', async () => {
    const { subdomain, company } = await createCompanyWithPortal(t);
    const other = (
      await t
        .http()
        .post('/api/companies')
        .set(auth(t.adminToken))
        .send({ name: uniqueName('Elsewhere ') })
        .expect(201)
    ).body;
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({
          name: 'Restricted Tech',
          email: `${uniqueName('r')}@test.local`,
          password: 'restricted-pass-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.id],
        })
        .expect(201)
    ).body;
    await setAvailable(t, t.technicianToken, false);
    await setAvailable(t, t.adminToken, false);
    await setAvailable(t, t.tokenFor(restricted.id), true);
    // Available, but for another company only: this portal offers the support-request form.
    expect((await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body.view).toBe('support_request');
    // Given access to this company, the same technician makes it a live chat.
    await t
      .http()
      .patch(`/api/accounts/${restricted.id}`)
      .set(auth(t.adminToken))
      .send({ companyIds: [other.id, company.id] })
      .expect(200);
    expect((await t.http().get(`/api/public/portals/${subdomain}`).expect(200)).body.view).toBe('chat');
    await setAvailable(t, t.tokenFor(restricted.id), false);
  });
});

describe('the portal page', () => {
  it('is served at /p/:subdomain as its own bundle (portal.html), never cached, and not the technician app', async () => {
    const t = await createPortalApp({ web: true });
    try {
      const page = await t.http().get('/p/acme').expect(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('id="portal"');
      const trailing = await t.http().get('/p/acme/').expect(200);
      expect(trailing.text).toBe(page.text);
      const tech = await t.http().get('/').expect(200);
      expect(tech.text).not.toBe(page.text);
      expect((await t.http().get('/portal.html').expect(200)).headers['cache-control']).toBe('no-cache');
    } finally {
      await t.close();
    }
  });
});

describe('portals on their own host', () => {
  it('serves the portal page at https://<subdomain>.<base domain>/ and names that address in the embed snippets', async () => {
    const t = await createPortalApp({ web: true, env: { SWITCHBOARD_PORTAL_BASE_DOMAIN: 'help.example.com' } });
    try {
      const portalPage = await t.http().get('/p/x').expect(200);
      const onHost = await t.http().get('/').set('Host', 'acme.help.example.com').expect(200);
      expect(onHost.text).toBe(portalPage.text);
      const technicianApp = await t.http().get('/').set('Host', 'helpdesk.example.org').expect(200);
      expect(technicianApp.text).not.toBe(portalPage.text);
      const nested = await t.http().get('/').set('Host', 'a.b.help.example.com').expect(200);
      expect(nested.text).toBe(technicianApp.text);
      const { portal } = await createCompanyWithPortal(t);
      const embed = await t.http().get(`/api/portals/${portal.id}/embed`).set(auth(t.adminToken)).expect(200);
      expect(JSON.stringify(embed.body)).toContain(`https://${portal.subdomain}.help.example.com/`);
    } finally {
      await t.close();
    }
  });
});
