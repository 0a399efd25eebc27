import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { newId } from '../ids/id.js';
import { mailDomain, newMessageId } from './mail-address.js';
import { MailPort } from './mail.port.js';
import { MailTransportRegistry } from './mail-transport.registry.js';
import type { OutboundMail, SentMail } from './outbound-mail.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

/**
 * Default MailPort: records every message in outbox_messages, then hands it to the registered
 * transport if there is one. A failing transport is logged; the record stays (a later retry
 * sweep can use it).
 */
@Injectable()
export class OutboxMailPort extends MailPort {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transports: MailTransportRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async send(message: OutboundMail): Promise<SentMail> {
    const headers = { ...message.headers };
    headers['Message-ID'] ??= newMessageId(mailDomain(this.config.mailFrom));
    const transport = this.transports.current;
    const record = Object.assign(new OutboxMessageEntity(), {
      id: newId(),
      to: message.to,
      cc: message.cc,
      subject: message.subject.slice(0, 1000),
      text: message.text,
      html: message.html,
      headers,
      messageId: headers['Message-ID'].slice(0, 300),
      ticketId: message.ticketId ?? null,
      transport: transport?.name ?? null,
      createdAt: this.clock.now(),
    });
    await this.outbox.insert(record);
    if (transport) {
      try {
        await transport.deliver({ ...message, headers, from: this.config.mailFrom });
      } catch (error) {
        this.logger.error({ err: error, messageId: record.messageId }, `Mail transport ${transport.name} failed`);
      }
    }
    return { messageId: headers['Message-ID'] };
  }
}
