import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { conversationsWithoutDeadline } from '../foundation/timers-invariant.js';
import {
  ack,
  AgentProcess,
  bearer,
  cleanupDirs,
  createAgentChatApp,
  enrolAgent,
  removeDirs,
  seedDevice,
} from './agent-chat.helpers.js';

const MINUTE = 60_000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows program (MZ header) renamed to look like a PDF. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

async function until<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('agent chat timers, automatic ticket and files', () => {
  let t: TestApp;
  let tech: Socket;
  const agents: AgentProcess[] = [];
  let files: string;

  beforeAll(async () => {
    t = await createAgentChatApp();
    tech = await t.socket('/agent', { token: t.technicianToken });
    files = mkdtempSync(join(tmpdir(), 'sb-files-'));
    cleanupDirs.push(files);
    writeFileSync(join(files, 'report.pdf'), PDF);
    writeFileSync(join(files, 'invoice.pdf'), EXE);
    writeFileSync(join(files, 'notes.txt'), 'plain text');
    writeFileSync(join(files, 'big.pdf'), Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]));
  });
  afterEach(() => agents.splice(0).forEach((a) => a.kill()));
  afterAll(async () => {
    tech?.close();
    await t?.close();
    removeDirs();
  });

  /** A technician-initiated chat accepted on the real agent (started in the files' directory for /send). */
  async function activeChat() {
    const seeded = await seedDevice(t);
    const dir = await enrolAgent(t, seeded.device.id);
    cleanupDirs.push(dir);
    const agent = new AgentProcess(['start'], dir, files);
    agents.push(agent);
    await agent.waitFor('connected');
    const chat = (
      await t
        .http()
        .post('/api/agent-chats')
        .set(bearer(t.technicianToken))
        .send({ deviceId: seeded.device.id })
        .expect(201)
    ).body.chat;
    await ack(tech, 'conversation.join', { conversationId: chat.id });
    await agent.answer('accept', 'y');
    await agent.waitFor('started');
    // Enrolment rotated the device token: the agent's is in its config file.
    const token = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).token as string;
    return { ...seeded, token, agent, chat };
  }
  const getChat = async (id: string) =>
    (await t.http().get(`/api/agent-chats/${id}`).set(bearer(t.technicianToken)).expect(200)).body;

  it('ends a chat after 5 minutes without messages; both sides are told why', async () => {
    const { agent, chat } = await activeChat();
    t.clock.advance(4 * MINUTE);
    await t.runDueTimers();
    agent.type('still there?');
    await agent.waitFor('sent');
    t.clock.advance(4 * MINUTE);
    await t.runDueTimers();
    // The last message was 4 minutes ago: the idle timer moved instead of ending the chat.
    expect((await getChat(chat.id)).status).toBe('active');
    const ended = new Promise<any>((resolve) =>
      tech.on('agent-chat.updated', (p: any) => p.chat.id === chat.id && p.chat.status === 'ended' && resolve(p)),
    );
    t.clock.advance(MINUTE + 1000);
    await t.runDueTimers();
    expect((await ended).chat.endedReason).toBe('idle');
    const atAgent = await agent.waitFor('ended');
    expect(atAgent).toMatchObject({ reason: 'idle', text: 'The chat was ended after 5 minutes without messages.' });
    const messages = (
      await t.http().get(`/api/agent-chats/${chat.id}/messages`).set(bearer(t.technicianToken)).expect(200)
    ).body.items;
    expect(messages[messages.length - 1]).toMatchObject({
      kind: 'system',
      body: 'The chat was ended after 5 minutes without messages.',
    });
    // The agent in `start` mode keeps running and can be asked again.
    expect(agent.events.some((e) => e.type === 'disconnected')).toBe(false);
  });

  it("titles the automatic ticket and writes the chat's lines in a French company's language (#16)", async () => {
    const { agent, chat, company } = await activeChat();
    await t
      .http()
      .put('/api/settings/locale.default')
      .set(bearer(t.adminToken))
      .send({ value: 'fr', companyId: company.id })
      .expect(200);
    agent.type('ma boîte mail est pleine');
    await agent.waitFor('sent');
    t.clock.advance(2 * MINUTE);
    await t.runDueTimers();
    await eventually(async () => expect((await getChat(chat.id)).ticket).not.toBeNull());
    const { ticket } = await getChat(chat.id);
    expect(ticket.title).toBe('Nouveau ticket ouvert depuis le chat');
    const messages = (
      await t.http().get(`/api/agent-chats/${chat.id}/messages`).set(bearer(t.technicianToken)).expect(200)
    ).body.items as { kind: string; body: string }[];
    expect(messages.filter((m) => m.kind === 'system').map((m) => m.body)).toContain(
      `Le ticket n° ${ticket.number} a été ouvert pour ce chat`,
    );
  });

  it('opens a ticket after 2 minutes with the transcript, adds later messages, and prompts a rename at the end', async () => {
    const { agent, chat, contact } = await activeChat();
    agent.type('my mailbox is full');
    await agent.waitFor('sent');
    await ack(tech, 'conversation.send', { conversationId: chat.id, clientId: 'c1', body: 'Let me look' });
    t.clock.advance(2 * MINUTE - 1000);
    await t.runDueTimers();
    expect((await getChat(chat.id)).ticket).toBeNull();
    t.clock.advance(1000);
    const updated = new Promise<any>((resolve) =>
      tech.on('agent-chat.updated', (p: any) => p.chat.id === chat.id && p.chat.ticket && resolve(p)),
    );
    await t.runDueTimers();
    const withTicket = (await updated).chat;
    expect(withTicket.ticket).toMatchObject({ title: 'New ticket opened from chat', auto: true });
    const number = withTicket.ticket.number;
    const ticket = (await t.http().get(`/api/tickets/${number}`).set(bearer(t.technicianToken)).expect(200)).body;
    expect(ticket).toMatchObject({
      title: 'New ticket opened from chat',
      source: 'chat',
      requester: { id: contact.id },
      assignee: { name: 'Test Technician' },
    });
    expect(ticket.description).toContain('my mailbox is full');
    expect(ticket.description).toContain('Test Technician: Let me look');
    await agent.waitFor(
      'message',
      (e) => e.kind === 'system' && e.body === `Ticket #${number} was opened for this chat`,
    );
    // Later messages follow on the ticket.
    agent.type('it says 50 GB');
    const comment = await until(async () => {
      const items = (await t.http().get(`/api/tickets/${number}/comments`).set(bearer(t.technicianToken)).expect(200))
        .body.items;
      return items.find((c: any) => c.body === 'it says 50 GB');
    });
    expect(comment).toMatchObject({ source: 'chat', visibility: 'public', author: { kind: 'contact' } });
    // At the end the technician gets the chat with its automatic ticket (the UI prompts to rename it); renaming is the ticket API.
    const ended = new Promise<any>((resolve) =>
      tech.on('agent-chat.updated', (p: any) => p.chat.id === chat.id && p.chat.status === 'ended' && resolve(p)),
    );
    await t.http().post(`/api/agent-chats/${chat.id}/end`).set(bearer(t.technicianToken)).expect(200);
    expect((await ended).chat).toMatchObject({ endedReason: 'ended_by_technician', ticket: { number, auto: true } });
    await t
      .http()
      .patch(`/api/tickets/${number}`)
      .set(bearer(t.technicianToken))
      .send({ title: 'Mailbox full (50 GB)' })
      .expect(200);
    expect((await getChat(chat.id)).ticket.number).toBe(number);
    await agent.waitFor('ended', (e) => e.reason === 'ended_by_technician');
    // Only one ticket even if the timer row were run again.
    await t.runDueTimers();
    const mine = (await t.http().get(`/api/tickets?requester=${contact.id}`).set(bearer(t.technicianToken)).expect(200))
      .body.items;
    expect(mine).toHaveLength(1);
  });

  it('files: a PDF goes both ways and lands on the ticket; spoofed types, other types and 20 MB + 1 byte are refused clearly', async () => {
    const { agent, chat, token } = await activeChat();
    const atTech = new Promise<any>((resolve) =>
      tech.on(
        'conversation.message',
        (p: any) => p.conversationId === chat.id && p.message.kind === 'file' && resolve(p),
      ),
    );
    agent.type('/send report.pdf');
    const sent = await agent.waitFor('file-sent');
    const message = (await atTech).message;
    expect(message).toMatchObject({
      kind: 'file',
      body: 'report.pdf',
      file: { fileId: sent.fileId, name: 'report.pdf', size: PDF.length, contentType: 'application/pdf' },
    });
    const download = await t
      .http()
      .get(`/api/agent-chats/${chat.id}/files/${sent.fileId}`)
      .set(bearer(t.technicianToken))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-disposition']).toContain('attachment');

    agent.type('/send invoice.pdf');
    const spoofed = await agent.waitFor('error', (e) => e.code === 'UNSUPPORTED_FILE_TYPE');
    expect(spoofed.message).toBe(
      '"invoice.pdf" cannot be sent: it is named like a PDF file but its content is EXE (application/x-msdownload)',
    );
    agent.type('/send notes.txt');
    expect((await agent.waitFor('error', (e) => e.message.includes('notes.txt'))).message).toBe(
      '"notes.txt" cannot be sent: only PDF, MP3, MP4, Word (.doc, .docx), Excel (.xls, .xlsx) and MSI files are allowed',
    );
    agent.type('/send big.pdf');
    expect(await agent.waitFor('error', (e) => e.code === 'PAYLOAD_TOO_LARGE')).toMatchObject({
      status: 413,
      message: '"big.pdf" is too large: files may be at most 20 MB',
    });

    // The technician sends one too (REST upload); the agent shows it and can save it.
    const up = await t
      .http()
      .post(`/api/agent-chats/${chat.id}/files`)
      .set(bearer(t.technicianToken))
      .attach('file', PDF, 'fix-steps.pdf')
      .expect(201);
    expect(up.body.message).toMatchObject({ kind: 'file', file: { name: 'fix-steps.pdf' } });
    await agent.waitFor('message', (e) => e.kind === 'file' && e.file.name === 'fix-steps.pdf');
    const refused = await t
      .http()
      .post(`/api/agent-chats/${chat.id}/files`)
      .set(bearer(t.technicianToken))
      .attach('file', EXE, 'setup.msi')
      .expect(415);
    expect(refused.body.message).toBe(
      '"setup.msi" cannot be sent: it is named like a MSI file but its content is EXE (application/x-msdownload)',
    );
    // A CFB container named .msi is accepted (Windows Installer packages are OLE compound files).
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await t
      .http()
      .post(`/api/agent-chats/${chat.id}/files`)
      .set(bearer(t.technicianToken))
      .attach('file', cfb, 'tool.msi')
      .expect(201);
    // Served only to the chat's participants: the device over its token, not another device.
    await t
      .http()
      .get(`/api/device/chats/${chat.id}/files/${sent.fileId}`)
      .set('Authorization', `Device ${token}`)
      .expect(200);
    const other = await seedDevice(t);
    await t
      .http()
      .get(`/api/device/chats/${chat.id}/files/${sent.fileId}`)
      .set('Authorization', `Device ${other.token}`)
      .expect(404);
    // A file id from another chat is not reachable through this chat.
    await t
      .http()
      .get(`/api/agent-chats/${chat.id}/files/00000000-0000-4000-8000-000000000000`)
      .set(bearer(t.technicianToken))
      .expect(404);

    // Two minutes in, the ticket is created; the files are attached to it.
    t.clock.advance(2 * MINUTE);
    await t.runDueTimers();
    const number = (await getChat(chat.id)).ticket.number;
    agent.type('/send report.pdf');
    await agent.waitFor('file-sent', (e) => e.fileId !== sent.fileId);
    const attached = await until(async () => {
      const items = (await t.http().get(`/api/tickets/${number}/comments`).set(bearer(t.technicianToken)).expect(200))
        .body.items;
      return items.find((c: any) => c.attachments?.length);
    });
    expect(attached.attachments[0]).toMatchObject({
      name: 'report.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
    });
  });
  it('leaves no waiting or active chat without its deadline row (after all the flows above)', async () => {
    expect(await conversationsWithoutDeadline(t.get(DataSource))).toEqual([]);
  });
});
