import { AccountService, CompanyService, ContactService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';
import {
  collect,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  waitFor,
} from '../portal/portal-helpers';
import {
  bearer,
  bootEmailApp,
  type EmailApp,
  eventually,
  HELPDESK,
  outbox,
  sendMail,
  settleMail,
  ticketsOf,
} from '../email/email.helper';

const PASSWORD = 'a long passphrase for tests 42';
let seq = 0;

/**
 * #13.6: ticket content (title, internal notes, replies) reaches only accounts that serve the
 * ticket's company. Choosing another account is a 400 naming it; recipients are filtered again
 * at send time so an account restricted after the fact stops receiving.
 */
describe('#13.6 company scope: ticket content reaches only accounts serving the company', () => {
  let e: EmailApp;
  let t: TestApp;
  let acme: { id: string; domain: string; contactId: string };
  let globex: { id: string };
  let acmeTech: { id: string; email: string; token: string };
  let gary: { id: string; email: string; token: string };

  async function account(name: string, companyIds: string[] | 'all') {
    const email = `${name.toLowerCase()}${++seq}@staff.example`;
    const a = await t.get(AccountService).create({
      name,
      email,
      password: PASSWORD,
      role: 'technician',
      allCompanies: companyIds === 'all',
      companyIds: companyIds === 'all' ? [] : companyIds,
    });
    return { id: a.id, email, token: t.tokenFor(a.id) };
  }

  async function acmeTicket(extra: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post('/api/tickets')
      .set(bearer(acmeTech.token))
      .send({ title: 'Acme secret roadmap', description: 'Only Acme.', requesterId: acme.contactId, ...extra })
      .expect(201);
    return res.body as { id: string; number: number };
  }

  async function notificationsOf(who: { token: string }) {
    const res = await t.http().get('/api/notifications?limit=200').set(bearer(who.token)).expect(200);
    return res.body.items as Array<{ title: string; body: string }>;
  }

  async function mailsTo(address: string) {
    return (await outbox(t)).filter((m) => [...m.to, ...m.cc].some((a) => a.toLowerCase().includes(address)));
  }

  beforeAll(async () => {
    e = await bootEmailApp();
    t = e.t;
    const domain = `acme-scope.example`;
    const a = await t.get(CompanyService).create({ name: 'Acme scope' });
    const g = await t.get(CompanyService).create({ name: 'Globex scope' });
    const contact = await t
      .get(ContactService)
      .create({ companyId: a.id, firstName: 'Melissa', lastName: 'Jones', email: `melissa@${domain}` });
    acme = { id: a.id, domain, contactId: contact.id };
    globex = { id: g.id };
    acmeTech = await account('Alice', [acme.id]);
    gary = await account('Gary', [globex.id]);
  });
  afterAll(() => e?.close());

  it('assign: a Globex-only account cannot be made assignee of an Acme ticket (create or update), nothing stored', async () => {
    const before = (await ticketsOf(t, acme.contactId)).length;
    const created = await t
      .http()
      .post('/api/tickets')
      .set(bearer(acmeTech.token))
      .send({ title: 'Acme secret', description: 'x', requesterId: acme.contactId, assigneeId: gary.id })
      .expect(400);
    expect(created.body.details.fieldErrors.assigneeId[0]).toContain(gary.id);
    expect(created.body.details.fieldErrors.assigneeId[0]).toContain("does not serve the ticket's company");
    expect(await ticketsOf(t, acme.contactId)).toHaveLength(before);

    const ticket = await acmeTicket();
    const patched = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(acmeTech.token))
      .send({ assigneeId: gary.id })
      .expect(400);
    expect(patched.body.details.fieldErrors.assigneeId[0]).toContain(gary.id);
    const got = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(acmeTech.token)).expect(200);
    expect(got.body.assignee).toBeNull();
    await settleMail(t);
    expect(await notificationsOf(gary)).toEqual([]);
  });

  it('@notify: mentioning a Globex-only account on an internal note is a 400; no comment, no notification, no mail', async () => {
    const ticket = await acmeTicket();
    const res = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(acmeTech.token))
      .send({ body: 'Internal: the secret price is 42', visibility: 'internal', notify: [gary.id] })
      .expect(400);
    expect(res.body.details.fieldErrors.notify[0]).toContain(gary.id);
    const comments = await t
      .http()
      .get(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(acmeTech.token))
      .expect(200);
    expect(comments.body.items.map((c: { body: string }) => c.body)).not.toContain('Internal: the secret price is 42');
    expect(await notificationsOf(gary)).toEqual([]);
    expect(await mailsTo(gary.email)).toEqual([]);
  });

  it('Cc: a Globex-only account cannot be Cc on an Acme ticket (create, update, reply)', async () => {
    const created = await t
      .http()
      .post('/api/tickets')
      .set(bearer(acmeTech.token))
      .send({
        title: 'Acme secret',
        description: 'x',
        requesterId: acme.contactId,
        cc: [{ kind: 'account', id: gary.id }],
      })
      .expect(400);
    expect(created.body.details.fieldErrors.cc[0]).toContain(gary.id);
    const ticket = await acmeTicket();
    const patched = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(acmeTech.token))
      .send({ cc: [{ kind: 'account', id: gary.id }] })
      .expect(400);
    expect(patched.body.details.fieldErrors.cc[0]).toContain(gary.id);
    const replied = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(acmeTech.token))
      .send({ body: 'Copying Gary', visibility: 'public', cc: [{ kind: 'account', id: gary.id }] })
      .expect(400);
    expect(replied.body.details.fieldErrors.cc[0]).toContain(gary.id);
    const got = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(acmeTech.token)).expect(200);
    expect(got.body.cc).toEqual([]);
    expect(await mailsTo(gary.email)).toEqual([]);
  });

  it('a deactivated account is refused with its reason', async () => {
    const gone = await account('Gone', 'all');
    await t.get(AccountService).update(gone.id, { active: false });
    const ticket = await acmeTicket();
    const res = await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(acmeTech.token))
      .send({ assigneeId: gone.id })
      .expect(400);
    expect(res.body.details.fieldErrors.assigneeId[0]).toContain(gone.id);
  });

  it("an account restricted after being assigned and Cc'd stops receiving the ticket: no Cc mail, no rule notification, no new @notify", async () => {
    const later = await account('Larry', 'all');
    const ticket = await acmeTicket({ assigneeId: later.id, cc: [{ kind: 'account', id: later.id }] });
    // While Larry serves Acme he is notified (the baseline the test relies on).
    await eventually(async () => expect((await notificationsOf(later)).length).toBe(1));
    await t.get(AccountService).update(later.id, { allCompanies: false, companyIds: [globex.id] });

    // A public reply mails the Cc list; an internal note @notifies; an automation notifies the assignee.
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.adminToken))
      .send({ body: 'Public update for Acme', visibility: 'public' })
      .expect(201);
    await settleMail(t);
    const replyMail = (await outbox(t)).find((m) => m.text.includes('Public update for Acme'));
    expect(replyMail).toBeDefined();
    expect([...replyMail!.to, ...replyMail!.cc].join(',')).not.toContain(later.email);

    const rule = await t
      .http()
      .post('/api/automation-rules')
      .set(bearer(t.adminToken))
      .send({
        name: 'Ping Larry',
        trigger: 'status.changed',
        conditions: {},
        actions: [{ type: 'notify', accountIds: [later.id], message: 'Status moved' }],
        enabled: true,
      });
    expect(rule.status).toBe(201);
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(t.adminToken))
      .send({ status: 'pending' })
      .expect(200);
    await settleMail(t);
    await t.http().delete(`/api/automation-rules/${rule.body.id}`).set(bearer(t.adminToken));
    expect(await notificationsOf(later)).toHaveLength(1);
    expect(await mailsTo(later.email)).toEqual([]);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.adminToken))
      .send({ body: 'Larry, look', visibility: 'internal', notify: [later.id] })
      .expect(400);
  });

  it('automation: an "assign" to an account outside the company is skipped, not stored', async () => {
    const rule = await t
      .http()
      .post('/api/automation-rules')
      .set(bearer(t.adminToken))
      .send({
        name: 'Everything to Gary',
        trigger: 'ticket.created',
        conditions: {},
        actions: [{ type: 'assign', accountId: gary.id }],
        enabled: true,
      });
    expect(rule.status).toBe(201);
    try {
      const ticket = await acmeTicket();
      const got = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(acmeTech.token)).expect(200);
      expect(got.body.assignee).toBeNull();
      expect(await notificationsOf(gary)).toEqual([]);
    } finally {
      await t.http().delete(`/api/automation-rules/${rule.body.id}`).set(bearer(t.adminToken));
    }
  });

  it('email Cc: the address of a Globex-only account on an Acme mail is not that account', async () => {
    await sendMail(e.smtpPort, {
      from: `melissa@${acme.domain}`,
      cc: [gary.email, acmeTech.email, HELPDESK],
      subject: 'Acme budget',
      text: 'Our budget is secret.',
    });
    const [ticket] = (await ticketsOf(t, acme.contactId)).filter((x) => x.title === 'Acme budget');
    const cc = ticket.cc.map((c) => [c.kind, c.email]);
    expect(cc).toContainEqual(['account', acmeTech.email]);
    expect(cc).not.toContainEqual(['account', gary.email]);
  });

  it('the technician directory for a company lists only accounts serving it', async () => {
    const res = await t.http().get(`/api/technicians?companyId=${acme.id}`).set(bearer(acmeTech.token)).expect(200);
    const ids = res.body.map((a: { id: string }) => a.id);
    expect(ids).toContain(acmeTech.id);
    expect(ids).not.toContain(gary.id);
  });

  it('no notification and no mail reached the Globex-only account in any of the paths above', async () => {
    await settleMail(t);
    expect(await notificationsOf(gary)).toEqual([]);
    expect(await mailsTo(gary.email)).toEqual([]);
  });
});

describe('#13.6 company scope: cases reach only technicians serving the company', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t?.close());

  it('a Globex-only technician gets no case.created or notification for an Acme case and cannot assign it', async () => {
    const { company: acme, subdomain } = await createCompanyWithPortal(t);
    const { company: globex } = await createCompanyWithPortal(t);
    const accounts = t.get(AccountService);
    const mk = async (name: string, companyId: string) => {
      const a = await accounts.create({
        name,
        email: `${name.toLowerCase()}${++seq}@staff.example`,
        password: PASSWORD,
        role: 'technician',
        allCompanies: false,
        companyIds: [companyId],
      });
      return { id: a.id, token: t.tokenFor(a.id) };
    };
    const alice = await mk('Alice', acme.id);
    const gary = await mk('Gary', globex.id);
    await setAvailable(t, alice.token, true);
    await setAvailable(t, gary.token, true);
    const aliceSocket = await t.socket('/agent', { token: alice.token });
    const garySocket = await t.socket('/agent', { token: gary.token });
    try {
      const toAlice = collect(aliceSocket, 'case.created');
      const toGary = collect(garySocket, 'case.created');
      const chat = await startChat(t, subdomain);
      await waitFor(() => toAlice.length === 1);
      expect(toGary).toEqual([]);
      await t.http().post(`/api/cases/${chat.caseId}/assign`).set(bearer(gary.token)).expect(404);
      const view = await t.http().get(`/api/cases/${chat.caseId}`).set(bearer(alice.token)).expect(200);
      expect(view.body.status).toBe('unassigned');
      const notes = await t.http().get('/api/notifications').set(bearer(gary.token)).expect(200);
      expect(notes.body.items).toEqual([]);
      const aliceNotes = await t.http().get('/api/notifications').set(bearer(alice.token)).expect(200);
      expect(aliceNotes.body.items.length).toBe(1);
    } finally {
      aliceSocket.close();
      garySocket.close();
    }
  });
});
