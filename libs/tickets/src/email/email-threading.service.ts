import { Injectable } from '@nestjs/common';
import { activeAccount, AppConfig, mailDomain, type Sender } from '@switchboard/core';
import { OutboxService } from '@switchboard/notify';
import type { InboundMessage } from '@switchboard/plugin-sdk';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';

export interface ThreadMatch {
  ticket: TicketEntity;
  by: 'headers' | 'subject';
}

/** `[#42]` anywhere in the subject (what our outbound subjects carry). */
const SUBJECT_TOKEN = /\[#(\d{1,9})\]/;

/** Message-IDs normalised to `<id>` (some clients drop the brackets in References). */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/**
 * Which ticket an inbound mail belongs to, in this order: In-Reply-To/References matching a
 * Message-ID we sent (outbox, technician replies) or received (earlier inbound comments); else a
 * `[#42]` subject token, accepted only when the sender is the ticket's requester, one of its Cc
 * or a technician (so a stranger cannot write into someone else's ticket); else none (a new ticket).
 * Merged tickets lead to the ticket they were merged into.
 */
@Injectable()
export class EmailThreading {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly comments: TicketCommentRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async find(message: InboundMessage, sender: Sender): Promise<ThreadMatch | null> {
    const byHeaders = await this.byHeaders(message, sender);
    if (byHeaders) return { ticket: byHeaders, by: 'headers' };
    const bySubject = await this.bySubject(message, sender);
    return bySubject ? { ticket: bySubject, by: 'subject' } : null;
  }

  private async byHeaders(message: InboundMessage, sender: Sender): Promise<TicketEntity | null> {
    // Most recent first: In-Reply-To, then References from the end.
    const ids = [
      ...new Set(
        [...(message.inReplyTo ? [message.inReplyTo] : []), ...[...(message.references ?? [])].reverse()].map(
          normaliseMessageId,
        ),
      ),
    ].slice(0, 50);
    if (!ids.length) return null;
    const [fromComments, fromOutbox] = await Promise.all([
      this.comments.ticketsByMessageIds(ids),
      this.outbox.ticketIdsByMessageIds(ids),
    ]);
    const byId = new Map<string, string>();
    // Tickets the comment lookup already read (joined): no second read for those.
    const read = new Map(fromComments.map((row) => [row.ticket.id, row.ticket]));
    for (const row of [...fromComments.map((r) => ({ messageId: r.messageId, ticketId: r.ticket.id })), ...fromOutbox])
      if (!byId.has(row.messageId)) byId.set(row.messageId, row.ticketId);
    // Our own Message-IDs carry a random UUID: only people who received the mail know them. A
    // matched id minted by a sender (an earlier inbound mail) may be guessable, so it threads only
    // mail from someone who may write into that ticket anyway (same rule as the subject token).
    const ours = `@${mailDomain(this.config.mailFrom)}>`;
    for (const id of ids) {
      const ticketId = byId.get(id);
      if (!ticketId) continue;
      const ticket = read.get(ticketId) ?? (await this.tickets.findById(ticketId));
      if (!ticket) continue;
      const target = await this.followMerges(ticket);
      if (id.toLowerCase().endsWith(ours) || this.mayWriteInto(target, sender)) return target;
    }
    return null;
  }

  private async bySubject(message: InboundMessage, sender: Sender): Promise<TicketEntity | null> {
    const match = SUBJECT_TOKEN.exec(message.subject ?? '');
    if (!match) return null;
    const ticket = await this.tickets.findByNumber(Number(match[1]));
    if (!ticket) return null;
    const target = await this.followMerges(ticket);
    return this.mayWriteInto(target, sender) ? target : null;
  }

  /**
   * The requester, a Cc'd person (contact or technician), or any technician. Decided from the
   * resolved sender alone: its contacts are every contact with the address, so "the requester's
   * address is the sender's" is "the requester is one of the sender's contacts" (same for the Cc).
   */
  private mayWriteInto(ticket: TicketEntity, sender: Sender): boolean {
    if (activeAccount(sender)) return true;
    const ids = new Set(sender.contacts.map((c) => c.id));
    if (ids.has(ticket.requesterId)) return true;
    return ticket.cc.some((c) =>
      c.kind === 'contact' ? ids.has(c.id) : c.kind === 'account' && c.id === sender.account?.id,
    );
  }

  private async followMerges(ticket: TicketEntity): Promise<TicketEntity> {
    let current = ticket;
    for (let i = 0; i < 10 && current.mergedIntoNumber; i++) {
      const next = await this.tickets.findByNumber(current.mergedIntoNumber);
      if (!next) break;
      current = next;
    }
    return current;
  }
}
