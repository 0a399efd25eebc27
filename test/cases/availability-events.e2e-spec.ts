import { FakeClock } from '@switchboard/core';
import { createTestApp, nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  auth,
  collect,
  createCompanyWithPortal,
  createPortalApp,
  LIVECHAT_PLUGIN,
  setAvailable,
  startChat,
} from '../portal/portal-helpers.js';

// Issue #15.7: unavailable technicians do not see incoming requests live. Two API instances on one
// database sharing Redis: availability is set on one instance, the case arrives through the other.
describe('case.created only reaches available technicians', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    const clock = new FakeClock();
    a = await createPortalApp({ clock, redis: true, instanceId: 'avail-a' });
    b = await createTestApp({
      plugins: [LIVECHAT_PLUGIN],
      clock,
      redis: true,
      database: a.database,
      seed: false,
      instanceId: 'avail-b',
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.close();
    await a?.close();
  });

  it('sends the case to the available technician only, on either instance, and follows availability changes', async () => {
    const { subdomain } = await createCompanyWithPortal(a);
    const techToken = b.tokenFor(a.technician.id);
    const adminToken = b.tokenFor(a.admin.id);
    // Availability set through instance B; the case is created through instance A.
    await setAvailable(b, techToken, true);
    await setAvailable(b, adminToken, false);
    const techOnB = await b.socket('/agent', { token: techToken });
    const adminOnA = await a.socket('/agent', { token: a.adminToken });
    const adminOnB = await b.socket('/agent', { token: adminToken });
    sockets.push(techOnB, adminOnA, adminOnB);
    const toTech = collect(techOnB, 'case.created');
    const toAdmin = [...[adminOnA, adminOnB].map((s) => collect(s, 'case.created'))];
    const adminNotified = collect(adminOnA, 'notification');

    const first = nextEvent<any>(techOnB, 'case.created');
    const chat1 = await startChat(a, subdomain);
    expect((await first).case.id).toBe(chat1.caseId);

    // The admin turns available (on A) and the technician unavailable (on B): the next case goes to the admin.
    await setAvailable(a, a.adminToken, true);
    await setAvailable(b, techToken, false);
    const second = nextEvent<any>(adminOnB, 'case.created');
    const secondOnA = nextEvent<any>(adminOnA, 'case.created');
    const chat2 = await startChat(a, subdomain);
    expect((await second).case.id).toBe(chat2.caseId);
    expect((await secondOnA).case.id).toBe(chat2.caseId);

    // A third case nobody available sees; then a sentinel case for the admin proves delivery has caught up.
    await setAvailable(a, a.adminToken, false);
    const chat3 = await startChat(a, subdomain);
    await setAvailable(a, a.adminToken, true);
    const sentinels = [adminOnA, adminOnB].map((s) => nextEvent<any>(s, 'case.created'));
    const chat4 = await startChat(a, subdomain);
    for (const s of sentinels) expect((await s).case.id).toBe(chat4.caseId);

    expect(toTech.map((e) => e.case.id)).toEqual([chat1.caseId]);
    for (const seen of toAdmin) expect(seen.map((e) => e.case.id)).toEqual([chat2.caseId, chat4.caseId]);
    // No "New live chat" notification either while unavailable.
    expect(
      adminNotified.filter((n) => n.link === `/cases/${chat1.caseId}` || n.link === `/cases/${chat3.caseId}`),
    ).toEqual([]);
    // The cases are still there for whoever looks (REST), unavailable or not.
    const unassigned = (
      await b.http().get('/api/cases?view=unassigned').set(auth(techToken)).expect(200)
    ).body.items.map((c: any) => c.id);
    expect(unassigned).toEqual(expect.arrayContaining([chat1.caseId, chat2.caseId, chat3.caseId, chat4.caseId]));
    await setAvailable(a, a.adminToken, false);
  });
});
