import { Injectable } from '@nestjs/common';
import type { Language } from '@switchboard/core';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';

type MailTicket = { number: number; title: string; status: string; previousStatus?: string };

/**
 * The statuses a ticket mail names, in the mail's language (#16): a French mail shows the French
 * label the admin gave a status; otherwise (English, or no French label) the status stays as the
 * mail has always shown it.
 */
@Injectable()
export class StatusMailLabels {
  constructor(private readonly statuses: TicketStatusRepository) {}

  async localize<T extends MailTicket>(ticket: T, language: Language): Promise<T> {
    if (language !== 'fr' || !ticket.status) return ticket;
    const french = new Map((await this.statuses.all()).filter((s) => s.nameFr).map((s) => [s.key, s.nameFr as string]));
    if (!french.size) return ticket;
    return {
      ...ticket,
      status: french.get(ticket.status) ?? ticket.status,
      ...(ticket.previousStatus ? { previousStatus: french.get(ticket.previousStatus) ?? ticket.previousStatus } : {}),
    };
  }
}
