import { ContactService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, uniqueName, visitorAuth } from './portal-helpers.js';

type Mail = { to: string[]; subject: string; text: string; html: string };

/** Mails to this address, newest first. */
async function mailsTo(t: TestApp, email: string): Promise<Mail[]> {
  const res = await t.http().get('/api/outbox?limit=200').set(auth(t.adminToken)).expect(200);
  return (res.body.items as Mail[]).filter((m) => m.to.includes(email));
}

const tokenIn = (text: string) => /\/csat\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;

async function portalWithContact(t: TestApp, language?: 'fr') {
  const { company, subdomain } = await createCompanyWithPortal(t);
  const email = `${uniqueName('jane')}@customer.example`;
  const contact = await t
    .get(ContactService)
    .create({ companyId: company.id, firstName: 'Jane', lastName: 'Doe', email, ...(language ? { language } : {}) });
  return { company, subdomain, email, contact };
}

async function ticketFor(t: TestApp, requesterId: string, assigneeId: string, title = 'Printer on fire') {
  const res = await t
    .http()
    .post('/api/tickets')
    .set(auth(t.technicianToken))
    .send({ title, description: 'It smokes.', requesterId, assigneeId })
    .expect(201);
  return res.body as { number: number };
}

async function setStatus(t: TestApp, number: number, status: string) {
  await t.http().patch(`/api/tickets/${number}`).set(auth(t.adminToken)).send({ status }).expect(200);
}

/** Resolves the ticket and returns the survey token of the status mail. */
async function resolve(t: TestApp, number: number, email: string): Promise<string> {
  await setStatus(t, number, 'resolved');
  const mail = (await mailsTo(t, email)).find((m) => tokenIn(m.text));
  expect(mail).toBeDefined();
  return tokenIn(mail!.text)!;
}

const answer = (t: TestApp, token: string, body: object) => t.http().post(`/api/public/csat/${token}`).send(body);

describe('portal: satisfaction survey (#18.4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp({ env: { SWITCHBOARD_PUBLIC_URL: 'https://help.example' } });
  });
  afterAll(() => t.close());

  it('asks in the resolution mail, takes one answer per resolution, and a new resolution supersedes the old link', async () => {
    const a = await portalWithContact(t);
    const ticket = await ticketFor(t, a.contact.id, t.technician.id);
    const token = await resolve(t, ticket.number, a.email);
    const mail = (await mailsTo(t, a.email)).find((m) => tokenIn(m.text))!;
    const link = `https://help.example/p/${a.subdomain}/csat?token=${token}`;
    expect(mail.text).toContain('How did we do?');
    expect(mail.text).toContain(`${link}&score=4`);
    expect(mail.html).toContain(`href="${link}&amp;score=5"`);

    // The page's data: contact-safe (no assignee, company or ids), no sign-in needed.
    const page = await t.http().get(`/api/public/csat/${token}`).expect(200);
    expect(page.body).toEqual({
      question: 'How did we do?',
      ticket: { number: ticket.number, title: 'Printer on fire' },
      state: 'pending',
      score: null,
      comment: null,
    });
    const fr = await t.http().get(`/api/public/csat/${token}`).set('Accept-Language', 'fr-FR').expect(200);
    expect(fr.body.question).toBe('Comment avons-nous fait ?');

    // Validation names the field; unknown tokens are 404.
    for (const bad of [{}, { score: 0 }, { score: 6 }, { score: 4.5 }, { score: '4' }]) {
      const res = await answer(t, token, bad).expect(400);
      expect(JSON.stringify(res.body)).toContain('score');
    }
    const long = await answer(t, token, { score: 4, comment: 'x'.repeat(2001) }).expect(400);
    expect(JSON.stringify(long.body)).toContain('comment');
    await answer(t, 'x'.repeat(43), { score: 4 }).expect(404);
    await answer(t, 'short', { score: 4 }).expect(404);
    await t
      .http()
      .get(`/api/public/csat/${'y'.repeat(43)}`)
      .expect(404);

    // One answer; the second is a 409.
    const ok = await answer(t, token, { score: 4, comment: 'Quick and kind' }).expect(201);
    expect(ok.body).toEqual({ state: 'answered', score: 4 });
    const again = await answer(t, token, { score: 1 }).expect(409);
    expect(again.body.error).toBe('CONFLICT');
    expect((await t.http().get(`/api/public/csat/${token}`).expect(200)).body).toMatchObject({
      state: 'answered',
      score: 4,
      comment: 'Quick and kind',
    });

    // The technician sees it in the activity and the header.
    const view = (await t.http().get(`/api/tickets/${ticket.number}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(view.csatScore).toBe(4);
    const activity = (
      await t.http().get(`/api/tickets/${ticket.number}/activity?limit=200`).set(auth(t.technicianToken)).expect(200)
    ).body.items as { action: string; actor: { kind: string; id: string }; to: unknown }[];
    const line = activity.find((x) => x.action === 'csat')!;
    expect(line).toMatchObject({
      actor: { kind: 'contact', id: a.contact.id },
      to: { score: 4, comment: 'Quick and kind', resolution: 1 },
    });

    // Resolved → closed is the same resolution: no new survey.
    const surveysMailed = async () => (await mailsTo(t, a.email)).filter((m) => tokenIn(m.text)).length;
    const before = await surveysMailed();
    await setStatus(t, ticket.number, 'closed');
    expect(await surveysMailed()).toBe(before);

    // Reopen + resolve: a new survey; the old (answered) one stays 409, a pending one superseded is 410.
    await setStatus(t, ticket.number, 'open');
    const second = await resolve(t, ticket.number, a.email);
    expect(second).not.toBe(token);
    await answer(t, token, { score: 2 }).expect(409);
    await setStatus(t, ticket.number, 'open');
    const third = await resolve(t, ticket.number, a.email);
    expect(third).not.toBe(second);
    const gone = await answer(t, second, { score: 2 }).expect(410);
    expect(gone.body.error).toBe('CSAT_SURVEY_SUPERSEDED');
    expect((await t.http().get(`/api/public/csat/${second}`).expect(200)).body.state).toBe('superseded');
    await answer(t, third, { score: 5 }).expect(201);
    const latest = (await t.http().get(`/api/tickets/${ticket.number}`).set(auth(t.technicianToken))).body;
    expect(latest.csatScore).toBe(5);
  });

  it('asks in French for a French contact, and a custom question is used as written', async () => {
    const a = await portalWithContact(t, 'fr');
    const first = await ticketFor(t, a.contact.id, t.technician.id);
    await resolve(t, first.number, a.email);
    expect((await mailsTo(t, a.email)).find((m) => tokenIn(m.text))!.text).toContain('Comment avons-nous fait ?');
    try {
      await t
        .http()
        .put('/api/settings/csat.question')
        .set(auth(t.adminToken))
        .send({ value: 'Rate our help' })
        .expect(200);
      const second = await ticketFor(t, a.contact.id, t.technician.id);
      const token = await resolve(t, second.number, a.email);
      expect((await mailsTo(t, a.email)).find((m) => m.text.includes(token))!.text).toContain('Rate our help');
      const page = await t.http().get(`/api/public/csat/${token}`).set('Accept-Language', 'fr').expect(200);
      expect(page.body.question).toBe('Rate our help');
    } finally {
      await t.http().delete('/api/settings/csat.question').set(auth(t.adminToken));
    }
  });

  it('with csat.enabled off: no survey, no question in the mail', async () => {
    const a = await portalWithContact(t);
    await t
      .http()
      .put(`/api/settings/csat.enabled`)
      .set(auth(t.adminToken))
      .send({ value: false, companyId: a.company.id })
      .expect(200);
    const ticket = await ticketFor(t, a.contact.id, t.technician.id);
    await setStatus(t, ticket.number, 'resolved');
    const mails = await mailsTo(t, a.email);
    expect(mails.some((m) => m.text.includes('/csat?token=') || m.text.includes('How did we do?'))).toBe(false);
    const session = await signIn(t, a.subdomain, a.email);
    const page = (await t.http().get(`/api/portal/tickets/${ticket.number}`).set(visitorAuth(session)).expect(200))
      .body;
    expect(page.csat).toBeNull();
  });

  it('shows the pending question on the portal ticket page and takes the answer there', async () => {
    const a = await portalWithContact(t);
    const ticket = await ticketFor(t, a.contact.id, t.technician.id);
    const session = await signIn(t, a.subdomain, a.email);
    const h = visitorAuth(session);
    expect((await t.http().get(`/api/portal/tickets/${ticket.number}`).set(h).expect(200)).body.csat).toBeNull();
    await setStatus(t, ticket.number, 'resolved');
    const page = (await t.http().get(`/api/portal/tickets/${ticket.number}`).set(h).expect(200)).body;
    expect(page.csat).toEqual({ question: 'How did we do?', state: 'pending', score: null, comment: null });
    await t.http().post(`/api/portal/tickets/${ticket.number}/csat`).set(h).send({ score: 9 }).expect(400);
    await t.http().post(`/api/portal/tickets/${ticket.number}/csat`).set(h).send({ score: 3 }).expect(201);
    await t.http().post(`/api/portal/tickets/${ticket.number}/csat`).set(h).send({ score: 3 }).expect(409);
    const after = (await t.http().get(`/api/portal/tickets/${ticket.number}`).set(h).expect(200)).body;
    expect(after.csat).toMatchObject({ state: 'answered', score: 3 });
    // Another contact's ticket: 404.
    const b = await portalWithContact(t);
    const theirs = await ticketFor(t, b.contact.id, t.technician.id);
    await setStatus(t, theirs.number, 'resolved');
    await t.http().post(`/api/portal/tickets/${theirs.number}/csat`).set(h).send({ score: 3 }).expect(404);
  });

  it('rate-limits the public survey routes per client', async () => {
    t.clock.advance(15 * 60_000 + 1);
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await t.http().get(`/api/public/csat/${'z'.repeat(43)}`)).status);
    expect(codes.slice(0, 60).every((c) => c === 404)).toBe(true);
    expect(codes[60]).toBe(429);
    const limited = await answer(t, 'z'.repeat(43), { score: 4 }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(15 * 60_000 + 1);
    await t
      .http()
      .get(`/api/public/csat/${'z'.repeat(43)}`)
      .expect(404);
  });
});

describe('satisfaction report (#18.4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp({ env: { SWITCHBOARD_PUBLIC_URL: 'https://help.example' } });
  });
  afterAll(() => t.close());

  it('reports per technician and per company over the last N days, for admins only', async () => {
    const other = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({
          name: 'Tess Second',
          email: `${uniqueName('tess')}@test.local`,
          password: 'tess-password-1',
          role: 'technician',
        })
        .expect(201)
    ).body as { id: string };
    const a = await portalWithContact(t);
    const b = await portalWithContact(t);
    const rate = async (contact: { id: string }, email: string, assignee: string, score: number) => {
      const ticket = await ticketFor(t, contact.id, assignee);
      await answer(t, await resolve(t, ticket.number, email), { score }).expect(201);
    };
    await rate(a.contact, a.email, t.technician.id, 5);
    await rate(a.contact, a.email, t.technician.id, 4);
    await rate(b.contact, b.email, t.technician.id, 2);
    await rate(b.contact, b.email, other.id, 3);

    await t.http().get('/api/reports/csat').set(auth(t.technicianToken)).expect(403);
    await t.http().get('/api/reports/csat?days=0').set(auth(t.adminToken)).expect(400);
    const report = (await t.http().get('/api/reports/csat?days=30').set(auth(t.adminToken)).expect(200)).body;
    expect(report.total).toEqual({ responses: 4, average: 3.5, satisfiedPercent: 50 });
    expect(report.technicians).toEqual([
      { id: t.technician.id, name: t.technician.name, responses: 3, average: 3.7, satisfiedPercent: 67 },
      { id: other.id, name: 'Tess Second', responses: 1, average: 3, satisfiedPercent: 0 },
    ]);
    const byCompany = Object.fromEntries(
      (report.companies as { id: string }[]).map((c) => [c.id, c as Record<string, unknown>]),
    );
    expect(byCompany[a.company.id]).toMatchObject({
      name: a.company.name,
      responses: 2,
      average: 4.5,
      satisfiedPercent: 100,
    });
    expect(byCompany[b.company.id]).toMatchObject({ responses: 2, average: 2.5, satisfiedPercent: 0 });
    // Thirty-one days later the window is empty.
    t.clock.advance(31 * 86_400_000);
    const later = (
      await t
        .http()
        .get('/api/reports/csat')
        .set(auth(t.tokenFor(t.admin.id)))
        .expect(200)
    ).body;
    expect(later).toMatchObject({ days: 30, total: { responses: 0 }, technicians: [], companies: [] });
  });
});

async function signIn(t: TestApp, subdomain: string, email: string): Promise<string> {
  await t.http().post(`/api/public/portals/${subdomain}/sign-in`).send({ email }).expect(202);
  const mail = (await mailsTo(t, email)).find((m) => /sign-in\?token=/.test(m.text))!;
  const token = /sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const res = await t.http().post(`/api/public/portals/${subdomain}/session`).send({ token }).expect(200);
  return res.body.accessToken as string;
}
