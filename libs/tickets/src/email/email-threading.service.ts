import { Injectable } from '@nestjs/common';
import {
  AccountService,
  activeAccount,
  addressOf,
  AppConfig,
  ContactService,
  mailDomain,
  type Sender,
} from '@switchboard/core';
import { OutboxService } from '@switchboard/notify';
import type { InboundMessage, ReturnedMessage } from '@switchboard/plugin-sdk';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { subjectTicketNumbers } from './email-subject-token.js';

export interface ThreadMatch {
  ticket: TicketEntity;
  /** `returned`: a bounce, by the headers or subject of the message it returns. */
  by: 'headers' | 'subject' | 'returned';
}

/** Message-IDs normalised to `<id>` (some clients drop the brackets in References). */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** Who may be matched to a ticket found by a sender-minted Message-ID or a subject token. */
type Allowed = (ticket: TicketEntity) => boolean | Promise<boolean>;

/**
 * Which ticket an inbound mail belongs to, in this order: In-Reply-To/References matching a
 * Message-ID we sent (outbox, technician replies) or received (earlier inbound comments); for a
 * bounce, the same for the message it returns (`returned`); else a subject token (`[#42]`, or
 * one typed: "Ticket 128", "Demande #128", see email-subject-token.ts), accepted only when the
 * sender is the ticket's requester, one of its Cc or a technician (so a stranger cannot write into
 * someone else's ticket); else none (a new ticket). Merged tickets lead to the ticket they were
 * merged into.
 */
@Injectable()
export class EmailThreading {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly comments: TicketCommentRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
  ) {}

  async find(message: InboundMessage, sender: Sender): Promise<ThreadMatch | null> {
    const mayWrite: Allowed = (t) => this.mayWriteInto(t, sender);
    const byHeaders = await this.byIds(headerIds(message.inReplyTo, message.references), mayWrite);
    if (byHeaders) return { ticket: byHeaders, by: 'headers' };
    if (message.automatedKind === 'bounce' && message.returned) {
      const byReturned = await this.byReturned(message.returned);
      if (byReturned) return { ticket: byReturned, by: 'returned' };
    }
    const bySubject = await this.bySubject(message.subject, mayWrite);
    return bySubject ? { ticket: bySubject, by: 'subject' } : null;
  }

  private async byIds(ids: string[], allowed: Allowed): Promise<TicketEntity | null> {
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
      if (id.toLowerCase().endsWith(ours) || (await allowed(target))) return target;
    }
    return null;
  }

  /**
   * A bounce comes from a mailer-daemon, who is no one on any ticket: what names the ticket is the
   * returned message. Its Message-ID/References are matched like a reply's; its subject token, and
   * any sender-minted id, count only when the address that bounced is the ticket's requester or a
   * Cc (so a forged report cannot put lines into someone else's ticket by naming a number).
   */
  private async byReturned(returned: ReturnedMessage): Promise<TicketEntity | null> {
    let recipient: Promise<Sender | null> | undefined;
    const addressed: Allowed = async (t) => {
      recipient ??= this.resolve(returned.recipient);
      const who = await recipient;
      return !!who && this.isOnTicket(t, who);
    };
    const ids = headerIds(returned.inReplyTo, returned.references, returned.messageId);
    return (await this.byIds(ids, addressed)) ?? (await this.bySubject(returned.subject, addressed));
  }

  private async bySubject(subject: string | undefined, allowed: Allowed): Promise<TicketEntity | null> {
    for (const number of subjectTicketNumbers(subject)) {
      const ticket = await this.tickets.findByNumber(number);
      if (!ticket) continue;
      const target = await this.followMerges(ticket);
      if (await allowed(target)) return target;
    }
    return null;
  }

  /**
   * The requester, a Cc'd person (contact or technician), or any technician. Decided from the
   * resolved sender alone: its contacts are every contact with the address, so "the requester's
   * address is the sender's" is "the requester is one of the sender's contacts" (same for the Cc).
   */
  private mayWriteInto(ticket: TicketEntity, sender: Sender): boolean {
    return !!activeAccount(sender) || this.isOnTicket(ticket, sender);
  }

  /** The requester or a Cc'd person (no "any technician" here: used for bounced recipients too). */
  private isOnTicket(ticket: TicketEntity, who: Sender): boolean {
    const ids = new Set(who.contacts.map((c) => c.id));
    if (ticket.requesterId && ids.has(ticket.requesterId)) return true;
    return ticket.cc.some((c) =>
      c.kind === 'contact' ? ids.has(c.id) : c.kind === 'account' && !!who.account && c.id === who.account.id,
    );
  }

  /** A bounced recipient as a Sender (its contacts and account), the way the pipeline resolves a sender. */
  private async resolve(address: string | undefined): Promise<Sender | null> {
    const clean = addressOf(address ?? '')
      .trim()
      .toLowerCase();
    if (!clean.includes('@') || clean.length > 320) return null;
    const [contacts, account] = await Promise.all([
      this.contacts.findAllByEmail(clean),
      this.accounts.findByEmail(clean),
    ]);
    return { address: clean, contacts, account };
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

/** Most recent first: the message's own id (a returned message), In-Reply-To, then References from the end. */
function headerIds(inReplyTo: string | undefined, references: string[] | undefined, own?: string): string[] {
  const ids = [...(own ? [own] : []), ...(inReplyTo ? [inReplyTo] : []), ...[...(references ?? [])].reverse()];
  return [...new Set(ids.filter((id) => id.trim()).map(normaliseMessageId))].slice(0, 50);
}
