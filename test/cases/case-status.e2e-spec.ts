// #15: a case's status can go to Assigned, Resolved and back to Unassigned (POST /api/cases/:id/unassign),
// with its permissions (assignee or admin; never while the live chat runs) and a clear 4xx otherwise.
import type { TestApp } from '@switchboard/testing';
import {
  auth,
  collect,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  uniqueName,
  waitFor,
  watchCases,
} from '../portal/portal-helpers.js';

describe('case status: back to Unassigned', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  const post = (path: string, token: string) => t.http().post(path).set(auth(token));

  async function supportRequest(subdomain: string) {
    return (
      await t
        .http()
        .post(`/api/public/portals/${subdomain}/requests`)
        .send({
          firstName: 'Sam',
          lastName: 'Status',
          email: `${uniqueName('sam')}@example.com`,
          question: 'The shared drive is read-only',
        })
        .expect(201)
    ).body as { caseId: string; type: string };
  }

  it('Assigned → Unassigned → Assigned → Resolved → Unassigned; live to other technicians', async () => {
    await setAvailable(t, t.technicianToken, false);
    const { subdomain } = await createCompanyWithPortal(t);
    const req = await supportRequest(subdomain);
    expect(req.type).toBe('support_request');
    const adminSocket = await t.socket('/agent', { token: t.adminToken });
    const updates = collect<any>(adminSocket, 'case.updated');
    await watchCases(adminSocket);
    try {
      const assigned = await post(`/api/cases/${req.caseId}/assign`, t.technicianToken).expect(200);
      expect(assigned.body).toMatchObject({ status: 'assigned', assignee: { id: t.technician.id } });

      const back = await post(`/api/cases/${req.caseId}/unassign`, t.technicianToken).expect(200);
      expect(back.body).toMatchObject({ status: 'unassigned', assignee: null });
      await waitFor(() => updates.some((u) => u.case.id === req.caseId && u.case.status === 'unassigned'));
      // It is in the Unassigned list again.
      const list = await t.http().get('/api/cases?view=unassigned').set(auth(t.adminToken)).expect(200);
      expect(list.body.items.map((c: any) => c.id)).toContain(req.caseId);

      // Already unassigned: a clear 409.
      const again = await post(`/api/cases/${req.caseId}/unassign`, t.technicianToken).expect(409);
      expect(again.body.message).toBe('This case is already unassigned');

      await post(`/api/cases/${req.caseId}/assign`, t.technicianToken).expect(200);
      await post(`/api/cases/${req.caseId}/resolve`, t.technicianToken).expect(200);
      const fromResolved = await post(`/api/cases/${req.caseId}/unassign`, t.adminToken).expect(200);
      expect(fromResolved.body).toMatchObject({ status: 'unassigned', assignee: null, resolvedAt: null });
    } finally {
      adminSocket.close();
    }
  });

  it("another technician may not unassign someone's case (403), an admin may; bad ids are 400, outsiders 404", async () => {
    const { subdomain, company } = await createCompanyWithPortal(t);
    const req = await supportRequest(subdomain);
    await post(`/api/cases/${req.caseId}/assign`, t.adminToken).expect(200);
    const denied = await post(`/api/cases/${req.caseId}/unassign`, t.technicianToken).expect(403);
    expect(denied.body.message).toBe('Only the assigned technician or an admin can unassign this case');

    const other = await createCompanyWithPortal(t);
    const outsider = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({
          name: 'Olga Outside',
          email: `${uniqueName('olga')}@test.local`,
          password: 'olga-password-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.company.id],
        })
        .expect(201)
    ).body;
    expect(company.id).not.toBe(other.company.id);
    await post(`/api/cases/${req.caseId}/unassign`, t.tokenFor(outsider.id)).expect(404);
    await post('/api/cases/not-a-uuid/unassign', t.adminToken).expect(400);
    await t.http().post(`/api/cases/${req.caseId}/unassign`).expect(401);

    await post(`/api/cases/${req.caseId}/unassign`, t.adminToken).expect(200);
  });

  it('a live chat that runs cannot be unassigned (409); once the chat ended it can', async () => {
    await setAvailable(t, t.technicianToken, true);
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    await post(`/api/cases/${chat.caseId}/assign`, t.technicianToken).expect(200);
    const running = await post(`/api/cases/${chat.caseId}/unassign`, t.technicianToken).expect(409);
    expect(running.body).toMatchObject({ error: 'CASE_CHAT_RUNNING', statusCode: 409 });
    await post(`/api/cases/${chat.caseId}/leave`, t.technicianToken).expect(200);
    const done = await post(`/api/cases/${chat.caseId}/unassign`, t.technicianToken).expect(200);
    expect(done.body).toMatchObject({ status: 'unassigned', chatStatus: 'ended' });
  });
});
