// #14 proactive chat: per-portal invitation rules for the embed widget (validated, stored, served in
// embed.js only while the portal is open), and a chat started from an accepted invitation is flagged.
import { DataSource } from 'typeorm';
import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, setAvailable } from './portal-helpers.js';

describe('proactive chat invitations (#14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  const patch = (id: string, body: object | string) =>
    t.http().patch(`/api/portals/${id}`).set(auth(t.adminToken)).send(body);

  it('refuses bad rules naming each field, stores good ones trimmed, and turns them off with null', async () => {
    const { portal } = await createCompanyWithPortal(t);
    expect((await patch(portal.id, {})).body.proactive).toBeNull();

    const bad = await patch(portal.id, {
      proactive: {
        delaySeconds: 5000,
        urlContains: Array.from({ length: 11 }, (_, i) => `/p${i}`),
        message: 'x'.repeat(201),
      },
    }).expect(400);
    const fields = Object.keys(bad.body.details.fieldErrors);
    expect(fields).toEqual(
      expect.arrayContaining(['proactive.delaySeconds', 'proactive.urlContains', 'proactive.message']),
    );
    await patch(portal.id, { proactive: { delaySeconds: 10 } }).expect(400); // urlContains required
    await patch(portal.id, { proactive: { delaySeconds: 1.5, urlContains: [] } }).expect(400);
    await patch(portal.id, { proactive: { delaySeconds: 10, urlContains: [''] } }).expect(400);
    await patch(portal.id, { proactive: 'on' }).expect(400);
    // Nothing was half-written.
    const still = await t.http().get(`/api/portals/${portal.id}`).set(auth(t.adminToken)).expect(200);
    expect(still.body.proactive).toBeNull();

    const saved = await patch(portal.id, {
      proactive: {
        delaySeconds: 15,
        urlContains: [' /pricing ', '/pricing', '/checkout'],
        message: '  Hi!  ',
        messageFr: ' ',
      },
    }).expect(200);
    expect(saved.body.proactive).toEqual({
      delaySeconds: 15,
      urlContains: ['/pricing', '/checkout'],
      message: 'Hi!',
      messageFr: null,
    });
    // Technicians cannot change portals.
    await t
      .http()
      .patch(`/api/portals/${portal.id}`)
      .set(auth(t.technicianToken))
      .send({ proactive: null })
      .expect(403);
    expect((await patch(portal.id, { proactive: null }).expect(200)).body.proactive).toBeNull();
  });

  it('serves the rules in embed.js while the portal is open, escaped, and none when it is inactive', async () => {
    const { portal, subdomain } = await createCompanyWithPortal(t);
    const none = await t.http().get(`/p/${subdomain}/embed.js`).expect(200);
    expect(none.text).toContain(`window.__SWITCHBOARD_PORTAL__={"subdomain":"${subdomain}"};`);

    await patch(portal.id, {
      proactive: { delaySeconds: 3, urlContains: ['/pricing'], message: 'Help?</script><script>alert(1)</script>' },
    }).expect(200);
    const js = (await t.http().get(`/p/${subdomain}/embed.js`).expect(200)).text;
    const config = /window\.__SWITCHBOARD_PORTAL__=(.*);\n/.exec(js)![1];
    expect(config).not.toContain('</script>');
    expect(JSON.parse(config)).toEqual({
      subdomain,
      proactive: {
        delaySeconds: 3,
        urlContains: ['/pricing'],
        message: 'Help?</script><script>alert(1)</script>',
        messageFr: null,
      },
    });

    await patch(portal.id, { status: 'inactive' }).expect(200);
    const closed = (await t.http().get(`/p/${subdomain}/embed.js`).expect(200)).text;
    expect(closed).toContain(`window.__SWITCHBOARD_PORTAL__={"subdomain":"${subdomain}"};`);
  });

  it('flags a chat started from an accepted invitation; refuses a non-boolean flag; support requests are never flagged', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    await setAvailable(t, t.technicianToken, true);
    const visitor = { firstName: 'Paul', lastName: 'Martin', email: 'paul.martin@example.com', question: 'Prices?' };
    const start = (kind: 'chats' | 'requests', body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/public/portals/${subdomain}/${kind}`)
        .send({ ...visitor, ...body });

    const refused = await start('chats', { proactive: 'yes' }).expect(400);
    expect(Object.keys(refused.body.details.fieldErrors)).toEqual(['proactive']);
    const invited = (await start('chats', { proactive: true }).expect(201)).body;
    const plain = (await start('chats', {}).expect(201)).body;
    const request = (await start('requests', { proactive: true }).expect(201)).body;

    const db = t.get(DataSource);
    const meta = async (id: string) => {
      const p = db.options.type === 'postgres' ? '$1' : '?';
      const [row] = await db.query(`SELECT meta FROM conversations WHERE id = ${p}`, [id]);
      return (typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta) as { proactive?: boolean };
    };
    expect((await meta(invited.conversationId)).proactive).toBe(true);
    expect((await meta(plain.conversationId)).proactive).toBeUndefined();
    expect((await meta(request.conversationId)).proactive).toBeUndefined();
  });
});
