// #16 language choice: the account's console language (GET/PUT /api/me, else the browser's) and the
// contact's language (null: the company's default), validated with a 400 naming the rule.
import { createTestApp, type TestApp } from '@switchboard/testing';

describe('languages of accounts and contacts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const tech = () => ({ Authorization: `Bearer ${t.technicianToken}` });

  it('GET /api/me follows the browser until the account chooses; PUT /api/me sets or clears it', async () => {
    const fresh = await t
      .http()
      .get('/api/me')
      .set(tech())
      .set('Accept-Language', 'fr-CA,fr;q=0.9,en;q=0.5')
      .expect(200);
    expect(fresh.body).toMatchObject({ id: t.technician.id, language: 'fr', languageSource: 'browser' });
    expect((await t.http().get('/api/me').set(tech()).expect(200)).body.language).toBe('en');

    const chosen = await t
      .http()
      .put('/api/me')
      .set(tech())
      .set('Accept-Language', 'fr')
      .send({ language: 'en' })
      .expect(200);
    expect(chosen.body).toMatchObject({ language: 'en', languageSource: 'account' });
    // Every device of the account now speaks English, whatever its browser says.
    const again = await t.http().get('/api/me').set(tech()).set('Accept-Language', 'fr').expect(200);
    expect(again.body).toMatchObject({ language: 'en', languageSource: 'account' });
    expect((await t.http().get('/api/auth/me').set(tech()).expect(200)).body.language).toBe('en');

    const bad = await t.http().put('/api/me').set(tech()).send({ language: 'de' }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/language must be one of: en, fr/);
    await t.http().put('/api/me').set(tech()).send({}).expect(400);
    await t.http().put('/api/me').send({ language: 'fr' }).expect(401);

    const cleared = await t
      .http()
      .put('/api/me')
      .set(tech())
      .set('Accept-Language', 'fr')
      .send({ language: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ language: 'fr', languageSource: 'browser' });
  });

  it('contacts carry a language (null: the company default), set and changed by technicians', async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const company = (await t.http().post('/api/companies').set(admin).send({ name: 'Lang Co' }).expect(201)).body;
    const base = { companyId: company.id, firstName: 'Zoé', lastName: 'Martin' };
    const plain = await t
      .http()
      .post('/api/contacts')
      .set(tech())
      .send({ ...base, email: 'zoe@lang.example' })
      .expect(201);
    expect(plain.body.language).toBeNull();
    const french = await t
      .http()
      .post('/api/contacts')
      .set(tech())
      .send({ ...base, email: 'zoe2@lang.example', language: 'fr' })
      .expect(201);
    expect(french.body.language).toBe('fr');
    const bad = await t.http().patch(`/api/contacts/${plain.body.id}`).set(tech()).send({ language: 'es' }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/language must be one of: en, fr/);
    const changed = await t
      .http()
      .patch(`/api/contacts/${plain.body.id}`)
      .set(tech())
      .send({ language: 'en' })
      .expect(200);
    expect(changed.body.language).toBe('en');
    const back = await t
      .http()
      .patch(`/api/contacts/${french.body.id}`)
      .set(tech())
      .send({ language: null })
      .expect(200);
    expect(back.body.language).toBeNull();
    expect((await t.http().get(`/api/contacts/${plain.body.id}`).set(tech()).expect(200)).body.language).toBe('en');
  });
});
