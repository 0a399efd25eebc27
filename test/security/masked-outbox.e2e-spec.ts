import { Logger } from '@nestjs/common';
import { createTestApp, eventually, type TestApp } from '@switchboard/testing';
import { bearer, createTicket, leaks, PII_TEXT, seedPeople, setMode } from '../masking/masking.helper';

type OutboxItem = { id: string; to: string[]; cc: string[]; subject: string; text: string; html: string };

/** #13 (also seen): the outbox showed recipients masked even to admins. Decided by pii.reveal, audited. */
describe('#13 masked outbox: recipients by permission (pii.reveal), content masked, reveal audited', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await createTestApp();
    await setMode(t, 'display');
    const { contact } = await seedPeople(t);
    email = contact.email as string;
    const ticket = await createTicket(t, { title: 'Refund', description: PII_TEXT, requesterId: contact.id });
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.adminToken))
      .send({ body: PII_TEXT, visibility: 'public' })
      .expect(201);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('an admin (pii.reveal) sees the recipients in clear and the mail content masked; the reveal is audited', async () => {
    const audit = jest.spyOn(Logger.prototype, 'log');
    let items: OutboxItem[] = [];
    await eventually(async () => {
      items = (await t.http().get('/api/outbox?limit=200').set(bearer(t.adminToken)).expect(200)).body.items;
      expect(items.some((m) => m.to.includes(email))).toBe(true);
    });
    const mail = items.find((m) => m.to.includes(email))!;
    expect(leaks({ subject: mail.subject, text: mail.text, html: mail.html })).toEqual([]);
    expect(mail.text).toContain('************1111');
    const reveals = audit.mock.calls.filter((c) => c[1] === 'pii.revealed');
    expect(reveals).toContainEqual([
      expect.objectContaining({ accountId: t.admin.id, kind: 'outbox.message', id: mail.id, fields: ['to', 'cc'] }),
      'pii.revealed',
    ]);
    audit.mockRestore();
  });

  it('a technician cannot read the outbox at all', async () => {
    await t.http().get('/api/outbox').set(bearer(t.technicianToken)).expect(403);
  });
});
