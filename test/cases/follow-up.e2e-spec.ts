import type { TestApp } from '@switchboard/testing';
import { auth, createCompanyWithPortal, createPortalApp, setAvailable } from '../portal/portal-helpers.js';

describe('email follow-up of a support request', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('opens a ticket with the customer as requester, mails the reply with threading headers, and reuses the ticket', async () => {
    await setAvailable(t, t.technicianToken, false); // nobody available: the portal offers the support-request form
    const { subdomain } = await createCompanyWithPortal(t);
    const req = (
      await t
        .http()
        .post(`/api/public/portals/${subdomain}/requests`)
        .send({
          firstName: 'Sam',
          lastName: 'Request',
          email: 'sam.request@example.com',
          question: 'Our VPN drops every hour since Monday',
        })
        .expect(201)
    ).body;
    expect(req.type).toBe('support_request');

    const first = await t
      .http()
      .post(`/api/cases/${req.caseId}/follow-up`)
      .set(auth(t.technicianToken))
      .send({ body: 'Which VPN client version do you use?' })
      .expect(200);
    const number = first.body.ticketNumber as number;
    const ticket = (await t.http().get(`/api/tickets/${number}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(ticket).toMatchObject({
      source: 'portal',
      title: 'Support request: Our VPN drops every hour since Monday',
      assignee: { id: t.technician.id },
    });
    expect(ticket.requester).toMatchObject({ firstName: 'Sam', lastName: 'Request' });
    const caseView = (await t.http().get(`/api/cases/${req.caseId}`).set(auth(t.technicianToken)).expect(200)).body;
    expect(caseView.ticketNumber).toBe(number);

    const outbox = (await t.http().get('/api/outbox').set(auth(t.adminToken)).expect(200)).body.items as {
      to: string[];
      subject: string;
      text: string;
      headers: Record<string, string>;
    }[];
    const mail = outbox.find((m) => m.to.includes('sam.request@example.com'));
    expect(mail).toBeDefined();
    expect(mail!.subject).toContain(`[#${number}]`);
    expect(mail!.text).toContain('Which VPN client version do you use?');
    expect(mail!.headers['Message-ID']).toMatch(/^<.+@.+>$/);

    // A second follow-up goes to the same ticket.
    const second = await t
      .http()
      .post(`/api/cases/${req.caseId}/follow-up`)
      .set(auth(t.technicianToken))
      .send({ body: 'Any news?' })
      .expect(200);
    expect(second.body.ticketNumber).toBe(number);
    const comments = (await t.http().get(`/api/tickets/${number}/comments`).set(auth(t.technicianToken)).expect(200))
      .body.items as { body: string; visibility: string }[];
    expect(comments.filter((c) => c.visibility === 'public').map((c) => c.body)).toEqual(
      expect.arrayContaining(['Which VPN client version do you use?', 'Any news?']),
    );

    // Validation and denial paths.
    await t.http().post(`/api/cases/${req.caseId}/follow-up`).set(auth(t.technicianToken)).send({}).expect(400);
    await t.http().post(`/api/cases/${req.caseId}/follow-up`).send({ body: 'x' }).expect(401);
  });
});
