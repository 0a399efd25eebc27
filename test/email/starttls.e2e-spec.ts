import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { bootEmailApp, type EmailApp, HELPDESK, seedCompany, ticketsOf } from './email.helper';

const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].some((p) => existsSync(p));
if (!OPENSSL)
  console.warn('SKIPPED: openssl is not installed (it makes the test certificate): the STARTTLS e2e test is skipped');

/** STARTTLS on the inbound listener when a certificate is configured (a self-signed one made with openssl). */
(OPENSSL ? describe : describe.skip)('email listener with STARTTLS', () => {
  let dir: string;
  let e: EmailApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=helpdesk.example',
      ],
      { stdio: 'ignore' },
    );
    e = await bootEmailApp({
      env: { SWITCHBOARD_SMTP_TLS_CERT: join(dir, 'cert.pem'), SWITCHBOARD_SMTP_TLS_KEY: join(dir, 'key.pem') },
    });
  });
  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades the session with STARTTLS and accepts the mail', async () => {
    const { contact, domain } = await seedCompany(e.t);
    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: e.smtpPort,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    try {
      await client.sendMail({
        from: `melissa@${domain}`,
        to: HELPDESK,
        subject: 'Over TLS',
        text: 'Encrypted in transit.',
      });
    } finally {
      client.close();
    }
    expect((await ticketsOf(e.t, contact.id)).map((t) => t.title)).toEqual(['Over TLS']);
  });

  it('offers no STARTTLS without a certificate', async () => {
    const plain = await bootEmailApp();
    try {
      const client = nodemailer.createTransport({
        host: '127.0.0.1',
        port: plain.smtpPort,
        secure: false,
        requireTLS: true,
      });
      const error = await client
        .sendMail({ from: 'a@b.example', to: HELPDESK, subject: 'x', text: 'x' })
        .catch((err: unknown) => err);
      client.close();
      expect(String((error as Error).message)).toMatch(/STARTTLS/i);
    } finally {
      await plain.close();
    }
  });
});
