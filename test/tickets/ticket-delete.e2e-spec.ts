// #15 Actions → Delete: DELETE /api/tickets/:number is admin-only, removes the ticket with its
// comments and activity, and tells whoever has the ticket open.
import { FileStorage } from '@switchboard/core';
import { createTestApp, nextEvent, type TestApp } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { bearer, createTicket, seedCompany } from './tickets.helper';

describe('deleting a ticket', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('an admin deletes it: the ticket, its comments and its activity are gone, and viewers are told', async () => {
    const { contact } = await seedCompany(t);
    const ticket = await createTicket(t, contact.id);
    const file = (
      await t
        .http()
        .post('/api/files')
        .set(bearer(t.technicianToken))
        .attach('file', Buffer.from('log line'), { filename: 'log.txt', contentType: 'text/plain' })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .send({ body: 'On it', visibility: 'public', attachmentIds: [file.id] })
      .expect(201);
    await t.http().get(`/api/files/${file.id}/content`).set(bearer(t.technicianToken)).expect(200);
    const viewer = await t.socket('/agent', { token: t.technicianToken });
    try {
      await viewer.timeout(5000).emitWithAck('ticket.view', { number: ticket.number });
      const told = nextEvent<{ number: number }>(viewer, 'ticket.deleted');
      await t.http().delete(`/api/tickets/${ticket.number}`).set(bearer(t.adminToken)).expect(204);
      expect(await told).toMatchObject({ number: ticket.number });
    } finally {
      viewer.close();
    }
    await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(t.adminToken)).expect(404);
    const db = t.get(DataSource);
    const count = async (table: string) =>
      Number(
        (
          await db.query(
            `SELECT COUNT(*) AS n FROM ${table} WHERE "ticketId" = ${db.options.type === 'postgres' ? '$1' : '?'}`,
            [ticket.id],
          )
        )[0].n,
      );
    expect(await count('ticket_comments')).toBe(0);
    expect(await count('ticket_activities')).toBe(0);
    // The comment's file went with it: no row (404) and no content left in storage.
    await t.http().get(`/api/files/${file.id}`).set(bearer(t.adminToken)).expect(404);
    await expect(t.get(FileStorage as unknown as new () => FileStorage).read(file.id)).rejects.toThrow();
    // Again: 404.
    await t.http().delete(`/api/tickets/${ticket.number}`).set(bearer(t.adminToken)).expect(404);
  });

  it('a technician may not (403); bad numbers are 400; without a session 401', async () => {
    const { contact } = await seedCompany(t);
    const ticket = await createTicket(t, contact.id);
    await t.http().delete(`/api/tickets/${ticket.number}`).set(bearer(t.technicianToken)).expect(403);
    await t.http().delete('/api/tickets/abc').set(bearer(t.adminToken)).expect(400);
    await t.http().delete('/api/tickets/99999999999').set(bearer(t.adminToken)).expect(400);
    await t.http().delete(`/api/tickets/${ticket.number}`).expect(401);
    await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(t.technicianToken)).expect(200);
  });
});
