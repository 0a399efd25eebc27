import { Injectable, Logger } from '@nestjs/common';
import { SettingsService } from '@switchboard/core';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import { TicketMailer } from '../services/ticket-mailer.service.js';
import { normaliseMessageId } from './email-threading.service.js';

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

  async reject(m: InboundMessage, from: string): Promise<InboundResult> {
    await this.mailer
      .sendRejection(from, m.subject ?? '', normaliseMessageId(m.externalId))
      .catch((error: unknown) => this.logger.error({ err: error }, 'Sending the rejection failed'));
    return { status: 'rejected', reason: 'unknown_sender' };
  }
}
