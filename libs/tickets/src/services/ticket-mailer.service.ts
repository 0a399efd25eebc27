import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, ContactService, escapeHtml, MailPort, mailDomain, newMessageId } from '@switchboard/core';
import Handlebars from 'handlebars';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** How many Message-IDs a ticket keeps for References (first one + the most recent). */
const MAX_REFERENCES = 20;

// One template for every public update; html is escaped by handlebars, text uses triple-stash.
const SUBJECT = Handlebars.compile('[#{{ticket.number}}] {{{ticket.title}}}', { noEscape: true });
const TEXT = Handlebars.compile(
  '{{{comment.body}}}\n\n-- \n{{{author}}}\nTicket #{{ticket.number}}: {{{ticket.title}}} (status: {{ticket.status}})\nReply to this email to add to the ticket.\n',
  { noEscape: true },
);
const HTML = Handlebars.compile(
  '<div>{{{bodyHtml}}}</div><hr><p style="color:#666;font-size:12px">{{author}}<br>Ticket #{{ticket.number}}: {{ticket.title}} (status: {{ticket.status}})<br>Reply to this email to add to the ticket.</p>',
);

/**
 * Outbound email for public updates. Threading headers are decided inside the transaction (the
 * ticket stores its Message-ID chain); the mail itself goes out through the MailPort after commit.
 * Internal notes never reach this class.
 */
@Injectable()
export class TicketMailer {
  private readonly logger = new Logger('TicketMailer');

  constructor(
    private readonly mail: MailPort,
    private readonly config: AppConfig,
    private readonly contacts: ContactService,
    private readonly views: TicketViewBuilder,
  ) {}

  /** Called in the transaction for a public technician reply. */
  prepare(cs: TicketChangeSet, comment: TicketCommentEntity): void {
    if (comment.visibility !== 'public') return;
    const t = cs.ticket;
    const messageId = newMessageId(mailDomain(this.config.mailFrom), t.number);
    const previous = t.mailReferences ?? [];
    cs.mails.push({ commentId: comment.id, messageId, inReplyTo: previous[previous.length - 1] ?? null, references: [...previous] });
    const next = [...previous, messageId];
    t.mailReferences = next.length > MAX_REFERENCES ? [next[0], ...next.slice(next.length - MAX_REFERENCES + 1)] : next;
    comment.messageId = messageId;
  }

  /** After commit: send what `prepare` planned. Failures are logged; the reply is saved either way. */
  async send(cs: TicketChangeSet): Promise<void> {
    for (const planned of cs.mails) {
      const comment = cs.comments.find((c) => c.id === planned.commentId);
      if (!comment || comment.visibility !== 'public') continue;
      try {
        await this.sendOne(cs.ticket, comment, planned);
      } catch (error) {
        this.logger.error({ err: error, ticket: cs.ticket.number }, 'Sending the public update failed');
      }
    }
  }

  private async sendOne(t: TicketEntity, comment: TicketCommentEntity, planned: TicketChangeSet['mails'][number]): Promise<void> {
    const [requester] = await this.contacts.getMany([t.requesterId]);
    const author = comment.authorName;
    const exclude = new Set<string>();
    if (comment.authorKind === 'contact' && requester?.email) exclude.add(requester.email.toLowerCase());
    const to = requester?.email && !exclude.has(requester.email.toLowerCase()) ? [requester.email] : [];
    const seen = new Set([...to.map((e) => e.toLowerCase()), ...exclude]);
    const cc = (await this.views.ccEmails(t.cc)).filter((e) => !seen.has(e.toLowerCase()) && !!seen.add(e.toLowerCase()));
    if (!to.length && !cc.length) return;
    const data = { ticket: { number: t.number, title: t.title, status: t.status }, comment: { body: comment.body }, author };
    const headers: Record<string, string> = { 'Message-ID': planned.messageId, 'X-Switchboard-Ticket': String(t.number) };
    if (planned.inReplyTo) headers['In-Reply-To'] = planned.inReplyTo;
    if (planned.references.length) headers['References'] = planned.references.join(' ');
    await this.mail.send({
      to, cc, subject: SUBJECT(data), text: TEXT(data),
      html: HTML({ ...data, bodyHtml: escapeHtml(comment.body).replace(/\n/g, '<br>') }),
      headers, ticketId: t.id,
    });
  }
}
