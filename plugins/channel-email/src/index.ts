import { definePlugin, type PluginContext } from '@switchboard/plugin-sdk';
import { ImapPoller } from './imap-poller.js';
import { MailDomains } from './mail-domains.js';
import { toInboundMessage } from './mime-message.js';
import { SmtpListener } from './smtp-listener.js';
import { SmtpTransport } from './smtp-transport.js';
import { rawMessageOf, verifyWebhook } from './webhook-auth.js';

/** What one activation runs (a context is one activation: the host makes a new one on each enable). */
interface Running {
  listener: SmtpListener | null;
  poller: ImapPoller | null;
  transport: SmtpTransport | null;
}
const running = new WeakMap<PluginContext, Running>();

const setting = <T extends string | number | boolean>(ctx: PluginContext, key: string, fallback: T): T =>
  ctx.settings.get<T>(key) ?? fallback;
const domainsOf = (ctx: PluginContext) =>
  new MailDomains(setting(ctx, 'mailDomains', ''), setting(ctx, 'mailFrom', ''));

function transportOf(ctx: PluginContext): SmtpTransport | null {
  const state = running.get(ctx);
  if (state?.transport) return state.transport;
  const relay = setting(ctx, 'relayUrl', '');
  return relay
    ? new SmtpTransport(relay, {
        rejectUnauthorized: setting(ctx, 'relayTlsVerify', true),
        assertConnect: (host, port) => ctx.net.assertConnect(host, port),
      })
    : null;
}

/**
 * The email channel. Inbound, three ways into the core's pipeline: the SMTP listener this plugin
 * runs, `POST /hooks/:instanceId` (the core calls verify/parse), and an IMAP mailbox it polls.
 * It parses MIME, extracts the reply text, and classifies auto-replies and bounces. The core's
 * pipeline (`ChannelInboundService.receive`) does de-duplication by Message-ID, the loop guard, the
 * per-sender rate limit and identity (the sender resolved once); the tickets lib, registered as the
 * `email` destination, does the size check, threading and storage. Outbound, it fills the core's `mailTransport`
 * extension point with SMTP delivery (the core keeps the outbox, retries, templates, headers).
 */
export default definePlugin({
  manifest: {
    id: 'channel-email',
    version: '1.0.0',
    apiVersion: '^1.3.0',
    kind: 'channel',
    name: 'Email',
    description:
      'End users open and answer tickets by email (SMTP listener, inbound webhook, IMAP polling; SMTP delivery).',
    // net:listen for the SMTP listener, net:connect for the relay and the mailbox (hosts the admin sets).
    permissions: ['channel.ingest', 'mail.transport', 'net:listen', 'net:connect'],
    settings: [
      {
        key: 'smtpPort',
        type: 'number',
        label: 'Inbound SMTP port (0 turns the listener off)',
        min: 0,
        max: 65535,
        default: 2525,
        env: 'SWITCHBOARD_SMTP_PORT',
      },
      {
        key: 'smtpHost',
        type: 'string',
        label: 'Inbound SMTP listen address',
        default: '0.0.0.0',
        env: 'SWITCHBOARD_SMTP_HOST',
      },
      {
        key: 'mailDomains',
        type: 'string',
        label: 'Helpdesk domains or addresses accepted inbound (comma-separated; empty: the sender address domain)',
        max: 2000,
        env: 'SWITCHBOARD_MAIL_DOMAINS',
      },
      {
        key: 'mailFrom',
        type: 'string',
        label: 'Helpdesk address (sender of outbound mail)',
        default: 'Switchboard <helpdesk@switchboard.local>',
        max: 320,
        env: 'SWITCHBOARD_MAIL_FROM',
      },
      {
        key: 'tlsCert',
        type: 'string',
        label: 'Certificate file (PEM) for STARTTLS on the listener',
        max: 1000,
        env: 'SWITCHBOARD_SMTP_TLS_CERT',
      },
      {
        key: 'tlsKey',
        type: 'string',
        label: 'Private key file (PEM) for STARTTLS on the listener',
        max: 1000,
        env: 'SWITCHBOARD_SMTP_TLS_KEY',
      },
      {
        key: 'relayUrl',
        type: 'secret',
        label: 'Outbound SMTP relay (smtp://user:pass@host:587 or smtps://…:465; empty: outbox only)',
        pattern: 'smtps?://.+',
        env: 'SWITCHBOARD_SMTP_RELAY',
      },
      { key: 'relayTlsVerify', type: 'boolean', label: "Verify the relay's TLS certificate", default: true },
      {
        key: 'imapUrl',
        type: 'secret',
        label: 'Mailbox to poll (imap://user:pass@host:143/INBOX or imaps://…:993/INBOX)',
        pattern: 'imaps?://.+',
        env: 'SWITCHBOARD_IMAP_URL',
      },
      {
        key: 'imapPollSeconds',
        type: 'number',
        label: 'Mailbox poll interval (seconds)',
        min: 1,
        max: 3600,
        default: 60,
        env: 'SWITCHBOARD_IMAP_POLL_SECONDS',
      },
    ],
  },

  async onEnable(ctx) {
    const state: Running = { listener: null, poller: null, transport: null };
    running.set(ctx, state);
    const domains = domainsOf(ctx);
    const port = setting(ctx, 'smtpPort', 0);
    if (port > 0) {
      state.listener = new SmtpListener(ctx, {
        host: setting(ctx, 'smtpHost', '0.0.0.0'),
        port,
        domains,
        tlsCert: setting(ctx, 'tlsCert', '') || undefined,
        tlsKey: setting(ctx, 'tlsKey', '') || undefined,
      });
      try {
        await state.listener.start();
      } catch (error) {
        // A missing grant is the admin's decision, not a port clash: refuse the start (shown on the plugin page).
        if ((error as Error).name === 'PluginPermissionError') throw error;
        // Not fatal: outbound delivery, the webhook and the mailbox poller still work. Typical cause:
        // a second instance on the same host (give it SWITCHBOARD_SMTP_PORT=0 or another port).
        ctx.logger.error('The SMTP listener could not start; inbound SMTP is off on this instance', {
          port,
          error: (error as Error).message,
        });
        state.listener = null;
      }
    }
    const imapUrl = setting(ctx, 'imapUrl', '');
    if (imapUrl) {
      state.poller = new ImapPoller(ctx, imapUrl, setting(ctx, 'imapPollSeconds', 60) * 1000, domains);
      state.poller.start();
    }
  },

  register(host, ctx) {
    const state = running.get(ctx);
    const transport = transportOf(ctx);
    if (!transport || !state) {
      ctx.logger.info('No SMTP relay configured: outbound mail stays in the outbox');
      return;
    }
    state.transport = transport;
    host.provide('mailTransport', { deliver: async (mail) => void (await transport.deliver(mail)) });
  },

  async onDisable(ctx) {
    const state = running.get(ctx);
    running.delete(ctx);
    await state?.poller?.stop();
    await state?.listener?.stop();
    state?.transport?.close();
  },

  channel: {
    type: 'email',
    capabilities: {
      attachments: true,
      maxLength: null,
      typing: false,
      html: true,
      threading: true,
      transport: 'plugin',
    },
    instanceConfig: [
      {
        key: 'secret',
        type: 'secret',
        label: 'Webhook secret (HMAC-SHA256 key, or the shared secret the provider sends)',
        required: true,
        min: 16,
        max: 200,
      },
    ],
    verify: (req, instance) => verifyWebhook(req, String(instance.config.secret ?? '')),
    async parse(req, _instance, ctx) {
      const message = await toInboundMessage(rawMessageOf(req), []);
      const domains = domainsOf(ctx);
      message.recipients = [...(message.to ?? []), ...(message.cc ?? [])]
        .map((a) => a.address)
        .filter((a) => domains.accepts(a));
      return [message];
    },
    /** Direct delivery (the core normally goes through the mailTransport extension point). */
    async send(message, address, _instance, ctx) {
      const transport = transportOf(ctx);
      if (!transport) throw new Error('No SMTP relay is configured (setting relayUrl / SWITCHBOARD_SMTP_RELAY)');
      const headers: Record<string, string> = {};
      if (message.inReplyTo) headers['In-Reply-To'] = message.inReplyTo;
      if (message.references?.length) headers['References'] = message.references.join(' ');
      const from = setting(ctx, 'mailFrom', 'Switchboard <helpdesk@switchboard.local>');
      const result = await transport.deliver({
        id: message.id,
        from,
        to: [address.address],
        cc: [],
        subject: message.subject ?? '',
        text: message.text,
        html: message.html ?? '',
        headers,
        attachments: message.attachments,
      });
      return { externalId: result.messageId };
    },
  },
});
