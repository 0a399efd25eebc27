import { createTestApp, type TestApp } from '@switchboard/testing';
import { bearer, createTicket, leaks, seedPeople, setMode } from '../masking/masking.helper';

const REPORTED =
  'Please refund 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, thanks. Call +33 6 12 34 56 78; mail bob@example.com';
const RAW = ['4111 1111 1111 1111', 'GB82 WEST 1234 5698 7654 32', '+33 6 12 34 56 78', 'bob@example.com'];

/** #13.4: the title was masked, the body and the comment were not (the card's context read "IBAN"). */
describe('#13.4 masked adjacent entities: a card followed by ", IBAN …" is masked in title, body and comment', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await setMode(t, 'display');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('masks every entity of the reported message in the ticket title, description and comment', async () => {
    const { contact } = await seedPeople(t);
    const ticket = await createTicket(t, {
      title: REPORTED.slice(0, 120),
      description: REPORTED,
      requesterId: contact.id,
    });
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .send({ body: REPORTED, visibility: 'internal' })
      .expect(201);
    const view = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(t.technicianToken)).expect(200);
    const comments = await t
      .http()
      .get(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .expect(200);
    expect(leaks(view.body, RAW)).toEqual([]);
    expect(leaks(comments.body, RAW)).toEqual([]);
    expect(view.body.description).toContain('refund ************1111, IBAN ******************5432, thanks');
    expect(JSON.stringify(comments.body)).toContain('refund ************1111, IBAN');
    expect(leaks(ticket, RAW)).toEqual([]);
  });
});
