import { Injectable } from '@nestjs/common';
import type { EarlierInTicket, EarlierTicketLine } from '@switchboard/contracts';
import { AccountPrincipal, Clock, newId, PiiMasker } from '@switchboard/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketChatLinkRepository } from '../repositories/ticket-chat-link.repository.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import type { Actor, AttachmentMeta } from '../ticket.types.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';

/** What a chat channel needs to know about a ticket. */
export interface ChatTicketRef {
  id: string;
  number: number;
  title: string;
  companyId: string;
  requesterId: string | null;
}

/** Replies shown above a chat started from a ticket (plus the Request), and the characters kept of each. */
export const EARLIER_REPLIES = 19;
export const EARLIER_LINE_CHARS = 1000;

/** One chat message copied onto a ticket. `key` (the chat message id) makes a re-run idempotent. */
export interface ChatLine {
  key: string;
  author: { kind: 'account' | 'contact' | 'system'; id: string | null; name: string };
  body: string;
  attachments?: AttachmentMeta[];
  at?: Date;
}

/**
 * The tickets side of live chat (agent chat): look a ticket up for a chat, log "chat started",
 * and copy chat messages onto the ticket as public comments with source `chat`. Unlike
 * AddContactCommentService these lines never mail the requester (they were there, live) and run no
 * automation: the chat is the conversation, the ticket keeps its record.
 */
@Injectable()
export class TicketChatLinkService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly comments: TicketCommentRepository,
    private readonly links: TicketChatLinkRepository,
    private readonly finder: TicketFinder,
    private readonly activity: TicketActivityService,
    private readonly work: TicketUnitOfWork,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  /** By number for a technician (404 without access to the company), or unchecked without `me`. */
  async byNumber(number: number, me?: AccountPrincipal): Promise<ChatTicketRef> {
    return toRef(await this.finder.get(number, me));
  }

  async byId(ticketId: string): Promise<ChatTicketRef | null> {
    const t = await this.tickets.findById(ticketId);
    return t ? toRef(t) : null;
  }

  /**
   * The ticket's earlier public conversation for a chat started from it (defect 8): the Request
   * (the description, by `requesterName`) and the latest public replies, oldest first. Never
   * internal notes. Stored as written: each audience masks on the way out.
   */
  async earlierConversation(ticketId: string, requesterName: string): Promise<EarlierInTicket | null> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) return null;
    const latest = (await this.comments.latestPublic(ticket.id, EARLIER_REPLIES + 2)).filter((c) => !c.opening);
    const replies = latest.slice(0, EARLIER_REPLIES).reverse();
    const lines: EarlierTicketLine[] = [];
    if (ticket.description.trim())
      lines.push(line({ kind: 'contact', name: requesterName }, ticket.description, ticket.createdAt));
    for (const c of replies) lines.push(line({ kind: c.authorKind, name: c.authorName }, c.body, c.createdAt));
    return { number: ticket.number, lines, more: latest.length > EARLIER_REPLIES };
  }

  /** "Chat started" in the ticket's activity log (who started it, with whom). */
  async recordChatStarted(
    ticketId: string,
    actor: Actor,
    details: { conversationId: string; with: string },
  ): Promise<void> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) return;
    await this.work.onTicket(ticket.number, undefined, async (set, tx) => {
      this.activity.record(set, actor, 'chat_started', null, details);
      await this.activity.flush(set, tx);
    });
  }

  /** Appends chat lines as public `chat` comments, skipping any already copied. */
  async appendLines(ticketId: string, lines: ChatLine[]): Promise<number> {
    if (!lines.length) return 0;
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) return 0;
    const cs = await this.work.onTicket(ticket.number, undefined, async (set, tx) => {
      const locked = set.ticket;
      const done = await this.links.existingMessageIds(
        locked.id,
        lines.map((l) => chatKey(l.key)),
        tx,
      );
      for (const line of lines) {
        if (done.has(chatKey(line.key))) continue;
        const authorName = this.masker.maskInbound(line.author.name, locked.companyId).slice(0, 200);
        const comment = Object.assign(new TicketCommentEntity(), {
          id: newId(),
          ticketId: locked.id,
          visibility: 'public',
          body: this.masker.maskInbound(line.body, locked.companyId),
          authorKind: line.author.kind,
          authorId: line.author.id,
          authorName,
          source: 'chat',
          truncated: false,
          opening: false,
          cc: [],
          notify: [],
          attachments: line.attachments ?? [],
          messageId: chatKey(line.key),
          createdAt: line.at ?? this.clock.now(),
        });
        set.comments.push(comment);
        this.activity.record(set, { kind: line.author.kind, id: line.author.id, name: authorName }, 'comment', null, {
          commentId: comment.id,
        });
      }
      if (!set.comments.length) return;
      for (const c of set.comments) await this.comments.insert(c, tx);
      set.changes.add('updatedAt');
      await this.work.save(set, tx);
    });
    return cs.comments.length;
  }
}

const chatKey = (key: string) => `chat:${key}`;
const line = (author: EarlierTicketLine['author'], body: string, at: Date): EarlierTicketLine => {
  const chars = Array.from(body.trim());
  return {
    author,
    body: chars.length > EARLIER_LINE_CHARS ? `${chars.slice(0, EARLIER_LINE_CHARS - 1).join('')}…` : chars.join(''),
    createdAt: at.toISOString(),
  };
};
const toRef = (t: {
  id: string;
  number: number;
  title: string;
  companyId: string;
  requesterId: string | null;
}): ChatTicketRef => ({
  id: t.id,
  number: t.number,
  title: t.title,
  companyId: t.companyId,
  requesterId: t.requesterId,
});
