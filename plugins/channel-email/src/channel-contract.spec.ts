import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import type { InboundRequest } from '@switchboard/plugin-sdk';
import { runChannelAdapterContract } from '@switchboard/plugin-sdk/testing';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import plugin from './index';

// The SDK's channel-adapter contract, against real sockets: a relay sink (smtp-server) for send,
// and an SMTP session (nodemailer) against the plugin's own listener for the listener check.

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const delivered: string[] = [];
let sink: SMTPServer;
let sinkPort = 0;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        delivered.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  sinkPort = (sink.server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

const raw = [
  'From: Melissa Jones <melissa@acme.example>',
  'To: support@helpdesk.example',
  'Subject: Printer on fire',
  'Message-ID: <contract-1@acme.example>',
  'Date: Mon, 04 Mar 2024 10:12:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The printer on the third floor smokes.',
  '',
].join('\r\n');
const secret = 'contract-secret-0123456789';
const request = (signature: string): InboundRequest => ({
  method: 'POST',
  path: '/hooks/instance-1',
  headers: { 'content-type': 'message/rfc822', 'x-switchboard-signature': signature },
  query: {},
  body: raw,
  bodyBase64: Buffer.from(raw).toString('base64'),
});

describe('channel-email', () => {
  runChannelAdapterContract(async () => {
    const smtpPort = await freePort();
    return {
      plugin,
      settings: {
        smtpPort,
        smtpHost: '127.0.0.1',
        mailDomains: 'helpdesk.example',
        relayUrl: `smtp://127.0.0.1:${sinkPort}`,
      },
      instanceConfig: { secret },
      address: { address: 'melissa@acme.example' },
      inbound: {
        valid: request(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`),
        forged: request(`sha256=${createHmac('sha256', 'wrong-secret-0123456789').update(raw).digest('hex')}`),
      },
      listener: {
        async deliver() {
          const client = nodemailer.createTransport({
            host: '127.0.0.1',
            port: smtpPort,
            secure: false,
            ignoreTLS: true,
          });
          await client.sendMail({ envelope: { from: 'melissa@acme.example', to: ['support@helpdesk.example'] }, raw });
          client.close();
        },
      },
    };
  });

  it('really delivered through the relay (send)', () => {
    expect(
      delivered.some((m) => m.includes('Hello from the contract suite') && m.includes('To: melissa@acme.example')),
    ).toBe(true);
  });
});
