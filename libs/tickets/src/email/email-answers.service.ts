import { Injectable, Logger } from '@nestjs/common';
import { SettingsService } from '@switchboard/core';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import type { ContactView } from '@switchboard/core';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketMailer, type MailThread } from '../services/ticket-mailer.service.js';
import { normaliseMessageId } from './email-threading.service.js';

export interface PendingAcknowledgement {
  /** In the transaction, on the locked ticket. */
  reserve(ticket: TicketEntity): void;
  /** After the commit; `requester`: the requester as the caller holds it now (else read). */
  send(requester?: ContactView): Promise<void>;
}

/** The automatic mails the email channel answers with: the acknowledgement of a new ticket, the rejection of a stranger. */
@Injectable()
export class EmailAnswers {
  private readonly logger = new Logger('EmailIngest');

  constructor(
    private readonly mailer: TicketMailer,
    private readonly settings: SettingsService,
  ) {}

  /** Best effort: the ticket exists either way. */
  async acknowledge(ticketNumber: number): Promise<void> {
    if (!(await this.settings.get('email.acknowledge'))) return;
    await this.mailer
      .sendAutomatic(ticketNumber, 'ticket.acknowledgement')
      .catch((error: unknown) =>
        this.logger.error({ err: error, ticket: ticketNumber }, 'Sending the acknowledgement failed'),
      );
  }

  /**
   * The acknowledgement of a new ticket in two steps, null when the setting is off: `reserve` in
   * the transaction that stores the opening mail (its Message-ID chain saved with it, no second
   * lock), `send` after the commit. Same mail and thread as `acknowledge`, two statements fewer.
   */
  async acknowledgement(): Promise<PendingAcknowledgement | null> {
    if (!(await this.settings.get('email.acknowledge'))) return null;
    let reserved: { ticket: TicketEntity; thread: MailThread } | null = null;
    return {
      reserve: (ticket) => void (reserved = { ticket, thread: this.mailer.reserve(ticket) }),
      send: async (requester) => {
        if (!reserved) return;
        const { ticket, thread } = reserved;
        await this.mailer
          .sendReserved(ticket, thread, 'ticket.acknowledgement', {}, requester)
          .catch((error: unknown) =>
            this.logger.error({ err: error, ticket: ticket.number }, 'Sending the acknowledgement failed'),
          );
      },
    };
  }

  async reject(m: InboundMessage, from: string): Promise<InboundResult> {
    await this.mailer
      .sendRejection(from, m.subject ?? '', normaliseMessageId(m.externalId))
      .catch((error: unknown) => this.logger.error({ err: error }, 'Sending the rejection failed'));
    return { status: 'rejected', reason: 'unknown_sender' };
  }
}
