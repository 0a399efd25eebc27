import { connectSocket, type TestApp } from '@switchboard/testing';
import {
  ack,
  auth,
  createCompanyWithPortal,
  createPortalApp,
  setAvailable,
  startChat,
  visitorAuth,
} from '../portal/portal-helpers';
import { dumpDatabase, setMode } from './masking.helper';

const CARD = '4625 9780 1212 7514';
const PHONE = '+447966197542';

describe('masking of portal chats', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createPortalApp();
    await setAvailable(t, t.technicianToken, true);
  });
  afterAll(() => t.close());

  it('in ingest mode stores the question and the messages masked: no raw value in any table', async () => {
    const { company, subdomain } = await createCompanyWithPortal(t);
    await setMode(t, 'ingest', company.id);
    const chat = await startChat(
      t,
      subdomain,
      { firstName: 'Ina', lastName: 'Gest', email: 'ina.gest@example.com' },
      `My card ${CARD} was charged twice`,
    );
    const visitor = await connectSocket(t.baseUrl, '/portal', { token: chat.token });
    await ack(visitor, 'chat.join', { afterSeq: 0 });
    const sent = await ack(visitor, 'chat.send', { clientId: 'c-1', body: `Call me on ${PHONE} please` });
    expect(sent.ok).toBe(true);
    visitor.close();

    const messages = await t
      .http()
      .get(`/api/public/cases/${chat.caseId}/messages`)
      .set(visitorAuth(chat.token))
      .expect(200);
    const bodies = JSON.stringify(messages.body);
    expect(bodies).toContain('************7514');
    expect(bodies).toContain('*********7542');
    const dump = JSON.stringify(await dumpDatabase(t));
    expect(dump).not.toContain(CARD);
    expect(dump).not.toContain('4625978012127514');
    expect(dump).not.toContain(PHONE);
  });

  it('in display mode stores the raw text but technicians only see it masked', async () => {
    const { company, subdomain } = await createCompanyWithPortal(t);
    await setMode(t, 'display', company.id);
    const chat = await startChat(
      t,
      subdomain,
      { firstName: 'Di', lastName: 'Splay', email: 'di.splay@example.com' },
      `Card ${CARD}`,
    );
    const seen = await t.http().get(`/api/cases/${chat.caseId}`).set(auth(t.technicianToken)).expect(200);
    const messages = await t.http().get(`/api/cases/${chat.caseId}/messages`).set(auth(t.technicianToken)).expect(200);
    expect(JSON.stringify([seen.body, messages.body])).not.toContain(CARD);
    expect(JSON.stringify(messages.body)).toContain('************7514');
    // The visitor sees their own words.
    const own = await t
      .http()
      .get(`/api/public/cases/${chat.caseId}/messages`)
      .set(visitorAuth(chat.token))
      .expect(200);
    expect(JSON.stringify(own.body)).toContain(CARD);
  });
});
