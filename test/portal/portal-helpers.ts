import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp, type TestAppOptions } from '@switchboard/testing';

export const LIVECHAT_PLUGIN = { name: 'plugins/channel-portal-livechat', enable: true };

export function createPortalApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestApp({ plugins: [LIVECHAT_PLUGIN], ...options });
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
export const visitorAuth = (token: string) => ({ Authorization: `Portal ${token}` });

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.toLowerCase();
}

export async function createCompanyWithPortal(t: TestApp, status: 'active' | 'inactive' = 'active') {
  const company = (
    await t
      .http()
      .post('/api/companies')
      .set(auth(t.adminToken))
      .send({ name: uniqueName('Company ') })
      .expect(201)
  ).body;
  const subdomain = uniqueName('acme');
  const portal = (
    await t
      .http()
      .post('/api/portals')
      .set(auth(t.adminToken))
      .send({ companyId: company.id, subdomain, status })
      .expect(201)
  ).body;
  return { company, portal, subdomain };
}

export async function setAvailable(t: TestApp, token: string, available: boolean): Promise<void> {
  await t.http().put('/api/me/availability').set(auth(token)).send({ available }).expect(200);
}

export async function startChat(
  t: TestApp,
  subdomain: string,
  who = { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com' },
  question = 'My printer is on fire',
) {
  const res = await t
    .http()
    .post(`/api/public/portals/${subdomain}/chats`)
    .set(
      'User-Agent',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    )
    .set('Accept-Language', 'fr-FR,fr;q=0.9')
    .send({ ...who, question })
    .expect(201);
  return res.body as { token: string; caseId: string; conversationId: string; type: string };
}

/** The Cases page's live list on this socket (case.updated / case.deleted / routed case.created). */
export async function watchCases(socket: Socket): Promise<void> {
  const res = await ack(socket, 'cases.watch', {});
  if (!res?.ok) throw new Error(`cases.watch refused: ${JSON.stringify(res)}`);
}

export async function ack<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

/** Collects every occurrence of an event (for "nothing else arrived" assertions). */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
