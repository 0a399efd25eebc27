import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { bootEmailApp, type EmailApp, HELPDESK, rfc822, seedCompany, sendMail, ticketsOf } from '../email/email.helper';
import { createCompanyWithPortal } from '../portal/portal-helpers';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const NUL = 'a\u0000b';
const LONE = 'a\ud800b';
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** #13.10: every bad input is a 400 naming the problem, on SQLite and PostgreSQL alike. */
describe('#13.10 bad input is a 400, never a 500', () => {
  let t: TestApp;
  let requesterId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const company = (
      await t.http().post('/api/companies').set(auth(t.adminToken)).send({ name: 'Bad Input Co' }).expect(201)
    ).body;
    requesterId = (
      await t
        .http()
        .post('/api/contacts')
        .set(auth(t.adminToken))
        .send({ companyId: company.id, firstName: 'Nul', lastName: 'Byte', email: 'nul@bad-input.example' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t?.close());

  const createTicket = (title: string, description = 'text') =>
    t.http().post('/api/tickets').set(auth(t.adminToken)).send({ title, description, requesterId });

  it('#13.10 NUL in a JSON text field: 400 naming the field', async () => {
    const res = await createTicket(NUL);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(/title must not contain NUL/);
    expect(res.body.details.fieldErrors.title).toBeDefined();
  });

  it('#13.10 a lone surrogate in a JSON text field: 400 naming the field', async () => {
    const res = await createTicket('fine', LONE);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/description must not contain lone UTF-16 surrogates/);
  });

  it('#13.10 NUL in a field name: 400', async () => {
    const res = await t
      .http()
      .post('/api/tickets')
      .set(auth(t.adminToken))
      .set('content-type', 'application/json')
      .send(`{"title":"x","description":"y","requesterId":"${requesterId}","a\\u0000":1}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/field name must not contain NUL/);
  });

  it('#13.10 NUL in a query string and in a route parameter: 400', async () => {
    const q = await t.http().get('/api/tickets?q=a%00b').set(auth(t.adminToken));
    expect(q.status).toBe(400);
    expect(q.body.message).toMatch(/q must not contain NUL/);
    const param = await t.http().get('/api/public/portals/a%00b');
    expect(param.status).toBe(400);
    expect(param.body.message).toMatch(/path must not contain NUL/);
    const malformed = await t.http().get('/api/public/portals/%ED%A0%80');
    expect(malformed.status).toBe(400);
  });

  it('#13.10 NUL in the login email (read by a guard before any pipe): 400', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'admin\u0000@test.local', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/email must not contain NUL/);
  });

  it('#13.10 the unauthenticated portal submission with NUL: 400', async () => {
    const { subdomain } = await createCompanyWithPortal(t);
    const res = await t
      .http()
      .post(`/api/public/portals/${subdomain}/requests`)
      .send({ firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', question: `printer ${NUL}` });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/question must not contain NUL/);
  });

  it('#13.10 a ticket cursor holding a non-numeric or non-date value: 400 naming the cursor', async () => {
    const id = '0190a0a0-0000-7000-8000-000000000000';
    for (const [sort, value] of [
      ['number', 'abc'],
      ['priority', 'abc'],
      ['-updated', 'not a date'],
      ['created', 12],
    ] as const) {
      const cursor = Buffer.from(JSON.stringify([value, id])).toString('base64url');
      const res = await t.http().get(`/api/tickets?sort=${sort}&cursor=${cursor}`).set(auth(t.adminToken));
      expect({ sort, status: res.status }).toEqual({ sort, status: 400 });
      expect(res.body.details.fieldErrors.cursor).toBeDefined();
    }
    const badId = Buffer.from(JSON.stringify([5, 'not-a-uuid'])).toString('base64url');
    const res = await t.http().get(`/api/tickets?sort=number&cursor=${badId}`).set(auth(t.adminToken));
    expect(res.status).toBe(400);
  });

  it('#13.10 numbers beyond the integer column (ticket numbers, seqs): 400 naming the parameter', async () => {
    for (const url of ['/api/tickets/99999999999', '/api/tickets/2147483648/comments', '/api/tickets/0']) {
      const res = await t.http().get(url).set(auth(t.adminToken));
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.message).toMatch(/number must be a whole number from 1 to 2147483647/);
    }
    const merge = await t.http().post('/api/tickets/1/merge').set(auth(t.adminToken)).send({ into: 99999999999 });
    expect(merge.status).toBe(400);
    const socket = await t.socket('/agent', { token: t.adminToken });
    try {
      const res = await socket.timeout(5000).emitWithAck('ticket.view', { number: 99999999999 });
      expect(res).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect(res.error.message).toMatch(/number must be at most 2147483647/);
    } finally {
      socket.close();
    }
  });

  it('#13.10 5,000-deep JSON on HTTP: 400 naming the nesting', async () => {
    const res = await t
      .http()
      .post('/api/tickets')
      .set(auth(t.adminToken))
      .set('content-type', 'application/json')
      .send(`{"title":"x","description":"y","requesterId":"${requesterId}","tags":${deepArray(5000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nested too deeply/);
  });

  it('#13.10 multipart: NUL in a field is a 400, NUL in a file name is stripped', async () => {
    const field = await t
      .http()
      .post('/api/files')
      .set(auth(t.adminToken))
      .field('companyId', NUL)
      .attach('file', Buffer.from('hello'), 'hello.txt');
    expect(field.status).toBe(400);
    expect(field.body.message).toMatch(/companyId must not contain NUL/);
    const name = await t
      .http()
      .post('/api/files')
      .set(auth(t.adminToken))
      .attach('file', Buffer.from('hello'), { filename: 'he\u0000llo.txt', contentType: 'text/plain' });
    expect(name.status).toBeLessThan(500);
    if (name.status === 201) expect(name.body.name).not.toContain('\u0000');
  });

  describe('#13.10 socket events', () => {
    let socket: Socket;
    beforeAll(async () => {
      socket = await t.socket('/agent', { token: t.adminToken });
    });
    afterAll(() => socket?.close());

    it('#13.10 5,000-deep payload on a socket event: a 400 ack', async () => {
      // The client's own encoder cannot stringify it either: write the socket.io packet by hand.
      const reply = new Promise<string>((resolve) => {
        const onData = (data: string) => {
          if (typeof data === 'string' && data.startsWith('3/agent,77')) {
            socket.io.engine.off('message', onData);
            resolve(data);
          }
        };
        socket.io.engine.on('message', onData);
      });
      socket.io.engine.write(`2/agent,77["availability.set",{"available":${deepArray(5000)}}]`);
      const [res] = JSON.parse((await reply).slice('3/agent,77'.length));
      expect(res).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect(res.error.message).toMatch(/nested too deeply/);
      expect(socket.connected).toBe(true);
    });

    it('#13.10 NUL and lone surrogates in a socket payload: a 400 ack naming the field', async () => {
      const nul = await socket.timeout(5000).emitWithAck('ping', { text: NUL });
      expect(nul).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect(nul.error.message).toMatch(/text must not contain NUL/);
      const lone = await socket
        .timeout(5000)
        .emitWithAck('conversation.send', { conversationId: requesterId, clientId: null, body: LONE });
      expect(lone).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect(lone.error.message).toMatch(/body must not contain lone UTF-16 surrogates/);
    });
  });
});

describe('#13.10 inbound mail with NUL is kept, not a 500 and not lost', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  it('#13.10 NUL in the subject and body of an inbound mail: the ticket exists, NUL removed', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const sent = await sendMail(e.smtpPort, {
      envelope: { from: `melissa@${domain}`, to: [HELPDESK] },
      raw: rfc822([
        `From: melissa@${domain}`,
        `To: ${HELPDESK}`,
        `Subject: =?UTF-8?B?${b64('Print\u0000er down')}?=`,
        `Message-ID: <nul-1@${domain}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        b64('It\u0000 smokes.'),
        '',
      ]),
    });
    expect(sent.response).toMatch(/^250/);
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket).toMatchObject({ title: 'Printer down', description: 'It smokes.' });
  });
});
