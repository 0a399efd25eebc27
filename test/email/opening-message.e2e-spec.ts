// #15 defects 2 and 3 over real SMTP: an email ticket's first mail is its Request (one comment flagged
// `opening`, never a second reply), and a first mail over 64K characters is cut the same way in the
// description as in that comment.
import { bearer, bootEmailApp, commentsOf, type EmailApp, seedCompany, sendMail, ticketsOf } from './email.helper';

const MAX = 65_536;

describe('email: the first mail is the Request (over SMTP)', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  it('stores the first mail once as the opening comment (files, original); a reply is an ordinary comment', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `Melissa Jones <melissa@${domain}>`,
      subject: 'Scanner offline',
      text: 'The scanner on floor 2 is offline.',
      messageId: `<scan-1@${domain}>`,
      attachments: [{ filename: 'error.txt', content: 'E42', contentType: 'text/plain' }],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket.description).toBe('The scanner on floor 2 is offline.');
    const first = (await commentsOf(e.t, ticket.number)) as Array<Record<string, any>>;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      opening: true,
      body: 'The scanner on floor 2 is offline.',
      hasOriginal: true,
      attachments: [expect.objectContaining({ name: 'error.txt' })],
    });

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Scanner offline`,
      text: 'Still offline.',
      inReplyTo: `<scan-1@${domain}>`,
    });
    const after = (await commentsOf(e.t, ticket.number)) as Array<Record<string, any>>;
    expect(after.map((c) => [c.body, c.opening])).toEqual([
      ['The scanner on floor 2 is offline.', true],
      ['Still offline.', false],
    ]);
    // A technician's reply is never the opening message either.
    const reply = await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Rebooting it.', visibility: 'public' })
      .expect(201);
    expect(reply.body.opening).toBe(false);
  });

  it('a ticket typed in by a technician has no opening comment (its description is the Request)', async () => {
    const { contact } = await seedCompany(e.t);
    const created = await e.t
      .http()
      .post('/api/tickets')
      .set(bearer(e.t.technicianToken))
      .send({ title: 'Phone', description: 'Desk phone dead', requesterId: contact.id })
      .expect(201);
    expect(await commentsOf(e.t, created.body.number)).toEqual([]);
  });

  it('a first mail over 64K characters: description and comment are both cut to 64K with an ellipsis', async () => {
    const { contact, domain } = await seedCompany(e.t);
    // Lines of 99 characters + newline, well past the limit; the last kept character is followed by "…".
    const line = 'x'.repeat(99);
    const text = Array.from({ length: 800 }, (_, i) => `${String(i).padStart(3, '0')}${line.slice(3)}`).join('\n');
    expect(text.length).toBeGreaterThan(MAX + 10_000);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Huge log', text });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(comment.truncated).toBe(true);
    expect(Array.from(comment.body)).toHaveLength(MAX);
    expect(comment.body.endsWith('…')).toBe(true);
    expect(ticket.description).toBe(comment.body);
    // The full ticket view too (the list above is the same view).
    const full = await e.t.http().get(`/api/tickets/${ticket.number}`).set(bearer(e.t.technicianToken)).expect(200);
    expect(Array.from(full.body.description as string)).toHaveLength(MAX);
    expect(text.startsWith((full.body.description as string).slice(0, -1))).toBe(true);
  });
});
