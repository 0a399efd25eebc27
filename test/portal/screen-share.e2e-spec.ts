import { PORTAL_CUSTOMER_ENDED_LINE, SCREEN_SHARE_LINES } from '@switchboard/contracts';
import { nextEvent, type TestApp } from '@switchboard/testing';
import { setMode } from '../masking/masking.helper.js';
import { ack, auth, createCompanyWithPortal, createPortalApp, setAvailable, startChat } from './portal-helpers.js';

describe('screen sharing signalling (issue #19)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(() => t.close());

  it('request, accept, relays signals only between the two sockets, refuses third parties, ends', async () => {
    const { subdomain, portal } = await createCompanyWithPortal(t);
    await setAvailable(t, t.technicianToken, true);
    const chat = await startChat(t, subdomain);
    const other = await startChat(t, subdomain, { firstName: 'Eve', lastName: 'X', email: 'eve@example.com' });
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    const tech = await t.socket('/agent', { token: t.technicianToken });
    const admin = await t.socket('/agent', { token: t.adminToken });
    const visitor = await t.socket('/portal', { token: chat.token });
    const intruder = await t.socket('/portal', { token: other.token });
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);

    // Off by default on the portal: refused with the reason.
    const refused = await ack(tech, 'screen.request', { conversationId: chat.conversationId });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403 } });
    await t.http().patch(`/api/portals/${portal.id}`).set(auth(t.adminToken)).send({ screenSharing: true }).expect(200);

    expect((await ack(tech, 'screen.request', { conversationId: 'nope' })).error.statusCode).toBe(400);
    // Not the chat's technician (admin, not assigned): 403.
    expect((await ack(admin, 'screen.request', { conversationId: chat.conversationId })).error.statusCode).toBe(403);

    const requested = nextEvent<any>(visitor, 'screen.requested');
    const req = await ack(tech, 'screen.request', { conversationId: chat.conversationId });
    expect(req.ok).toBe(true);
    const { sessionId } = req.data;
    expect(await requested).toMatchObject({ sessionId, technician: { name: 'Test Technician' }, iceServers: [] });

    // Another visitor cannot see or accept it.
    expect((await ack(intruder, 'screen.accept', { sessionId })).error.statusCode).toBe(404);
    // No signalling before the visitor accepts.
    expect((await ack(visitor, 'screen.signal', { sessionId, type: 'offer', sdp: 'v=0' })).error.statusCode).toBe(409);

    const accepted = nextEvent<any>(tech, 'screen.accepted');
    expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
    await accepted;

    const offer = nextEvent<any>(tech, 'screen.signal');
    expect((await ack(visitor, 'screen.signal', { sessionId, type: 'offer', sdp: 'v=0 offer' })).ok).toBe(true);
    expect((await offer).signal).toEqual({ type: 'offer', sdp: 'v=0 offer' });
    const answer = nextEvent<any>(visitor, 'screen.signal');
    expect((await ack(tech, 'screen.signal', { sessionId, type: 'answer', sdp: 'v=0 answer' })).ok).toBe(true);
    expect((await answer).signal).toEqual({ type: 'answer', sdp: 'v=0 answer' });

    // Validation and third parties.
    expect((await ack(tech, 'screen.signal', { sessionId, type: 'bogus' })).error.statusCode).toBe(400);
    expect((await ack(admin, 'screen.signal', { sessionId, type: 'answer', sdp: 'x' })).error.statusCode).toBe(403);
    expect((await ack(intruder, 'screen.signal', { sessionId, type: 'offer', sdp: 'x' })).error.statusCode).toBe(404);

    const ended = nextEvent<any>(visitor, 'screen.ended');
    expect((await ack(tech, 'screen.end', { sessionId })).ok).toBe(true);
    expect((await ended).reason).toBe('ended_by_technician');
    const log = (await ack(visitor, 'chat.join', {})).data.messages.map((m: any) => m.body);
    expect(log).toEqual(
      expect.arrayContaining([
        // The visitor's language (the portal's, French in these tests: #16).
        'Test Technician a demandé à voir votre écran.',
        SCREEN_SHARE_LINES.started.fr,
        "Partage d'écran arrêté par Test Technician.",
      ]),
    );
    for (const s of [tech, admin, visitor, intruder]) s.close();
  });

  /** A chat whose technician asked and whose visitor accepted: the two sockets and the session. */
  async function sharing() {
    const { subdomain, portal } = await createCompanyWithPortal(t);
    await t.http().patch(`/api/portals/${portal.id}`).set(auth(t.adminToken)).send({ screenSharing: true }).expect(200);
    await setAvailable(t, t.technicianToken, true);
    const chat = await startChat(t, subdomain);
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(t.technicianToken)).expect(200);
    const tech = await t.socket('/agent', { token: t.technicianToken });
    const visitor = await t.socket('/portal', { token: chat.token });
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    const req = await ack(tech, 'screen.request', { conversationId: chat.conversationId });
    return { chat, tech, visitor, sessionId: req.data.sessionId as string };
  }

  it('relays SDP and ICE to the technician unmasked, even with digit runs that look like card numbers', async () => {
    const { tech, visitor, sessionId } = await sharing();
    await setMode(t, 'display');
    try {
      expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
      // The origin line's session id and a fingerprint-like run are Luhn-valid 16-digit numbers.
      const sdp =
        'v=0\r\no=- 4111111111111111 2 IN IP4 127.0.0.1\r\na=ssrc:4111 1111 1111 1111 cname:bob@example.com\r\n';
      const offer = nextEvent<any>(tech, 'screen.signal');
      expect((await ack(visitor, 'screen.signal', { sessionId, type: 'offer', sdp })).ok).toBe(true);
      expect((await offer).signal).toEqual({ type: 'offer', sdp });
      const candidate = 'candidate:4111111111111111 1 udp 2122260223 192.168.1.10 54321 typ host';
      const ice = nextEvent<any>(tech, 'screen.signal');
      expect(
        (
          await ack(visitor, 'screen.signal', {
            sessionId,
            type: 'candidate',
            candidate,
            sdpMid: '0',
            sdpMLineIndex: 0,
          })
        ).ok,
      ).toBe(true);
      expect((await ice).signal).toEqual({ type: 'candidate', candidate, sdpMid: '0', sdpMLineIndex: 0 });
    } finally {
      await setMode(t, 'off');
      tech.close();
      visitor.close();
    }
  });

  it('gives a page that connects later the request still waiting, only to its own chat', async () => {
    const { chat, tech, visitor, sessionId } = await sharing();
    const later = await t.socket('/portal', { token: chat.token });
    const pending = await ack(later, 'screen.pending', {});
    expect(pending.data.request).toMatchObject({
      conversationId: chat.conversationId,
      sessionId,
      technician: { name: 'Test Technician' },
      iceServers: [],
    });
    const { subdomain } = await createCompanyWithPortal(t);
    const other = await startChat(t, subdomain, { firstName: 'Eve', lastName: 'X', email: 'eve2@example.com' });
    const intruder = await t.socket('/portal', { token: other.token });
    expect((await ack(intruder, 'screen.pending', {})).data.request).toBeNull();
    // Once answered, nothing is pending any more.
    expect((await ack(later, 'screen.accept', { sessionId })).ok).toBe(true);
    expect((await ack(visitor, 'screen.pending', {})).data.request).toBeNull();
    for (const s of [tech, visitor, later, intruder]) s.close();
  });

  it('refuses a technician without access to the company: request, signal, end, and the portal setting itself', async () => {
    const { chat, tech, visitor, sessionId } = await sharing();
    const other = (
      await t.http().post('/api/companies').set(auth(t.adminToken)).send({ name: 'Elsewhere SS' }).expect(201)
    ).body;
    const restricted = (
      await t
        .http()
        .post('/api/accounts')
        .set(auth(t.adminToken))
        .send({
          name: 'Restricted Tech',
          email: `restricted-ss-${Date.now()}@test.local`,
          password: 'restricted-pass-1',
          role: 'technician',
          allCompanies: false,
          companyIds: [other.id],
        })
        .expect(201)
    ).body;
    const outsider = await t.socket('/agent', { token: t.tokenFor(restricted.id) });
    expect((await ack(outsider, 'screen.request', { conversationId: chat.conversationId })).error.statusCode).toBe(404);
    expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
    expect((await ack(outsider, 'screen.signal', { sessionId, type: 'answer', sdp: 'v=0' })).error.statusCode).toBe(
      404,
    );
    expect((await ack(outsider, 'screen.end', { sessionId })).error.statusCode).toBe(404);
    // The case pane reads the portal's setting: not for technicians outside its company.
    const portalId = (await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.technicianToken)).expect(200)).body
      .portal.id;
    await t
      .http()
      .get(`/api/portals/${portalId}`)
      .set(auth(t.tokenFor(restricted.id)))
      .expect(404);
    await t.http().get(`/api/portals/${portalId}`).set(auth(t.technicianToken)).expect(200);
    for (const s of [tech, visitor, outsider]) s.close();
  });

  it('declines for an unsupported browser with the reason in the log; refuses a bad reason', async () => {
    const { tech, visitor, sessionId } = await sharing();
    expect((await ack(visitor, 'screen.decline', { sessionId, reason: 'bogus' })).error.statusCode).toBe(400);
    const ended = nextEvent<any>(tech, 'screen.ended');
    expect((await ack(visitor, 'screen.decline', { sessionId, reason: 'unsupported' })).ok).toBe(true);
    expect((await ended).reason).toBe('declined');
    const log = (await ack(visitor, 'chat.join', {})).data.messages.map((m: any) => m.body);
    expect(log).toContain(SCREEN_SHARE_LINES.declined_unsupported.fr);
    tech.close();
    visitor.close();
  });

  it('ends the screen session when the chat ends, its line before the end line', async () => {
    const { tech, visitor, sessionId } = await sharing();
    expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
    const ended = nextEvent<any>(tech, 'screen.ended');
    expect((await ack(visitor, 'chat.end', {})).ok).toBe(true);
    expect(await ended).toMatchObject({ sessionId, reason: 'chat_ended' });
    const log: string[] = (await ack(visitor, 'chat.join', {})).data.messages.map((m: any) => m.body);
    const line = log.indexOf(SCREEN_SHARE_LINES.chat_ended.fr);
    expect(line).toBeGreaterThan(-1);
    expect(log.indexOf(PORTAL_CUSTOMER_ENDED_LINE.fr)).toBeGreaterThan(line);
    // Over for good: no more signalling on it.
    expect((await ack(visitor, 'screen.signal', { sessionId, type: 'offer', sdp: 'v=0' })).error.statusCode).toBe(409);
    tech.close();
    visitor.close();
  });

  it('records when the admin setting is on: the session technician attaches, admins delete, the case takes it along', async () => {
    await t.http().put('/api/settings/screen.recording').set(auth(t.adminToken)).send({ value: true }).expect(200);
    let opened: Awaited<ReturnType<typeof sharing>>;
    try {
      opened = await sharing();
    } finally {
      await t.http().put('/api/settings/screen.recording').set(auth(t.adminToken)).send({ value: false }).expect(200);
    }
    const { chat, tech, visitor, sessionId } = opened;
    // The visitor is told before choosing (the request said so).
    const pending = (await ack(visitor, 'screen.pending', {})).data.request;
    expect(pending).toMatchObject({ sessionId, recording: true });
    expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
    const upload = async (token: string, contentType = 'video/webm') =>
      (
        await t
          .http()
          .post('/api/files')
          .set(auth(token))
          .attach('file', Buffer.from('\x1aE\xdf\xa3 fake webm'), { filename: 'screen.webm', contentType })
          .expect(201)
      ).body.id as string;
    const attach = (token: string, fileId: unknown, id = sessionId) =>
      t.http().post(`/api/screen-sessions/${id}/recording`).set(auth(token)).send({ fileId });

    const video = await upload(t.technicianToken);
    expect((await attach(t.technicianToken, 'nope')).status).toBe(400);
    expect((await attach(t.adminToken, await upload(t.adminToken))).status).toBe(403); // not the session's technician
    const text = await upload(t.technicianToken, 'text/plain');
    const refused = await attach(t.technicianToken, text);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('fileId');
    const adminsUpload = await upload(t.adminToken);
    expect((await attach(t.technicianToken, adminsUpload)).status).toBe(400); // someone else's upload
    const attached = await attach(t.technicianToken, video);
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ id: video, contentType: 'video/webm' });

    const list = await t.http().get(`/api/cases/${chat.caseId}/recordings`).set(auth(t.technicianToken)).expect(200);
    expect(list.body.map((r: any) => r.id)).toEqual([video]);
    await t.http().get(`/api/files/${video}/content`).set(auth(t.technicianToken)).expect(200);
    // Technicians do not delete recordings; admins do, on their own.
    await t.http().delete(`/api/cases/${chat.caseId}/recordings/${video}`).set(auth(t.technicianToken)).expect(403);
    await t.http().delete(`/api/cases/${chat.caseId}/recordings/${video}`).set(auth(t.adminToken)).expect(204);
    await t.http().delete(`/api/cases/${chat.caseId}/recordings/${video}`).set(auth(t.adminToken)).expect(404);
    expect(
      (await t.http().get(`/api/cases/${chat.caseId}/recordings`).set(auth(t.adminToken)).expect(200)).body,
    ).toEqual([]);

    // Another recording, then the case is deleted: the recording goes with it.
    const second = await upload(t.technicianToken);
    expect((await attach(t.technicianToken, second)).status).toBe(201);
    expect((await ack(visitor, 'chat.end', {})).ok).toBe(true);
    await t.http().delete(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(204);
    await t.http().get(`/api/files/${second}`).set(auth(t.adminToken)).expect(404);
    tech.close();
    visitor.close();
  });

  it('refuses a recording for a session that is not recorded', async () => {
    const { tech, visitor, sessionId } = await sharing();
    const fileId = (
      await t
        .http()
        .post('/api/files')
        .set(auth(t.technicianToken))
        .attach('file', Buffer.from('webm'), { filename: 'screen.webm', contentType: 'video/webm' })
        .expect(201)
    ).body.id;
    const res = await t
      .http()
      .post(`/api/screen-sessions/${sessionId}/recording`)
      .set(auth(t.technicianToken))
      .send({ fileId });
    expect(res.status).toBe(409);
    tech.close();
    visitor.close();
  });
});
