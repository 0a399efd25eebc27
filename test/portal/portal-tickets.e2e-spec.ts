import { ContactService } from '@switchboard/core';
import { nextEvent, type TestApp } from '@switchboard/testing';
import { ack, auth, createCompanyWithPortal, createPortalApp, uniqueName, visitorAuth } from './portal-helpers.js';

/** The sign-in mail's link token for this address (newest first in the outbox). */
async function mailedToken(t: TestApp, email: string): Promise<string | null> {
  const res = await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken)).expect(200);
  const mail = (res.body.items as { to: string[]; text: string }[]).find((m) => m.to.includes(email));
  return mail ? /sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1] : null;
}

async function signIn(t: TestApp, subdomain: string, email: string): Promise<string> {
  await t.http().post(`/api/public/portals/${subdomain}/sign-in`).send({ email }).expect(202);
  const token = (await mailedToken(t, email))!;
  const res = await t.http().post(`/api/public/portals/${subdomain}/session`).send({ token }).expect(200);
  return res.body.accessToken as string;
}

async function portalWithContact(t: TestApp) {
  const { company, subdomain, portal } = await createCompanyWithPortal(t);
  const email = `${uniqueName('jane')}@customer.example`;
  const contact = await t
    .get(ContactService)
    .create({ companyId: company.id, firstName: 'Jane', lastName: 'Doe', email });
  return { company, subdomain, portal, email, contact };
}

async function ticketFor(t: TestApp, requesterId: string, extra: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/api/tickets')
    .set(auth(t.technicianToken))
    .send({ title: 'Printer on fire', description: 'It smokes.', requesterId, ...extra })
    .expect(201);
  return res.body as { number: number };
}

describe('portal: My tickets (#18)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('mails a single-use 15-minute link; unknown, expired, reused and wrong-portal links are refused alike', async () => {
    const a = await portalWithContact(t);
    const b = await createCompanyWithPortal(t);
    const res = await t
      .http()
      .post(`/api/public/portals/${a.subdomain}/sign-in`)
      .set('Accept-Language', 'fr-FR')
      .send({ email: a.email.toUpperCase() })
      .expect(202);
    const unknown = await t
      .http()
      .post(`/api/public/portals/${a.subdomain}/sign-in`)
      .send({ email: 'nobody@nowhere.example' })
      .expect(202);
    expect(unknown.body).toEqual(res.body);
    expect(await mailedToken(t, 'nobody@nowhere.example')).toBeNull();
    const outbox = (await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken))).body.items;
    const mail = outbox.find((m: { to: string[] }) => m.to.includes(a.email));
    expect(mail.subject).toContain('Votre lien');
    expect(mail.text).toContain(`/p/${a.subdomain}/sign-in?token=`);

    const token = (await mailedToken(t, a.email))!;
    // Another portal's address does not take it (and does not use it up).
    await t.http().post(`/api/public/portals/${b.subdomain}/session`).send({ token }).expect(401);
    const ok = await t.http().post(`/api/public/portals/${a.subdomain}/session`).send({ token }).expect(200);
    expect(ok.headers['set-cookie'][0]).toMatch(/^sb_portal=.*HttpOnly/);
    const reused = await t.http().post(`/api/public/portals/${a.subdomain}/session`).send({ token }).expect(401);
    expect(reused.body.error).toBe('SIGN_IN_LINK_INVALID');
    await t
      .http()
      .post(`/api/public/portals/${a.subdomain}/session`)
      .send({ token: 'x'.repeat(43) })
      .expect(401);
    await t.http().post(`/api/public/portals/${a.subdomain}/session`).send({ token: 'bad token!' }).expect(400);

    // Expired: 15 minutes on the injectable clock.
    await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: a.email }).expect(202);
    const late = (await mailedToken(t, a.email))!;
    t.clock.advance(15 * 60_000 + 1);
    await t.http().post(`/api/public/portals/${a.subdomain}/session`).send({ token: late }).expect(401);

    // The session: cookie or header, its own audience (a technician token is no portal session), sign out ends it.
    const session = ok.body.accessToken as string;
    await t.http().get('/api/portal/me').set('Cookie', `sb_portal=${session}`).expect(200);
    const me = await t.http().get('/api/portal/me').set(visitorAuth(session)).expect(200);
    expect(me.body).toMatchObject({ firstName: 'Jane', email: a.email });
    await t.http().get('/api/portal/me').set(visitorAuth(t.technicianToken)).expect(401);
    await t.http().get('/api/portal/me').set('Cookie', `sb_token=${t.technicianToken}`).expect(401);
    // A cookie write from a foreign page is refused (CSRF).
    await t
      .http()
      .post('/api/portal/sign-out')
      .set('Cookie', `sb_portal=${session}`)
      .set('Origin', 'https://evil.example')
      .expect(403);
    await t.http().post('/api/portal/sign-out').set(visitorAuth(session)).expect(204);
    await t.http().get('/api/portal/me').set(visitorAuth(session)).expect(401);
  });

  it('rate-limits links per address and per client, known or not', async () => {
    const a = await portalWithContact(t);
    for (let i = 0; i < 5; i++)
      await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: a.email }).expect(202);
    const limited = await t
      .http()
      .post(`/api/public/portals/${a.subdomain}/sign-in`)
      .send({ email: a.email })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++)
      await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: 'ghost@x.example' }).expect(202);
    await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: 'ghost@x.example' }).expect(429);
    // Per client: 20 in the quarter hour whatever the addresses (10 spent above).
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (
          await t
            .http()
            .post(`/api/public/portals/${a.subdomain}/sign-in`)
            .send({ email: `p${i}@x.example` })
        ).status,
      );
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
    t.clock.advance(15 * 60_000 + 1);
    await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: a.email }).expect(202);
  });

  it('shows only the contact’s own tickets (requester or Cc) of this company, never notes or technician files', async () => {
    t.clock.advance(15 * 60_000 + 1);
    const a = await portalWithContact(t);
    const other = await t.get(ContactService).create({
      companyId: a.company.id,
      firstName: 'Other',
      lastName: 'Person',
      email: `${uniqueName('o')}@x.example`,
    });
    const b = await portalWithContact(t);
    const mine = await ticketFor(t, a.contact.id);
    const copied = await ticketFor(t, other.id, { cc: [{ kind: 'contact', id: a.contact.id }] });
    const theirs = await ticketFor(t, other.id);
    const elsewhere = await ticketFor(t, b.contact.id);
    // A technician's note with a file, and a public reply.
    const upload = async (name: string) =>
      (
        await t
          .http()
          .post('/api/files')
          .set(auth(t.technicianToken))
          .attach('file', Buffer.from(`content of ${name}`), name)
          .expect(201)
      ).body.id as string;
    const noteFile = await upload('secret.txt');
    await t
      .http()
      .post(`/api/tickets/${mine.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'Internal: customer is grumpy', visibility: 'internal', attachmentIds: [noteFile] })
      .expect(201);
    const publicFile = await upload('guide.txt');
    await t
      .http()
      .post(`/api/tickets/${mine.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'Try turning it off', visibility: 'public', attachmentIds: [publicFile] })
      .expect(201);

    const session = await signIn(t, a.subdomain, a.email);
    const h = visitorAuth(session);
    const list = (await t.http().get('/api/portal/tickets').set(h).expect(200)).body.items;
    expect(list.map((x: { number: number }) => x.number).sort()).toEqual([mine.number, copied.number].sort());
    expect(list.find((x: { number: number }) => x.number === mine.number)).toMatchObject({
      unread: true,
      status: 'open',
    });

    const page = (await t.http().get(`/api/portal/tickets/${mine.number}`).set(h).expect(200)).body;
    expect(page.comments.map((c: { body: string }) => c.body)).toEqual(['Try turning it off']);
    expect(JSON.stringify(page)).not.toContain('grumpy');
    expect(page).not.toHaveProperty('priority');
    const after = (await t.http().get('/api/portal/tickets').set(h).expect(200)).body.items;
    expect(after.find((x: { number: number }) => x.number === mine.number).unread).toBe(false);

    const file = await t.http().get(`/api/portal/tickets/${mine.number}/files/${publicFile}`).set(h).expect(200);
    expect(file.headers['content-disposition']).toContain('guide.txt');
    await t.http().get(`/api/portal/tickets/${mine.number}/files/${noteFile}`).set(h).expect(404);
    await t.http().get(`/api/portal/tickets/${theirs.number}/files/${publicFile}`).set(h).expect(404);
    for (const n of [theirs.number, elsewhere.number, 999_999]) {
      const r = await t.http().get(`/api/portal/tickets/${n}`).set(h).expect(404);
      expect(r.body.error).toBe('NOT_FOUND');
      await t.http().post(`/api/portal/tickets/${n}/comments`).set(h).send({ body: 'hi' }).expect(404);
    }
    await t.http().get('/api/portal/tickets').expect(401);
    await t.http().get('/api/portal/tickets/abc').set(h).expect(400);
  });

  it('a reply is the contact’s comment via portal: automation, truncation at 64K, attachment limits; New request opens a ticket', async () => {
    const a = await portalWithContact(t);
    const ticket = await ticketFor(t, a.contact.id);
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(auth(t.technicianToken))
      .send({ status: 'resolved' })
      .expect(200);
    const rules = (await t.http().get('/api/automation-rules').set(auth(t.adminToken)).expect(200)).body;
    const reopen = rules.find((r: { systemKey: string }) => r.systemKey === 'reopen-on-contact-reply');
    await t
      .http()
      .patch(`/api/automation-rules/${reopen.id}`)
      .set(auth(t.adminToken))
      .send({ enabled: true })
      .expect(200);
    try {
      const session = await signIn(t, a.subdomain, a.email);
      const h = visitorAuth(session);
      const file = (
        await t.http().post('/api/portal/files').set(h).attach('file', Buffer.from('log line'), 'log.txt').expect(201)
      ).body;
      const tech = await t.socket('/agent', { token: t.technicianToken });
      await ack(tech, 'ticket.view', { number: ticket.number });
      const live = nextEvent<any>(tech, 'ticket.comment');
      const long = 'x'.repeat(70_000);
      const reply = await t
        .http()
        .post(`/api/portal/tickets/${ticket.number}/comments`)
        .set(h)
        .send({ body: long, attachmentIds: [file.id] })
        .expect(201);
      expect(reply.body).toMatchObject({ truncated: true, source: 'portal', author: { kind: 'contact', mine: true } });
      expect(Array.from(reply.body.body as string)).toHaveLength(65_536);
      expect((reply.body.body as string).endsWith('…')).toBe(true);
      expect((await live).comment).toMatchObject({ source: 'portal', author: { kind: 'contact', id: a.contact.id } });
      tech.disconnect();
      const now = (await t.http().get(`/api/tickets/${ticket.number}`).set(auth(t.technicianToken)).expect(200)).body;
      expect(now.status).toBe('open'); // the automation rule reopened it, as for a mailed reply
      const activity = (
        await t.http().get(`/api/tickets/${ticket.number}/activity?limit=200`).set(auth(t.technicianToken)).expect(200)
      ).body.items;
      expect(activity.find((x: { action: string }) => x.action === 'comment').to).toMatchObject({ source: 'portal' });
      // The contact's own file, once: someone else's upload or a used one is refused.
      await t
        .http()
        .post(`/api/portal/tickets/${ticket.number}/comments`)
        .set(h)
        .send({ body: 'again', attachmentIds: [file.id] })
        .expect(400);
      await t
        .http()
        .post('/api/portal/files')
        .set(h)
        .attach('file', Buffer.alloc(20 * 1024 * 1024 + 1), 'big.bin')
        .expect(413);
      await t.http().post(`/api/portal/tickets/${ticket.number}/comments`).set(h).send({ body: '' }).expect(400);
      await t
        .http()
        .post(`/api/portal/tickets/${ticket.number}/comments`)
        .set(h)
        .send({ body: 'x', extra: 1 })
        .expect(400);

      // Closed: no reply (the email rule for closed tickets is "new ticket" by default).
      await t
        .http()
        .patch(`/api/tickets/${ticket.number}`)
        .set(auth(t.technicianToken))
        .send({ status: 'closed' })
        .expect(200);
      expect((await t.http().get(`/api/portal/tickets/${ticket.number}`).set(h).expect(200)).body.canReply).toBe(false);
      await t.http().post(`/api/portal/tickets/${ticket.number}/comments`).set(h).send({ body: 'hello?' }).expect(409);

      const created = await t
        .http()
        .post('/api/portal/tickets')
        .set(h)
        .send({ title: 'New laptop', description: 'Please send one' })
        .expect(201);
      const opened = (
        await t.http().get(`/api/tickets/${created.body.number}`).set(auth(t.technicianToken)).expect(200)
      ).body;
      expect(opened).toMatchObject({ source: 'portal', requester: { id: a.contact.id }, companyId: a.company.id });
      await t.http().post('/api/portal/tickets').set(h).send({ title: '' }).expect(400);
    } finally {
      await t.http().patch(`/api/automation-rules/${reopen.id}`).set(auth(t.adminToken)).send({ enabled: false });
    }
  });

  it('tells the contact’s socket live when a technician answers, never for an internal note', async () => {
    const a = await portalWithContact(t);
    const ticket = await ticketFor(t, a.contact.id);
    const session = await signIn(t, a.subdomain, a.email);
    const socket = await t.socket('/portal', { token: session });
    expect((await ack(socket, 'tickets.subscribe', {})).ok).toBe(true);
    const seen: unknown[] = [];
    socket.on('portal.ticket.updated', (p) => seen.push(p));
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'note', visibility: 'internal' })
      .expect(201);
    const live = nextEvent<any>(socket, 'portal.ticket.updated');
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'Answer', visibility: 'public' })
      .expect(201);
    expect(await live).toEqual({ number: ticket.number, reason: 'comment' });
    expect(seen).toHaveLength(1);
    // A chat visitor's token (another subject) cannot subscribe.
    const bad = await ack(socket, 'tickets.subscribe', { extra: true });
    expect(bad.ok).toBe(false);
    // Sign out drops the socket.
    const gone = new Promise((r) => socket.on('disconnect', r));
    await t.http().post('/api/portal/sign-out').set(visitorAuth(session)).expect(204);
    await gone;
  });
});

describe('portal: every ticket mail links to the ticket in the portal (#18)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp({ env: { SWITCHBOARD_PUBLIC_URL: 'https://help.example' } });
  });
  afterAll(() => t.close());

  it('replies and status mails carry <public URL>/p/<subdomain>/tickets/<n>; a company without a portal gets none', async () => {
    const a = await portalWithContact(t);
    const ticket = await ticketFor(t, a.contact.id);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'On it', visibility: 'public' })
      .expect(201);
    const items = (await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken)).expect(200)).body.items as {
      to: string[];
      text: string;
      html: string;
    }[];
    const mail = items.find((m) => m.to.includes(a.email))!;
    const link = `https://help.example/p/${a.subdomain}/tickets/${ticket.number}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    // The sign-in link uses the public URL too.
    await t.http().post(`/api/public/portals/${a.subdomain}/sign-in`).send({ email: a.email }).expect(202);
    expect((await mailedToken(t, a.email))!).toBeTruthy();
    const signIn = (await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken))).body.items[0];
    expect(signIn.text).toContain(`https://help.example/p/${a.subdomain}/sign-in?token=`);

    const company = (
      await t
        .http()
        .post('/api/companies')
        .set(auth(t.adminToken))
        .send({ name: uniqueName('Np ') })
    ).body;
    const lone = await t
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'L', lastName: 'One', email: `${uniqueName('l')}@x.example` });
    const other = await ticketFor(t, lone.id);
    await t
      .http()
      .post(`/api/tickets/${other.number}/comments`)
      .set(auth(t.technicianToken))
      .send({ body: 'Hello', visibility: 'public' })
      .expect(201);
    const plain = (await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken))).body.items.find(
      (m: { to: string[] }) => m.to.includes(lone.email!),
    );
    expect(plain.text).not.toContain('/p/');
  });
});
