import { readFileSync } from 'node:fs';
import type { InboundResult, PluginContext } from '@switchboard/plugin-sdk';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { MailDomains } from './mail-domains.js';
import { MAX_MESSAGE_BYTES, toInboundMessage } from './mime-message.js';

export interface SmtpListenerOptions {
  host: string;
  port: number;
  domains: MailDomains;
  /** PEM file paths; both set: STARTTLS is offered. */
  tlsCert?: string;
  tlsKey?: string;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound SMTP server (smtp-server): accepts mail only for the helpdesk's addresses (550 at
 * RCPT otherwise), refuses anything over 20 MB with 552 before storing a byte, and hands each
 * message to the core through `ctx.inbound`. A core failure answers 451 so the sender retries;
 * the core's de-duplication by Message-ID makes the retry safe.
 */
export class SmtpListener {
  private server: SMTPServer | null = null;

  constructor(
    private readonly ctx: PluginContext,
    private readonly options: SmtpListenerOptions,
  ) {}

  async start(): Promise<number> {
    const tls =
      this.options.tlsCert && this.options.tlsKey
        ? { key: readFileSync(this.options.tlsKey), cert: readFileSync(this.options.tlsCert) }
        : null;
    const server = new SMTPServer({
      name: 'switchboard',
      banner: 'Switchboard helpdesk',
      size: MAX_MESSAGE_BYTES,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ?? {}),
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.options.domains.accepts(address.address)) return callback();
        callback(
          smtpError(
            550,
            `5.1.1 <${address.address}>: this server accepts mail only for ${this.options.domains.describe()}`,
          ),
        );
      },
      onData: (stream, session, callback) =>
        void this.receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        ),
    });
    server.on('error', (error) => this.ctx.logger.warn('SMTP listener error', { error: error.message }));
    // Through the SDK: refused unless `net:listen` (or `net:listen:<port>`) is granted.
    await this.ctx.net.listen(server, { port: this.options.port, host: this.options.host });
    this.server = server;
    const port = (server.server.address() as { port: number }).port;
    this.ctx.logger.info('SMTP listener started', {
      host: this.options.host,
      port,
      accepts: this.options.domains.describe(),
      starttls: !!tls,
    });
    return port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw smtpError(552, '5.3.4 Message too big: the limit is 20 MB including attachments');
    const recipients = session.envelope.rcptTo.map((r) => r.address);
    let result: InboundResult;
    try {
      result = await this.ctx.inbound.receive(await toInboundMessage(Buffer.concat(chunks), recipients));
    } catch (error) {
      this.ctx.logger.error('Inbound mail could not be processed; asked the sender to retry', {
        error: (error as Error).message,
      });
      throw smtpError(451, '4.3.0 Temporary failure, please retry later');
    }
    if (result.status === 'rejected' && result.reason === 'too_large')
      throw smtpError(552, '5.3.4 Message too big: the limit is 20 MB including attachments');
  }
}
