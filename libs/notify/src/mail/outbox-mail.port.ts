import { Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  AppConfig,
  DomainError,
  newId,
  mailDomain,
  newMessageId,
  MailTransportRegistry,
  type OutboundMail,
  type SentMail,
} from '@switchboard/core';
import { MailDelivery, mailSize, MAX_MAIL_BYTES } from './mail-delivery.service.js';
import { MailPort } from './mail.port.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

/**
 * Default MailPort: records every message in outbox_messages, then hands it to the registered
 * transport if there is one, in the background (MailDelivery: failures retried with backoff, then `failed`).
 * Without a transport the record is the only delivery (`recorded`).
 */
@Injectable()
export class OutboxMailPort extends MailPort {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transports: MailTransportRegistry,
    private readonly delivery: MailDelivery,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async send(message: OutboundMail): Promise<SentMail> {
    const headers = { ...message.headers };
    headers['Message-ID'] ??= newMessageId(mailDomain(this.config.mailFrom));
    const transport = this.transports.current;
    const size = mailSize({ ...message, headers });
    const tooLarge = size > MAX_MAIL_BYTES;
    const record = Object.assign(new OutboxMessageEntity(), {
      id: newId(),
      to: message.to,
      cc: message.cc,
      subject: message.subject.slice(0, 1000),
      // A refused mail is recorded for the admins, not kept whole.
      text: tooLarge ? `${message.text.slice(0, 65_535)}…` : message.text,
      html: tooLarge ? '' : message.html,
      headers,
      messageId: headers['Message-ID'].slice(0, 300),
      ticketId: message.ticketId ?? null,
      transport: transport?.name ?? null,
      status: tooLarge ? 'failed' : transport ? 'queued' : 'recorded',
      attempts: 0,
      lastError: tooLarge ? `message is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB` : null,
      nextAttemptAt: null,
      sentAt: null,
      attachments: message.attachments?.length ? message.attachments : null,
      createdAt: this.clock.now(),
    });
    // Every column is set above: no reload of defaults (a SELECT after the INSERT on SQLite).
    await this.outbox.insertWithoutReload(record);
    if (tooLarge) {
      this.logger.warn({ messageId: record.messageId, size }, 'Refused to send a mail over 20 MB');
      throw new DomainError(
        'MAIL_TOO_LARGE',
        `The mail is ${(size / 1024 / 1024).toFixed(1)} MB with its attachments; at most 20 MB can be sent`,
        413,
        { size },
      );
    }
    if (!transport) return { messageId: headers['Message-ID'], status: 'recorded' };
    await this.delivery.enqueue(record);
    return { messageId: headers['Message-ID'], status: 'queued' };
  }
}
