// #20.3: on S3 storage, a file goes with what owns it, whichever instance deletes the owner: a
// ticket takes its comments' attachments along, a case its screen recordings. Two app instances
// (one database, their own data folders) share one bucket on a real S3-protocol server (s3rver).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, startS3Server, type S3TestServer, type TestApp } from '@switchboard/testing';
import { ack, auth, createCompanyWithPortal, LIVECHAT_PLUGIN, setAvailable, startChat } from '../portal/portal-helpers';
import { createTicket, seedCompany } from '../tickets/tickets.helper';

const SECRETS = {
  SWITCHBOARD_SECRET_KEY: 's3-deletion-test-secret-key-0123456789abcdef',
  SWITCHBOARD_JWT_SECRET: 's3-deletion-test-jwt-secret-0123456789abcdef',
};

describe('S3 storage: deleting a ticket or a case deletes its objects (two instances, one bucket)', () => {
  let s3: S3TestServer;
  let a: TestApp;
  let b: TestApp;
  let bDataDir: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    a = await createTestApp({ env: { ...s3.env, ...SECRETS }, plugins: [LIVECHAT_PLUGIN] });
    bDataDir = mkdtempSync(join(tmpdir(), 'sb-s3-del-b-'));
    b = await createTestApp({
      env: { ...s3.env, ...SECRETS },
      database: { url: a.database.url, dataDir: bDataDir },
      seed: false,
      plugins: [LIVECHAT_PLUGIN],
    });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await s3?.close();
    rmSync(bDataDir, { recursive: true, force: true });
  });

  const upload = async (app: TestApp, token: string, name: string, contentType: string, data: Buffer) =>
    (
      await app
        .http()
        .post('/api/files')
        .set(auth(token))
        .attach('file', data, { filename: name, contentType })
        .expect(201)
    ).body.id as string;

  it('a ticket deleted on instance B removes the attachments uploaded through instance A from the bucket', async () => {
    const { contact } = await seedCompany(a);
    const ticket = await createTicket(a, contact.id);
    const kept = await upload(a, a.technicianToken, 'unrelated.txt', 'text/plain', Buffer.from('not attached'));
    const files = [
      await upload(a, a.technicianToken, 'log.txt', 'text/plain', Buffer.from('printer log')),
      await upload(a, a.technicianToken, 'shot.png', 'image/png', Buffer.from('\x89PNG\r\n\x1a\n fake')),
    ];
    await a
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(auth(a.technicianToken))
      .send({ body: 'Logs attached', visibility: 'internal', attachmentIds: files })
      .expect(201);
    expect((await s3.keys()).sort()).toEqual([...files, kept].sort());

    await b
      .http()
      .delete(`/api/tickets/${ticket.number}`)
      .set(auth(b.tokenFor(a.admin.id)))
      .expect(204);
    // The attachments' objects are gone; the unattached upload of someone else's is untouched.
    expect(await s3.keys()).toEqual([kept]);
    for (const id of files) await a.http().get(`/api/files/${id}`).set(auth(a.adminToken)).expect(404);
    await a.http().delete(`/api/files/${kept}`).set(auth(a.technicianToken)).expect(204);
    expect(await s3.keys()).toEqual([]);
  });

  it('a case deleted on instance B removes its screen recording (uploaded through A) from the bucket', async () => {
    const { subdomain, portal } = await createCompanyWithPortal(a);
    await a.http().patch(`/api/portals/${portal.id}`).set(auth(a.adminToken)).send({ screenSharing: true }).expect(200);
    await a.http().put('/api/settings/screen.recording').set(auth(a.adminToken)).send({ value: true }).expect(200);
    await setAvailable(a, a.technicianToken, true);
    const chat = await startChat(a, subdomain);
    await a.http().post(`/api/cases/${chat.caseId}/assign`).set(auth(a.technicianToken)).expect(200);
    const tech = await a.socket('/agent', { token: a.technicianToken });
    const visitor = await a.socket('/portal', { token: chat.token });
    try {
      expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
      const { sessionId } = (await ack(tech, 'screen.request', { conversationId: chat.conversationId })).data;
      expect((await ack(visitor, 'screen.accept', { sessionId })).ok).toBe(true);
      const video = await upload(a, a.technicianToken, 'screen.webm', 'video/webm', Buffer.alloc(64 * 1024, 0x1a));
      await a
        .http()
        .post(`/api/screen-sessions/${sessionId}/recording`)
        .set(auth(a.technicianToken))
        .send({ fileId: video })
        .expect(201);
      expect(await s3.keys()).toEqual([video]);
      expect((await ack(visitor, 'chat.end', {})).ok).toBe(true);

      await b
        .http()
        .delete(`/api/cases/${chat.caseId}`)
        .set(auth(b.tokenFor(a.admin.id)))
        .expect(204);
      expect(await s3.keys()).toEqual([]);
      await a.http().get(`/api/files/${video}`).set(auth(a.adminToken)).expect(404);
    } finally {
      tech.close();
      visitor.close();
      await a.http().put('/api/settings/screen.recording').set(auth(a.adminToken)).send({ value: false }).expect(200);
    }
  });
});
