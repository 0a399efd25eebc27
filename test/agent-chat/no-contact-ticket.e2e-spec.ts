// #15 defect 9: a technician's chat with a device nobody has identified on (no contact) still gets its
// automatic ticket after 2 minutes (no requester, the device's company), the chat says so, and the
// files sent before the ticket are attached to it. Real socket.io clients (device + technician), the
// injectable clock advanced instead of sleeping.
import { eventually, type TestApp } from '@switchboard/testing';
import type { Socket } from 'socket.io-client';
import { ack, bearer, createAgentChatApp, deviceAuth, seedDevice } from './agent-chat.helpers.js';

const MINUTE = 60_000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

describe('agent chat with a device without a contact: the automatic ticket', () => {
  let t: TestApp;
  let tech: Socket;
  beforeAll(async () => {
    t = await createAgentChatApp();
    tech = await t.socket('/agent', { token: t.technicianToken });
  });
  afterAll(async () => {
    tech?.close();
    await t?.close();
  });

  const comments = async (number: number) =>
    (await t.http().get(`/api/tickets/${number}/comments?limit=200`).set(bearer(t.technicianToken)).expect(200)).body
      .items as any[];

  it('opens the ticket without a requester, tells the technician in the chat, and attaches the earlier files', async () => {
    const { device, token, company } = await seedDevice(t, { assigned: false });
    const socket = await t.socket('/device', { token });
    try {
      const requested = new Promise<any>((resolve) => socket.once('chat.requested', resolve));
      const chat = (
        await t.http().post('/api/agent-chats').set(bearer(t.technicianToken)).send({ deviceId: device.id }).expect(201)
      ).body.chat;
      expect(chat.contact.id).toBeNull();
      expect((await requested).chat.id).toBe(chat.id);
      await ack(tech, 'conversation.join', { conversationId: chat.id });
      expect((await ack(socket, 'chat.accept', { conversationId: chat.id })).ok).toBe(true);
      expect(
        (await ack(socket, 'chat.send', { conversationId: chat.id, clientId: 'n1', body: 'my screen flickers' })).ok,
      ).toBe(true);
      // A file each way before the ticket exists.
      await t
        .http()
        .post(`/api/device/chats/${chat.id}/files`)
        .set(deviceAuth(token))
        .field('clientId', 'f1')
        .attach('file', PDF, 'dxdiag.pdf')
        .expect(201);
      await t
        .http()
        .post(`/api/agent-chats/${chat.id}/files`)
        .set(bearer(t.technicianToken))
        .attach('file', PDF, 'driver-steps.pdf')
        .expect(201);

      const told = new Promise<any>((resolve) =>
        tech.on(
          'conversation.message',
          (p: any) =>
            p.conversationId === chat.id &&
            p.message.kind === 'system' &&
            /^Ticket #/.test(p.message.body) &&
            resolve(p),
        ),
      );
      const atDevice = new Promise<any>((resolve) =>
        socket.on(
          'conversation.message',
          (p: any) =>
            p.conversationId === chat.id &&
            p.message?.kind === 'system' &&
            /^Ticket #/.test(p.message.body) &&
            resolve(p),
        ),
      );
      t.clock.advance(2 * MINUTE - 1000);
      await t.runDueTimers();
      expect(
        (await t.http().get(`/api/agent-chats/${chat.id}`).set(bearer(t.technicianToken)).expect(200)).body.ticket,
      ).toBeNull();
      t.clock.advance(1000);
      await t.runDueTimers();

      const view = (await t.http().get(`/api/agent-chats/${chat.id}`).set(bearer(t.technicianToken)).expect(200)).body;
      expect(view.ticket).toMatchObject({ auto: true });
      const number = view.ticket.number as number;
      expect((await told).message.body).toBe(
        `Ticket #${number} was opened for this chat without a contact: nobody has confirmed who uses ${device.name}`,
      );
      expect((await atDevice).message.body).toContain(`Ticket #${number} was opened`);

      const ticket = (await t.http().get(`/api/tickets/${number}`).set(bearer(t.technicianToken)).expect(200)).body;
      expect(ticket).toMatchObject({
        source: 'chat',
        requester: null,
        companyId: company.id,
        assignee: { name: 'Test Technician' },
      });
      expect(ticket.description).toContain('my screen flickers');

      // Both earlier files are on the ticket, each once, even after another sweep and a later message.
      await eventually(async () => {
        const files = (await comments(number)).flatMap((c) => c.attachments.map((a: any) => a.name));
        expect(files.sort()).toEqual(['driver-steps.pdf', 'dxdiag.pdf']);
      });
      await t.runDueTimers();
      await ack(socket, 'chat.send', { conversationId: chat.id, clientId: 'n2', body: 'still flickering' });
      await eventually(async () => expect((await comments(number)).map((c) => c.body)).toContain('still flickering'));
      const all = await comments(number);
      expect(all.flatMap((c) => c.attachments.map((a: any) => a.name)).sort()).toEqual([
        'driver-steps.pdf',
        'dxdiag.pdf',
      ]);
      const fromDevice = all.find((c) => c.body === 'still flickering');
      expect(fromDevice.author).toMatchObject({ kind: 'contact', id: null });
      // The files are downloadable from the ticket by the technician.
      const attached = all.find((c) => c.attachments.some((a: any) => a.name === 'dxdiag.pdf')).attachments[0];
      await t.http().get(`/api/files/${attached.id}`).set(bearer(t.technicianToken)).expect(200);
    } finally {
      socket.close();
    }
  });
});
