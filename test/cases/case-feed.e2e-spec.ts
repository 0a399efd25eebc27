// The Cases page's live list (`cases.watch`): case.updated / case.deleted reach a technician's socket
// only while it watches, only for companies the technician serves (read when the event is sent), and
// stop after `cases.unwatch` or when access is taken away. Bad payloads are refused with a 400.
import { AccountService } from '@switchboard/core';
import type { TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import {
  ack,
  auth,
  collect,
  createCompanyWithPortal,
  createPortalApp,
  startChat,
  uniqueName,
  waitFor,
  watchCases,
} from '../portal/portal-helpers.js';

describe('cases.watch: the live list of the Cases page', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  const socket = async (token: string) => {
    const s = await t.socket('/agent', { token });
    sockets.push(s);
    return s;
  };
  const technician = async (companyIds: string[]) => {
    const a = await t.get(AccountService).create({
      name: 'Scoped Tech',
      email: `${uniqueName('scoped')}@agents.example`,
      password: 'Correct-Horse-9-Battery',
      role: 'technician',
      allCompanies: false,
      companyIds,
    });
    return { id: a.id, token: t.tokenFor(a.id) };
  };
  const post = (path: string, token: string) => t.http().post(path).set(auth(token)).expect(200);
  /** Events of a socket that concern this case. */
  const about = (events: any[], caseId: string) => events.filter((e) => (e.case?.id ?? e.caseId) === caseId);

  it('only watching sockets of technicians serving the company get the list events; unwatch stops them', async () => {
    const { subdomain, company } = await createCompanyWithPortal(t);
    const other = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);

    const watching = await socket(t.adminToken);
    await watchCases(watching);
    const notWatching = await socket(t.adminToken);
    const elsewhere = await technician([other.company.id]);
    const elsewhereSocket = await socket(elsewhere.token);
    await watchCases(elsewhereSocket);
    const serving = await technician([company.id]);
    const servingSocket = await socket(serving.token);
    await watchCases(servingSocket);

    const seen = {
      watching: collect<any>(watching, 'case.updated'),
      notWatching: collect<any>(notWatching, 'case.updated'),
      elsewhere: collect<any>(elsewhereSocket, 'case.updated'),
      serving: collect<any>(servingSocket, 'case.updated'),
    };
    await post(`/api/cases/${chat.caseId}/assign`, t.technicianToken);
    await waitFor(() => about(seen.watching, chat.caseId).length > 0 && about(seen.serving, chat.caseId).length > 0);
    expect(about(seen.watching, chat.caseId)[0].case).toMatchObject({ status: 'assigned' });
    expect(about(seen.notWatching, chat.caseId)).toEqual([]);
    expect(about(seen.elsewhere, chat.caseId)).toEqual([]);

    // The first socket closes the page; the serving technician loses the company: neither gets more.
    expect(await ack(watching, 'cases.unwatch', {})).toEqual({ ok: true, data: {} });
    await t.get(AccountService).update(serving.id, { allCompanies: false, companyIds: [other.company.id] });
    const sentinel = await socket(t.adminToken);
    await watchCases(sentinel);
    const sentinelSeen = collect<any>(sentinel, 'case.updated');
    const before = { watching: seen.watching.length, serving: seen.serving.length };
    const second = await startChat(t, subdomain, { firstName: 'Sol', lastName: 'Second', email: 'sol@example.com' });
    await post(`/api/cases/${second.caseId}/assign`, t.technicianToken);
    await waitFor(() => about(sentinelSeen, second.caseId).some((e) => e.case.status === 'assigned'));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.watching.length).toBe(before.watching);
    expect(seen.serving.length).toBe(before.serving);

    // The visitor ends the chat, an admin deletes the case: the watching list learns both.
    const visitor = await t.socket('/portal', { token: chat.token });
    sockets.push(visitor);
    expect((await ack(visitor, 'chat.end', {})).ok).toBe(true);
    await waitFor(() => about(sentinelSeen, chat.caseId).some((e) => e.case.chatStatus === 'ended'));
    const deleted = collect<any>(sentinel, 'case.deleted');
    await t.http().delete(`/api/cases/${chat.caseId}`).set(auth(t.adminToken)).expect(204);
    await waitFor(() => about(deleted, chat.caseId).length === 1);
    expect(about(seen.notWatching, chat.caseId)).toEqual([]);
  });

  it('refuses a payload with fields (400) and works again when sent twice', async () => {
    const s = await socket(t.adminToken);
    expect(await ack(s, 'cases.watch', { companyId: 'x' })).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(await ack(s, 'cases.unwatch', { all: true })).toMatchObject({ ok: false, error: { statusCode: 400 } });
    await watchCases(s);
    await watchCases(s);
    const { subdomain } = await createCompanyWithPortal(t);
    const chat = await startChat(t, subdomain);
    const updates = collect<any>(s, 'case.updated');
    await post(`/api/cases/${chat.caseId}/assign`, t.technicianToken);
    await waitFor(() => about(updates, chat.caseId).length > 0);
    await new Promise((r) => setTimeout(r, 100));
    // Joined once, however often it asked: one packet per change.
    expect(about(updates, chat.caseId)).toHaveLength(1);
  });
});
