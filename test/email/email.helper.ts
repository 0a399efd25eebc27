import { createServer } from 'node:net';
import { CompanyService, ContactService } from '@switchboard/core';
import { MailDelivery } from '@switchboard/notify';
import { createTestApp, type TestApp, type TestAppOptions } from '@switchboard/testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';

export const EMAIL_PLUGIN = { name: 'plugins/channel-email', enable: true };
export const HELPDESK = 'support@helpdesk.example';
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export { eventually } from '@switchboard/testing';

/** A port nobody listens on right now (the OS picks it; parallel workers never get the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Messages accepted, parsed. */
  received: ParsedMail[];
  /** How many deliveries were refused. */
  refusals: number;
  /** Refuse the next n deliveries (451 temporary failure). */
  refuseNext(n: number): void;
  /** Answer each delivery only after this many milliseconds (a slow relay). */
  delay(ms: number): void;
  close(): Promise<void>;
}

/** The outbound relay in tests: a real SMTP server (smtp-server) that can refuse on demand. */
export async function startSmtpSink(): Promise<SmtpSink> {
  let refuse = 0;
  let delayMs = 0;
  const sink: Partial<SmtpSink> & { received: ParsedMail[]; refusals: number } = { received: [], refusals: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 30 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (refuse > 0) {
          refuse--;
          sink.refusals++;
          return callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
        }
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          sink.received.push(parsed);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(sink, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    refuseNext: (n: number) => void (refuse = n),
    delay: (ms: number) => void (delayMs = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpSink;
}

export interface EmailApp {
  t: TestApp;
  smtpPort: number;
  sink: SmtpSink;
  close(): Promise<void>;
}

/** The real app with the email plugin enabled, its listener on a free port, outbound through a sink. */
export async function bootEmailApp(options: TestAppOptions & { relay?: boolean } = {}): Promise<EmailApp> {
  const sink = await startSmtpSink();
  const smtpPort = await freePort();
  const t = await createTestApp({
    ...options,
    plugins: [EMAIL_PLUGIN, ...(options.plugins ?? [])],
    env: {
      SWITCHBOARD_SMTP_PORT: String(smtpPort),
      SWITCHBOARD_SMTP_HOST: '127.0.0.1',
      SWITCHBOARD_MAIL_DOMAINS: 'helpdesk.example',
      SWITCHBOARD_MAIL_FROM: `Helpdesk <${HELPDESK}>`,
      ...(options.relay === false ? {} : { SWITCHBOARD_SMTP_RELAY: sink.url }),
      ...options.env,
    },
  });
  return {
    t,
    smtpPort,
    sink,
    close: async () => {
      await t.close();
      await sink.close();
    },
  };
}

/** One SMTP session with nodemailer as the client (what a user's mail server does). */
export async function sendMail(port: number, mail: Mail.Options): Promise<{ response: string }> {
  const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await client.sendMail({ to: HELPDESK, ...mail });
    return { response: info.response };
  } finally {
    client.close();
  }
}

/** A raw RFC 822 message (CRLF line ends). */
export const rfc822 = (lines: string[]) => lines.join('\r\n');

let seq = 0;
export async function seedCompany(t: TestApp, domain = `acme${++seq}.example`) {
  const company = await t.get(CompanyService).create({ name: `Acme ${seq} ${Math.random().toString(36).slice(2, 6)}` });
  const contact = await t
    .get(ContactService)
    .create({ companyId: company.id, firstName: 'Melissa', lastName: 'Jones', email: `melissa@${domain}` });
  return { company, contact, domain };
}

export async function ticketsOf(t: TestApp, requesterId: string) {
  const res = await t
    .http()
    .get(`/api/tickets?requester=${requesterId}&sort=number`)
    .set(bearer(t.adminToken))
    .expect(200);
  return res.body.items as Array<{
    number: number;
    title: string;
    description: string;
    status: string;
    source: string;
    cc: Array<{ kind: string; email: string }>;
    requester: { id: string; email: string };
  }>;
}

export async function commentsOf(t: TestApp, number: number) {
  const res = await t.http().get(`/api/tickets/${number}/comments?limit=200`).set(bearer(t.adminToken)).expect(200);
  return res.body.items as Array<{
    id: string;
    body: string;
    truncated: boolean;
    source: string;
    author: { kind: string; name: string };
    hasOriginal: boolean;
    attachments: Array<{
      id: string;
      name: string;
      size: number;
      contentType: string;
      inline?: boolean;
      contentId?: string;
    }>;
  }>;
}

export async function activityOf(t: TestApp, number: number) {
  const res = await t.http().get(`/api/tickets/${number}/activity?limit=200`).set(bearer(t.adminToken)).expect(200);
  return res.body.items as Array<{ action: string; to: Record<string, unknown> | null }>;
}

/** Deliveries run in the background (off the request path): wait for those under way. */
export const settleMail = (t: TestApp) => t.app.get(MailDelivery).settle();

export async function outbox(t: TestApp, query = '') {
  await settleMail(t);
  const res = await t.http().get(`/api/outbox?limit=200${query}`).set(bearer(t.adminToken)).expect(200);
  return res.body.items as Array<{
    id: string;
    to: string[];
    cc: string[];
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    status: string;
    attempts: number;
    lastError: string | null;
    ticketId: string | null;
  }>;
}

/** Deliveries a mail gets before it is `failed` (notify's MAIL_MAX_ATTEMPTS, re-exported for the browser spec). */
export { MAIL_MAX_ATTEMPTS as MAIL_MAX_ATTEMPTS_FOR_UI } from '@switchboard/notify';
