import type { ChannelAttachment, OutboundEmail } from '@switchboard/plugin-sdk';
import nodemailer, { type Transporter } from 'nodemailer';
import { MAX_MESSAGE_BYTES } from './mime-message.js';

/** Headers nodemailer sets from its own options (passing them twice would duplicate them). */
const OWN_HEADERS = new Set(['message-id', 'in-reply-to', 'references', 'reply-to', 'from', 'to', 'cc', 'subject']);

/**
 * Outbound SMTP with nodemailer through the relay of `SWITCHBOARD_SMTP_RELAY`
 * (`smtp://user:pass@host:587` with STARTTLS when offered, `smtps://…:465` for implicit TLS).
 * The core decided everything (addresses, texts, threading headers); this only delivers, and
 * throws on failure so the core retries with backoff.
 */
export class SmtpTransport {
  private readonly transporter: Transporter;

  /** `assertConnect` is `ctx.net.assertConnect`: the relay needs the `net:connect` grant (SDK 1.3). */
  constructor(
    relayUrl: string,
    options: { rejectUnauthorized: boolean; assertConnect: (host: string, port: number) => void },
  ) {
    const url = new URL(relayUrl);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      throw new Error('the SMTP relay URL must start with smtp:// or smtps://');
    const port = Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587);
    options.assertConnect(url.hostname, port);
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port,
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      tls: { rejectUnauthorized: options.rejectUnauthorized },
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async deliver(mail: OutboundEmail): Promise<{ messageId: string; response: string }> {
    const size =
      Buffer.byteLength(mail.text) +
      Buffer.byteLength(mail.html) +
      (mail.attachments ?? []).reduce((n, a) => n + Math.ceil(a.size / 3) * 4, 0);
    if (size > MAX_MESSAGE_BYTES)
      throw new Error(`message is ${(size / 1024 / 1024).toFixed(1)} MB; at most 20 MB can be sent`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(mail.headers)) if (!OWN_HEADERS.has(k.toLowerCase())) headers[k] = v;
    const info = await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      cc: mail.cc,
      replyTo: mail.replyTo ?? mail.headers['Reply-To'],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.headers['Message-ID'],
      inReplyTo: mail.headers['In-Reply-To'],
      references: mail.headers['References'],
      headers,
      attachments: (mail.attachments ?? []).map((a: ChannelAttachment) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64 ?? '', 'base64'),
        ...(a.contentId ? { cid: a.contentId } : {}),
      })),
    });
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }

  close(): void {
    this.transporter.close();
  }
}
