import { ChannelInboundService, DeviceService } from '@switchboard/core';
import { ServerEvents } from '@switchboard/contracts';
import { NotificationService } from '@switchboard/notify';
import { AddContactCommentService, ContactAuthorService, CsatSurveysService } from '@switchboard/tickets';
import { createTestApp, nextEvent, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { ack, createCompanyWithPortal, LIVECHAT_PLUGIN, startChat, watchCases } from '../portal/portal-helpers';
import { AGENT_CHAT_PLUGIN, deviceAuth } from '../agent-chat/agent-chat.helpers';
import {
  bearer,
  createTicket,
  eventually,
  leaks,
  MASKED_TEXT,
  PHONE_NAME,
  PHONE_NAME_MASKED,
  PII_RECORDER,
  PII_TEXT,
  seedPeople,
  setMode,
} from './masking.helper';

/**
 * THE GUARD (#13.3): with display mode on and PII in every kind of data (tickets, comments, an
 * attachment, an email original, activity, notifications, outbox, contacts, a device, a portal case
 * with its transcript, an agent chat with a file, quick replies), every GET route the HTTP server has
 * (read from the Express router: a new route is crawled without touching this test) and every /agent
 * socket event of the contracts' ServerEvents must be free of raw PII — AND must have shown masked PII:
 * a route that answers 404, 403 to everyone, or nothing PII-bearing fails, unless it is listed below
 * with the reason it carries no PII. A new route needs either scenario data or an entry here.
 */

/** Routes that legitimately carry no end-user PII (still crawled: they must answer 200 and not leak). */
const NO_PII_ROUTES: Record<string, string> = {
  '/health': 'liveness, no data',
  '/api/ticket-statuses': 'configuration: status names',
  '/api/product-families': 'configuration: product names',
  '/api/ai/capabilities': 'two booleans: whether compose and sentiment providers are enabled',
  '/api/auth/demo-logins': 'the seeded demo staff logins (no contact data), empty outside demo mode',
  '/api/quick-replies/placeholders': 'the fixed list of quick-reply placeholder names',
  '/api/automation-rules': 'configuration written by admins',
  '/api/automation-rules/{id}': 'configuration written by admins',
  '/api/email-templates': 'configuration: templates with placeholders',
  '/api/email-templates/{event}': 'configuration: one template',
  '/api/me/notification-preferences': 'your own preferences (booleans)',
  '/api/tickets/defaults': 'defaults of a new ticket (ids and enums)',
  '/api/ticket-views': "saved list views: the caller's own names and filters (ids, enums, their search text), counts",
  '/api/cases/unseen': 'a count',
  '/api/portals': 'portal configuration (subdomain, colours, texts by admins)',
  '/api/portals/{id}': 'portal configuration',
  '/api/portals/{id}/embed': 'the embed snippet of a portal',
  '/api/companies': 'company records: names',
  '/api/companies/{id}': 'a company record',
  '/api/channel-instances': 'channel configuration (admin)',
  '/api/channel-instances/{id}': 'channel configuration (admin)',
  '/api/agent-chats/{id}/files/{fileId}':
    'chat files are PDF/media/Office only (content-checked at upload) and served as stored: binary, not maskable',
  '/api/reports/csat': 'satisfaction counts and averages per technician (staff names) and per company (names)',
  '/api/conversations/{id}/routing':
    "a queue-routed conversation's routing facts: queue name, state, agent id, the viewer's wrap-up (reason, note)",
  '/api/me/wrap-ups': 'your own open wrap-ups (conversation ids, causes)',
  '/api/conversations/{id}/conference-targets':
    'colleagues who could join your chat: staff ids, names, agent states and chat counts',
  '/api/conversations/{id}/transfer-targets':
    'queues (names, waiting counts) and colleagues (staff ids, names, states, chat counts) a chat can go to',
  '/api/cases/{id}/recordings':
    'screen sharing recordings of the case: video files named by the technician’s browser (ids, sizes, dates)',
};
/** Opted out of masking on purpose (@Unmasked()): staff data and configuration, or an audited reveal. */
const UNMASKED_ROUTES: Record<string, string> = {
  '/api/auth/me': 'your own profile',
  '/api/me': 'your own profile, console language and contact-centre state',
  '/api/queues': 'routing configuration: queue names, company and account ids, timers (admin)',
  '/api/queues/{id}': 'routing configuration: one queue',
  '/api/wrap-up-reasons': 'configuration: wrap-up reason labels (admin)',
  '/api/accounts': 'staff accounts (admin)',
  '/api/accounts/{id}': 'staff accounts (admin)',
  '/api/technicians': 'staff directory',
  '/api/settings': 'configuration (admin)',
  '/api/settings/{key}': 'configuration (admin)',
  '/api/plugins': 'plugin configuration (admin)',
  '/api/plugins/{id}': 'plugin configuration (admin)',
  // pii.reveal holders only (403 otherwise, checked below), each download audited in the activity log.
  '/api/tickets/{number}/comments/{id}/original': 'the raw original email: an audited reveal',
};
/**
 * End-user routes (portal visitors, signed-in portal contacts, devices): not technician payloads;
 * they see their own conversation and their own tickets' public part.
 */
const END_USER_PREFIXES = ['/api/public/', '/p/', '/api/device/', '/api/portal/'];
/** The API documentation (Swagger UI and the OpenAPI document): its examples are made up, not data. */
const DOCS_PREFIXES = ['/api/docs'];
/** /agent events whose payloads carry ids, counts or staff names only. */
const NO_PII_EVENTS: Record<string, string> = {
  'account.availability': 'your own availability',
  'agent.availability': 'a technician id and availability',
  'server.shutdown': 'a reconnect flag',
  'session.revoked': 'why the session ended (logout, password, expiry...)',
  'access.changed': 'a reconnect flag',
  exception: 'an error for a request without ack',
  'ticket.viewers': 'technician names viewing a ticket',
  'ticket.merged': 'two ticket numbers',
  'ticket.deleted': 'a ticket number and its company id',
  'case.deleted': 'a case id',
  'conversation.typing': 'a typing flag and the author name',
  'agent-chat.offer-closed': 'a conversation id',
  'screen.accepted': 'a screen-sharing session id and conversation id',
  'screen.signal': 'WebRTC session description or ICE candidate of the visitor’s browser (no message text)',
  'screen.ended': 'a screen-sharing session id, who ended it and why',
  'contact.offer_closed': 'a conversation id and why the offer ended',
  'agent.state_changed': "the agent's own state and chat counts",
  'wrap_up.due': 'a conversation id and why its wrap-up opened',
  'wrap_up.done': 'a conversation id and a wrap-up id',
  'contact.resource_deleted': 'a conversation id and the name of the deleted queue',
  'conference.changed': 'a conversation id, a conference state and staff ids and names',
  'contact.transfer_abandoned': 'a conversation id, the target agent name and why the transfer ended',
};
/** Events of the other namespaces (the device's and the visitor's own conversation). */
const OTHER_NAMESPACE_EVENTS = new Set([
  'portal.ticket.updated',
  'queue.position',
  'screen.requested',
  'chat.requested',
  'chat.started',
  'chat.busy',
  'chat.closed',
  'chat.updated',
]);

/** What the masked PII looks like: at least one must be in every PII-bearing response. */
const MASKED_MARKERS = ['************1111', 'b**@example.com', '********5678', '*******6789', PHONE_NAME_MASKED];
const showsMaskedPii = (text: string) => MASKED_MARKERS.some((m) => text.includes(m));

type Captured = { who: string; event: string; payload: unknown };

/** Every GET route of the running HTTP server, as OpenAPI-style paths (`/api/tickets/{number}`). */
function getRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const paths = express.router.stack
    .filter((l) => l.route?.methods.get && typeof l.route.path === 'string')
    .map((l) => l.route!.path.replace(/:(\w+)/g, '{$1}'));
  return [...new Set(paths)];
}

describe('#13.3 masking guard: every GET route and /agent event, with data of every kind, is masked', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const received: Captured[] = [];

  beforeAll(async () => {
    t = await createTestApp({ plugins: [PII_RECORDER, LIVECHAT_PLUGIN, AGENT_CHAT_PLUGIN] });
    await setMode(t, 'display');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('crawls every GET route and every socket event of a full scenario', async () => {
    const admin = bearer(t.adminToken);
    const tech = bearer(t.technicianToken);
    const agentSockets: Socket[] = [];
    for (const [who, token] of [
      ['technician', t.technicianToken],
      ['admin', t.adminToken],
    ] as const) {
      const s = await t.socket('/agent', { token });
      s.onAny((event: string, payload: unknown) => received.push({ who, event, payload }));
      // The Cases page's feed too: case.updated / case.deleted reach only watching sockets.
      await watchCases(s);
      sockets.push(s);
      agentSockets.push(s);
    }
    const [techSocket] = agentSockets;
    await t.http().put('/api/me/availability').set(tech).send({ available: true }).expect(200);

    // --- Tickets: PII in every free-text field, an attachment, an email original, activity.
    const { company, contact, caller } = await seedPeople(t);
    await t.http().patch(`/api/contacts/${contact.id}`).set(admin).send({ phone: '+33 6 12 34 56 78' }).expect(200);
    const attachment = (
      await t
        .http()
        .post('/api/files')
        .set(admin)
        .field('companyId', company.id)
        .attach('file', Buffer.from(`Statement: ${PII_TEXT}\n`), {
          filename: 'statement bob@example.com.txt',
          contentType: 'text/plain',
        })
        .expect(201)
    ).body as { id: string };
    const ticket = await createTicket(
      t,
      { title: `Title ${PII_TEXT}`, description: PII_TEXT, requesterId: caller.id, assigneeId: t.technician.id },
      t.adminToken,
    );
    for (const [i, s] of agentSockets.entries()) {
      // Acks count as payloads too.
      const viewAck = await new Promise<unknown>((resolve) =>
        s.emit('ticket.view', { number: ticket.number }, resolve),
      );
      received.push({ who: i === 0 ? 'technician' : 'admin', event: 'ack:ticket.view', payload: viewAck });
    }
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(admin)
      .send({
        body: PII_TEXT,
        visibility: 'public',
        cc: [{ kind: 'contact', id: contact.id }],
        attachmentIds: [attachment.id],
      })
      .expect(201);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(admin)
      .send({ body: PII_TEXT, visibility: 'internal', notify: [t.technician.id] })
      .expect(201);
    await t.get(AddContactCommentService).add({
      ticketNumber: ticket.number,
      author: await t.get(ContactAuthorService).resolve(caller.id),
      body: PII_TEXT,
      source: 'portal',
    });
    // #18.4: the requester rates the resolution with PII in the comment (activity line "Rated 2/5: …").
    await t.http().patch(`/api/tickets/${ticket.number}`).set(admin).send({ status: 'resolved' }).expect(200);
    await t.get(CsatSurveysService).answerForTicket(ticket.id, caller.id, { score: 2, comment: PII_TEXT });
    await t.http().patch(`/api/tickets/${ticket.number}`).set(admin).send({ status: 'open' }).expect(200);
    await t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(admin)
      .send({ title: `Renamed ${PII_TEXT}`, priority: 'high' })
      .expect(200);
    // An inbound email reply: a comment with its original (.eml) kept.
    const inbound = t.get(ChannelInboundService);
    const opened = await inbound.receive('channel-email', 'email', {
      externalId: '<guard-1@acme.example>',
      from: { address: contact.email as string, name: 'Melissa Jones' },
      recipients: ['support@helpdesk.example'],
      subject: `Refund ${PII_TEXT}`,
      text: PII_TEXT,
      rawBase64: Buffer.from(`Subject: Refund\r\n\r\n${PII_TEXT}\r\n`).toString('base64'),
    });
    expect(opened).toMatchObject({ status: 'created' });
    const emailComments = (await t.http().get(`/api/tickets/${opened.ticketNumber}/comments`).set(admin).expect(200))
      .body.items as { id: string; hasOriginal?: boolean }[];
    const quickReply = (
      await t.http().post('/api/quick-replies').set(tech).send({ name: 'Card reply', body: PII_TEXT }).expect(201)
    ).body as { id: string };
    const channelInstance = await t
      .http()
      .post('/api/channel-instances')
      .set(admin)
      .send({ pluginId: 'channel-portal-livechat', name: 'Guard instance' });
    await t.get(NotificationService).notify([t.technician.id, t.admin.id], {
      title: `From ${PHONE_NAME}`,
      body: PII_TEXT,
      link: `/tickets/${ticket.number}`,
    });

    // --- A portal case: the visitor's question and a live message carry PII; the technician takes it.
    const { subdomain } = await createCompanyWithPortal(t);
    // A visitor whose name is a phone number (conditional masking of names).
    const visitorWho = { firstName: PHONE_NAME, lastName: 'Caller', email: 'guard.visitor@acme.example' };
    const chat = await startChat(t, subdomain, visitorWho, `Please refund ${PII_TEXT}`);
    await t.http().post(`/api/cases/${chat.caseId}/assign`).set(tech).expect(200);
    const caseJoin = await ack(techSocket, 'conversation.join', { conversationId: chat.caseId });
    received.push({ who: 'technician', event: 'ack:conversation.join', payload: caseJoin });
    const visitor = await t.socket('/portal', { token: chat.token });
    sockets.push(visitor);
    expect((await ack(visitor, 'chat.join', {})).ok).toBe(true);
    expect((await ack(visitor, 'chat.send', { clientId: 'v-1', body: `Also ${PII_TEXT}` })).ok).toBe(true);

    // --- An agent chat: a device (named with an email, assigned to the phone-named caller) asks to chat.
    await t
      .http()
      .put('/api/settings/chat.enabled')
      .set(admin)
      .send({ value: true, companyId: company.id })
      .expect(200);
    const { device, token: deviceToken } = await t.get(DeviceService).create({
      companyId: company.id,
      name: 'PC of bob@example.com',
      os: 'Windows 11',
      contactId: caller.id,
      helpdeskAgentEnabled: true,
    });
    const deviceSocket = await t.socket('/device', { token: deviceToken });
    sockets.push(deviceSocket);
    // Started by the technician, who watches the room: the contact's joining and messages reach them.
    const started = await t.http().post('/api/agent-chats').set(tech).send({ deviceId: device.id }).expect(201);
    const agentChatId = started.body.chat.id as string;
    const chatJoin = await ack(techSocket, 'conversation.join', { conversationId: agentChatId });
    received.push({ who: 'technician', event: 'ack:conversation.join', payload: chatJoin });
    expect((await ack(deviceSocket, 'chat.accept', { conversationId: agentChatId })).ok).toBe(true);
    expect(
      (await ack(deviceSocket, 'chat.send', { conversationId: agentChatId, clientId: 'd-1', body: PII_TEXT })).ok,
    ).toBe(true);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
    const chatFile = (
      await t
        .http()
        .post(`/api/device/chats/${agentChatId}/files`)
        .set(deviceAuth(deviceToken))
        .attach('file', pdf, 'refund bob@example.com.pdf')
        .expect(201)
    ).body as { file: { id: string } };
    const chatFileId = chatFile.file.id;
    // A second device asks for a chat itself: the offer reaches the available technicians.
    const second = await t.get(DeviceService).create({
      companyId: company.id,
      name: 'Laptop of bob@example.com',
      os: 'Windows 11',
      contactId: caller.id,
      helpdeskAgentEnabled: true,
    });
    const secondSocket = await t.socket('/device', { token: second.token });
    sockets.push(secondSocket);
    expect((await ack(secondSocket, 'chat.request', {})).ok).toBe(true);
    // A third device of the caller, chatted with from the ticket: the chat opens with the ticket's
    // earlier conversation (GET /api/agent-chats/:id/earlier, defect 8).
    const third = await t.get(DeviceService).create({
      companyId: company.id,
      name: 'Tablet of bob@example.com',
      os: 'Android',
      contactId: caller.id,
      helpdeskAgentEnabled: true,
    });
    const thirdSocket = await t.socket('/device', { token: third.token });
    sockets.push(thirdSocket);
    const fromTicket = await t
      .http()
      .post('/api/agent-chats')
      .set(tech)
      .send({ deviceId: third.device.id, ticketNumber: ticket.number })
      .expect(201);
    const ticketChatId = fromTicket.body.chat.id as string;
    // The visitor ends the case chat (conversation.ended, named after the visitor).
    expect((await ack(visitor, 'chat.end', {})).ok).toBe(true);

    await eventually(() => {
      const events = new Set(received.filter((r) => r.who === 'technician').map((r) => r.event));
      for (const e of [
        'notification',
        'conversation.message',
        'case.created',
        'conversation.ended',
        'agent-chat.incoming',
      ])
        expect([e, events.has(e)]).toEqual([e, true]);
    });

    // A contact-centre queue for the routing routes' parameters.
    const queue = await t
      .http()
      .post('/api/queues')
      .set(admin)
      .send({ name: 'Guard queue', companyIds: [company.id], memberIds: [t.technician.id] })
      .expect(201);
    // The queue board (#14): a queue-routed portal whose visitor (a phone-number name) waits in a
    // queue without members, so the board lists a customer name to mask.
    const boardPortal = await createCompanyWithPortal(t);
    const boardQueue = await t
      .http()
      .post('/api/queues')
      .set(admin)
      .send({ name: 'Guard board queue', companyIds: [boardPortal.company.id], memberIds: [] })
      .expect(201);
    await t
      .http()
      .patch(`/api/portals/${boardPortal.portal.id}`)
      .set(admin)
      .send({ routing: 'queue', queueId: boardQueue.body.id })
      .expect(200);
    await startChat(t, boardPortal.subdomain, { ...visitorWho, email: 'guard.queued@acme.example' }, 'Queued question');

    // --- The contact centre: a queue-routed portal; its phone-named visitor is offered to the
    // technician (contact.offered must come masked), who accepts and ends the chat (wrap-up due).
    const routed = await createCompanyWithPortal(t);
    const routedQueue = await t
      .http()
      .post('/api/queues')
      .set(admin)
      .send({ name: 'Guard contact queue', companyIds: [routed.company.id], memberIds: [t.technician.id] })
      .expect(201);
    await t
      .http()
      .patch(`/api/portals/${routed.portal.id}`)
      .set(admin)
      .send({ routing: 'queue', queueId: routedQueue.body.id })
      .expect(200);
    await t.http().put('/api/me/agent-state').set(tech).send({ state: 'available' }).expect(200);
    const offered = nextEvent(techSocket, 'contact.offered');
    const routedChat = await startChat(t, routed.subdomain, visitorWho, `Queued ${PII_TEXT}`);
    await offered;
    expect((await ack(techSocket, 'contact.accept', { conversationId: routedChat.conversationId })).ok).toBe(true);
    await t.http().post(`/api/conversations/${routedChat.conversationId}/end`).set(tech).expect(200);
    // A second routed chat the technician keeps running: the conference's routes need one.
    const offeredAgain = nextEvent(techSocket, 'contact.offered');
    const runningChat = await startChat(t, routed.subdomain, visitorWho, `Still queued ${PII_TEXT}`);
    await offeredAgain;
    expect((await ack(techSocket, 'contact.accept', { conversationId: runningChat.conversationId })).ok).toBe(true);

    // --- The crawl. Path parameters come from the scenario; a route with none here fails.
    const params: Record<string, string> = {
      '/api/tickets/{number}': `${ticket.number}`,
      '/api/tickets/{number}/summary': `${ticket.number}`,
      '/api/tickets/{number}/comments': `${ticket.number}`,
      '/api/tickets/{number}/activity': `${ticket.number}`,
      '/api/tickets/{number}/comments/{id}/original': `${opened.ticketNumber}/comments/${emailComments[0]?.id}`,
      '/api/quick-replies/{id}': quickReply.id,
      '/api/automation-rules/{id}': '',
      '/api/email-templates/{event}': '',
      '/api/cases/{id}': chat.caseId,
      '/api/cases/{id}/messages': chat.caseId,
      '/api/cases/{id}/transcript': chat.caseId,
      '/api/cases/{id}/recordings': chat.caseId,
      '/api/portals/{id}': '',
      '/api/portals/{id}/embed': '',
      '/api/agent-chats/{id}': agentChatId,
      '/api/agent-chats/{id}/messages': agentChatId,
      '/api/agent-chats/{id}/earlier': ticketChatId,
      '/api/agent-chats/{id}/files/{fileId}': `${agentChatId}/files/${chatFileId}`,
      '/api/companies/{id}': company.id,
      '/api/contacts/{id}': contact.id,
      '/api/contacts/{id}/overview': contact.id,
      '/api/accounts/{id}': t.technician.id,
      '/api/devices/{id}': device.id,
      '/api/files/{id}': attachment.id,
      '/api/files/{id}/content': attachment.id,
      '/api/settings/{key}': 'masking.mode',
      '/api/plugins/{id}': 'pii-recorder',
      '/api/queues/{id}': String(queue.body.id),
      '/api/conversations/{id}/routing': routedChat.conversationId,
      '/api/conversations/{id}/conference-targets': runningChat.conversationId,
      '/api/conversations/{id}/transfer-targets': runningChat.conversationId,
      '/api/channel-instances/{id}': String(channelInstance.body?.id ?? ''),
    };
    const queries: Record<string, string> = {
      '/api/tickets/defaults': `?companyId=${company.id}`,
      '/api/cases/{id}/transcript': '?format=text',
      // #20: the scenario's ticket, comments and contacts all hold "mail": hits show them masked.
      '/api/search': '?q=mail&limit=20',
    };
    /** First item of a list route, for the ids the scenario does not hold itself. */
    const firstId = async (list: string, key = 'id'): Promise<string> => {
      const body = (await t.http().get(list).set(admin)).body as unknown;
      const items = Array.isArray(body) ? body : ((body as { items?: unknown[] })?.items ?? []);
      return String((items[0] as Record<string, unknown> | undefined)?.[key] ?? '');
    };
    const lists: Record<string, [string, string?]> = {
      '/api/automation-rules/{id}': ['/api/automation-rules'],
      '/api/email-templates/{event}': ['/api/email-templates', 'event'],
      '/api/portals/{id}': ['/api/portals'],
      '/api/portals/{id}/embed': ['/api/portals'],
      '/api/channel-instances/{id}': ['/api/channel-instances'],
    };
    const urlOf = async (route: string): Promise<string | null> => {
      if (!route.includes('{')) return route + (queries[route] ?? '');
      if (!(route in params)) return null;
      let value = params[route];
      if (!value && lists[route]) value = await firstId(...lists[route]);
      if (!value || value.includes('undefined')) return null;
      const prefix = route.slice(0, route.indexOf('{'));
      const suffix = route.slice(route.lastIndexOf('}') + 1);
      return (
        `${prefix}${value}${route.endsWith('/comments/{id}/original') ? '/original' : suffix}` + (queries[route] ?? '')
      );
    };

    const routes = getRoutes(t).filter(
      (r) => ![...END_USER_PREFIXES, ...DOCS_PREFIXES].some((p) => r.startsWith(p)) && r.startsWith('/'),
    );
    const crawled: { route: string; who: string; status: number; masked: boolean }[] = [];
    const failures: string[] = [];
    for (const route of routes) {
      if (route.includes('*')) continue; // the web app's catch-all (static files)
      const url = await urlOf(route);
      if (!url) {
        failures.push(`${route}: no scenario data for its parameters (add it to the scenario, or to NO_PII_ROUTES)`);
        continue;
      }
      for (const [who, token] of [
        ['technician', t.technicianToken],
        ['admin', t.adminToken],
      ] as const) {
        const res = await t
          .http()
          .get(url)
          .set(bearer(token))
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        const text = (res.body as Buffer).toString('utf8');
        // A download's file name is data too (percent-encoded in filename*).
        const disposition = decodeURIComponent(String(res.headers['content-disposition'] ?? ''));
        crawled.push({ route, who, status: res.status, masked: showsMaskedPii(text) });
        if (route in UNMASKED_ROUTES) continue;
        const found = leaks(text + disposition);
        if (found.length) failures.push(`${who} GET ${url} leaks ${found.join(', ')}`);
      }
      const seen = crawled.filter((c) => c.route === route);
      if (!seen.some((c) => c.status === 200))
        failures.push(`${route}: no 200 in the crawl (${seen.map((c) => `${c.who} ${c.status}`).join(', ')})`);
      else if (
        !(route in NO_PII_ROUTES) &&
        !(route in UNMASKED_ROUTES) &&
        !seen.some((c) => c.status === 200 && c.masked)
      )
        failures.push(`${route}: answered without any (masked) PII: the crawl did not reach its data`);
    }
    for (const r of received) {
      const found = leaks(r.payload);
      if (found.length) failures.push(`${r.who} socket event ${r.event} leaks ${found.join(', ')}`);
    }
    // Every event technicians can receive was seen carrying masked PII, unless it carries none.
    for (const event of Object.values(ServerEvents)) {
      if (event in NO_PII_EVENTS || OTHER_NAMESPACE_EVENTS.has(event)) continue;
      const hits = received.filter((r) => r.event === event);
      if (!hits.length) failures.push(`socket event ${event}: never emitted in the scenario`);
      else if (!hits.some((r) => showsMaskedPii(JSON.stringify(r.payload))))
        failures.push(`socket event ${event}: never carried (masked) PII in the scenario`);
    }
    expect(failures).toEqual([]);

    // The reveal route is a reveal: technicians without pii.reveal get 403, admins the raw original.
    const original = crawled.filter((c) => c.route === '/api/tickets/{number}/comments/{id}/original');
    expect(original.map((c) => [c.who, c.status])).toEqual([
      ['technician', 403],
      ['admin', 200],
    ]);
    // The router is the source: every GET of the OpenAPI document was among the crawled routes.
    const doc = (await t.http().get('/api/docs-json').set(admin).expect(200)).body as {
      paths: Record<string, { get?: unknown }>;
    };
    const documented = Object.keys(doc.paths).filter(
      (p) => doc.paths[p].get && !END_USER_PREFIXES.some((e) => p.startsWith(e)),
    );
    expect(documented.filter((p) => !routes.includes(p))).toEqual([]);
    expect(crawled.length).toBeGreaterThanOrEqual(2 * documented.length);
    // Every listed route still exists (a rename must update the lists).
    for (const route of [...Object.keys(NO_PII_ROUTES), ...Object.keys(UNMASKED_ROUTES)])
      expect([route, routes.includes(route)]).toEqual([route, true]);
    expect(received.some((r) => JSON.stringify(r.payload).includes(MASKED_TEXT))).toBe(true);
    // The join acks carried the conversations' history (masked, checked with the events above).
    expect(showsMaskedPii(JSON.stringify(caseJoin))).toBe(true);
  });
});
