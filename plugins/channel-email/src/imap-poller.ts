import type { PluginContext } from '@switchboard/plugin-sdk';
import { ImapFlow } from 'imapflow';
import { toInboundMessage } from './mime-message.js';

/** `imap://user:pass@host:143/INBOX` or `imaps://…:993/Support`. */
export function parseImapUrl(url: string): {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
} {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:')
    throw new Error('the IMAP URL must start with imap:// or imaps://');
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: Number(u.port) || (secure ? 993 : 143),
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * Polls an existing mailbox (a company's support@) with imapflow: every unseen message goes to
 * the core through `ctx.inbound` and is then flagged \Seen, so the mailbox stays usable in a mail
 * client. A message the core could not take stays unseen and is tried again next round; one
 * re-read after a crash is de-duplicated by Message-ID.
 */
export class ImapPoller {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: PluginContext,
    private readonly url: string,
    private readonly intervalMs: number,
    private readonly domains: { accepts(a: string): boolean },
  ) {}

  /** Throws PluginPermissionError (at enable) unless connecting to the mailbox's host is granted. */
  start(): void {
    const cfg = parseImapUrl(this.url);
    this.ctx.net.assertConnect(cfg.host, cfg.port);
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One round; resolves with how many messages were handed over. */
  async pollOnce(): Promise<number> {
    const cfg = parseImapUrl(this.url);
    this.ctx.net.assertConnect(cfg.host, cfg.port);
    const client = new ImapFlow({
      host: cfg.host,
      port: cfg.port,
      secure: cfg.secure,
      auth: { user: cfg.user, pass: cfg.pass },
      logger: false,
    });
    client.on('error', (error: Error) => this.ctx.logger.warn('IMAP connection error', { error: error.message }));
    await client.connect();
    let handed = 0;
    try {
      const lock = await client.getMailboxLock(cfg.mailbox);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          if (this.stopped) break;
          const fetched = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
          if (!fetched || !fetched.source) continue;
          const envelope = fetched.envelope;
          const recipients = [...(envelope?.to ?? []), ...(envelope?.cc ?? [])]
            .map((a) => a.address ?? '')
            .filter((a) => this.domains.accepts(a));
          try {
            await this.ctx.inbound.receive(await toInboundMessage(fetched.source, recipients));
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            handed++;
          } catch (error) {
            this.ctx.logger.warn('A mailbox message could not be processed; it stays unseen', {
              uid,
              error: (error as Error).message,
            });
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return handed;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then((n) => void (n && this.ctx.logger.info('Mailbox polled', { messages: n })))
        .catch((error: Error) => this.ctx.logger.warn('Mailbox poll failed', { error: error.message }))
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref?.();
  }
}
