import { Injectable } from '@nestjs/common';
import type { Language } from '@switchboard/core';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import { BUILT_IN_STATUSES } from '../ticket.types.js';

type MailTicket = { number: number; title: string; status: string; previousStatus?: string };
type StatusRow = { key: string; name: string; nameFr: string | null };

const BUILT_IN = new Map(BUILT_IN_STATUSES.map((s) => [s.key, s]));

/**
 * The label of a status in a mail's language (#16), never its key: English shows the status's name;
 * French its French label, else the built-in French label while the admin kept the built-in English
 * name (a renamed status keeps the name its admin typed). A status no longer stored falls back to
 * its built-in label, the key only for a deleted custom status.
 */
export function statusMailLabel(key: string, row: StatusRow | undefined, language: Language): string {
  const builtIn = BUILT_IN.get(key);
  if (!row) return builtIn ? (language === 'fr' ? builtIn.nameFr : builtIn.name) : key;
  if (language !== 'fr') return row.name;
  if (row.nameFr?.trim()) return row.nameFr;
  return builtIn && row.name === builtIn.name ? builtIn.nameFr : row.name;
}

/** The statuses a ticket mail names, by their labels in the mail's language. */
@Injectable()
export class StatusMailLabels {
  constructor(private readonly statuses: TicketStatusRepository) {}

  async localize<T extends MailTicket>(ticket: T, language: Language): Promise<T> {
    // Mails without a ticket (identity code, sign-in link) have no status to name.
    if (!ticket.status) return ticket;
    const rows = new Map((await this.statuses.all()).map((s) => [s.key, s]));
    const label = (key: string) => statusMailLabel(key, rows.get(key), language);
    return {
      ...ticket,
      status: label(ticket.status),
      ...(ticket.previousStatus ? { previousStatus: label(ticket.previousStatus) } : {}),
    };
  }
}
