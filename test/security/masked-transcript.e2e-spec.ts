import type { TestApp } from '@switchboard/testing';
import { bearer, leaks, PII_TEXT, setMode } from '../masking/masking.helper';
import { createCompanyWithPortal, createPortalApp, startChat, visitorAuth } from '../portal/portal-helpers';

/**
 * #13.3: responses written with @Res() (downloads) bypass the masking interceptor. Each one a
 * technician can reach must be masked like the JSON view of the same data.
 */
describe('#13.3 masked transcript: downloads written with @Res() are masked too', () => {
  let t: TestApp;
  let caseId: string;
  let companyId: string;
  let visitorToken: string;

  beforeAll(async () => {
    t = await createPortalApp();
    await setMode(t, 'display');
    const { company, subdomain } = await createCompanyWithPortal(t);
    companyId = company.id;
    const chat = await startChat(t, subdomain, undefined, `Please refund ${PII_TEXT}`);
    caseId = chat.caseId;
    visitorToken = chat.token;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the case view is masked (the reference)', async () => {
    const res = await t.http().get(`/api/cases/${caseId}/messages`).set(bearer(t.technicianToken)).expect(200);
    expect(JSON.stringify(res.body)).toContain('************1111');
    expect(leaks(res.body)).toEqual([]);
  });

  it.each(['html', 'text'])(
    'GET /api/cases/:id/transcript?format=%s masks card, IBAN, email, phone, SSN',
    async (format) => {
      for (const token of [t.technicianToken, t.adminToken]) {
        const res = await t
          .http()
          .get(`/api/cases/${caseId}/transcript?format=${format}`)
          .set(bearer(token))
          .expect(200);
        expect(res.text).toContain('************1111');
        expect(leaks(res.text)).toEqual([]);
      }
    },
  );

  it('the visitor still downloads their own conversation as written', async () => {
    const res = await t
      .http()
      .get(`/api/public/cases/${caseId}/transcript?format=text`)
      .set(visitorAuth(visitorToken))
      .expect(200);
    expect(res.text).toContain('4111 1111 1111 1111');
  });

  it('GET /api/files/:id/content masks a text attachment', async () => {
    const up = await t
      .http()
      .post('/api/files')
      .set(bearer(t.adminToken))
      .field('companyId', companyId)
      .attach('file', Buffer.from(`Customer wrote: ${PII_TEXT}\n`), { filename: 'note.txt', contentType: 'text/plain' })
      .expect(201);
    const res = await t.http().get(`/api/files/${up.body.id}/content`).set(bearer(t.technicianToken)).expect(200);
    const body = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
    expect(body).toContain('************1111');
    expect(leaks(body)).toEqual([]);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(body));
  });
});
