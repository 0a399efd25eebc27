import { Injectable, Logger } from '@nestjs/common';
import {
  addressOf,
  AppConfig,
  ContactService,
  ContactView,
  mailDomain,
  newMessageId,
  TransactionRunner,
} from '@switchboard/core';
import { escapeHtml, MailPort } from '@switchboard/notify';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { EmailTemplateEvent } from '../email/email-template-defaults.js';
import { EmailTemplateService, NO_TICKET, type EmailTemplateData } from '../email/email-template.service.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/** How many Message-IDs a ticket keeps for References (first one + the most recent). */
const MAX_REFERENCES = 20;

/** A mail's place in a ticket's Message-ID chain. */
export interface MailThread {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}
type Thread = MailThread;

/**
 * Outbound email for public updates. Threading headers are decided inside the transaction (the
 * ticket stores its Message-ID chain); the mail itself goes out through the MailPort after commit.
 * Internal notes never reach this class. Texts come from the admin-editable templates.
 */
@Injectable()
export class TicketMailer {
  private readonly logger = new Logger('TicketMailer');

  constructor(
    private readonly mail: MailPort,
    private readonly config: AppConfig,
    private readonly contacts: ContactService,
    private readonly views: TicketViewBuilder,
    private readonly templates: EmailTemplateService,
    private readonly finder: TicketFinder,
    private readonly tx: TransactionRunner,
    private readonly tickets: TicketRepository,
  ) {}

  /** Called in the transaction for a public technician reply. */
  prepare(cs: TicketChangeSet, comment: TicketCommentEntity): void {
    if (comment.visibility !== 'public') return;
    const thread = this.next(cs.ticket);
    cs.mails.push({ commentId: comment.id, ...thread });
    comment.messageId = thread.messageId;
  }

  /** An inbound mail's Message-ID joins the ticket's chain (in the transaction that stores it). */
  remember(t: TicketEntity, messageId: string): void {
    const previous = t.mailReferences ?? [];
    if (previous.includes(messageId)) return;
    t.mailReferences = cap([...previous, messageId]);
  }

  /** After commit: send what `prepare` planned, and the status mail of an email ticket. Failures are logged; the change is saved either way. */
  async send(cs: TicketChangeSet): Promise<void> {
    // A survey opened by this change rides on the first mail the requester gets (#18.4).
    let survey = cs.csat;
    for (const planned of cs.mails) {
      const comment = cs.comments.find((c) => c.id === planned.commentId);
      if (!comment || comment.visibility !== 'public') continue;
      try {
        if (await this.sendReply(cs.ticket, comment, planned, survey)) survey = null;
      } catch (error) {
        this.logger.error({ err: error, ticket: cs.ticket.number }, 'Sending the public update failed');
      }
    }
    // A technician changed the status of a ticket the end user opened by email, without a public
    // reply that already tells them: a short automatic mail. A resolution with a survey to answer
    // is mailed whatever the ticket's source (the survey has no other way to reach a mailbox).
    const change = cs.statusChange;
    const statusMail = change && change.actor.kind === 'account' && cs.ticket.source === 'email';
    // A status mail sent only for its survey: not without a survey page to link to.
    const forSurvey = !!survey && (await this.templates.canAskSurvey(cs.ticket.companyId));
    if (change && ((statusMail && cs.mails.length === 0) || forSurvey)) {
      await this.sendAutomatic(cs.ticket.number, 'ticket.status', {
        previousStatus: change.from,
        survey: survey?.token,
      }).catch((error: unknown) =>
        this.logger.error({ err: error, ticket: cs.ticket.number }, 'Sending the status mail failed'),
      );
    }
  }

  /**
   * An automatic mail about a ticket (acknowledgement, status change) to its requester, threaded
   * like the replies and marked `Auto-Submitted: auto-generated` so auto-responders stay quiet.
   */
  async sendAutomatic(
    ticketNumber: number,
    event: Extract<EmailTemplateEvent, 'ticket.acknowledgement' | 'ticket.status'>,
    extra: { previousStatus?: string; survey?: string } = {},
  ): Promise<void> {
    const { ticket, thread } = await this.tx.run(async (tx) => {
      const t = await this.finder.lock(ticketNumber, tx);
      const next = this.next(t);
      await this.tickets.save(t, tx);
      return { ticket: t, thread: next };
    });
    await this.sendReserved(ticket, thread, event, extra);
  }

  /**
   * Reserves an automatic mail's place in the chain of a ticket the caller has locked in its
   * transaction (saved with it): `sendReserved` mails it after the commit, with no second lock.
   */
  reserve(t: TicketEntity): MailThread {
    return this.next(t);
  }

  /**
   * After commit: the automatic mail whose thread `reserve` took. `requester`: the requester as
   * the caller holds it now (read or written in this request), else read here.
   */
  async sendReserved(
    ticket: TicketEntity,
    thread: MailThread,
    event: Extract<EmailTemplateEvent, 'ticket.acknowledgement' | 'ticket.status'>,
    extra: { previousStatus?: string; survey?: string } = {},
    known?: ContactView,
  ): Promise<void> {
    const [requester] =
      known && known.id === ticket.requesterId
        ? [known]
        : ticket.requesterId
          ? await this.contacts.getMany([ticket.requesterId])
          : [];
    if (!requester?.email) return;
    const data = this.data(ticket, requester, { previousStatus: extra.previousStatus, survey: extra.survey });
    const rendered = await this.templates.renderFor(event, data, { contact: requester });
    await this.mail.send({
      to: [requester.email],
      cc: [],
      ...rendered,
      ticketId: ticket.id,
      headers: { ...this.headers(ticket, thread), 'Auto-Submitted': 'auto-generated' },
    });
  }

  /**
   * The answer to a sender the helpdesk does not accept (admin setting): never to an automatic
   * message. Nobody knows them, so the helpdesk-wide default language.
   */
  async sendRejection(to: string, subject: string, inReplyTo: string | null): Promise<void> {
    const rendered = await this.templates.renderFor(
      'sender.rejected',
      {
        ticket: NO_TICKET,
        helpdesk: { address: addressOf(this.config.mailFrom) },
        original: { subject: subject || '(no subject)' },
      },
      {},
    );
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied', 'Reply-To': this.config.mailFrom };
    if (inReplyTo) Object.assign(headers, { 'In-Reply-To': inReplyTo, References: inReplyTo });
    await this.mail.send({ to: [to], cc: [], ...rendered, headers });
  }

  /** True when the mail went to the requester (so it carried the survey, if any). */
  private async sendReply(
    t: TicketEntity,
    comment: TicketCommentEntity,
    planned: Thread,
    survey: { token: string } | null,
  ): Promise<boolean> {
    const [requester] = t.requesterId ? await this.contacts.getMany([t.requesterId]) : [];
    const exclude = new Set<string>();
    if (comment.authorKind === 'contact' && requester?.email) exclude.add(requester.email.toLowerCase());
    const to = requester?.email && !exclude.has(requester.email.toLowerCase()) ? [requester.email] : [];
    const seen = new Set([...to.map((e) => e.toLowerCase()), ...exclude]);
    const cc = (await this.views.ccEmails(t.cc, t.companyId)).filter(
      (e) => !seen.has(e.toLowerCase()) && !!seen.add(e.toLowerCase()),
    );
    if (!to.length && !cc.length) return false;
    const signature = await this.views.signature(comment);
    const data = {
      // Only a mail to the requester alone carries their survey link (it works without signing in).
      ...this.data(t, requester, { survey: to.length && !cc.length ? survey?.token : undefined }),
      comment: { body: comment.body },
      author: comment.authorName,
      bodyHtml: escapeHtml(comment.body).replace(/\n/g, '<br>'),
      signature,
      signatureHtml: escapeHtml(signature).replace(/\n/g, '<br>'),
    };
    // The requester's language (a Cc'd contact reads the same mail), else the ticket company's.
    const rendered = await this.templates.renderFor('ticket.reply', data, {
      contact: requester,
      companyId: t.companyId,
    });
    await this.mail.send({
      to,
      cc,
      ...rendered,
      headers: this.headers(t, planned),
      ticketId: t.id,
      attachments: comment.attachments.map((a) => ({
        fileId: a.id,
        name: a.name,
        contentType: a.contentType,
        size: a.size,
      })),
    });
    return to.length > 0 && !cc.length;
  }

  private headers(t: TicketEntity, thread: Thread): Record<string, string> {
    const headers: Record<string, string> = {
      'Message-ID': thread.messageId,
      'X-Switchboard-Ticket': String(t.number),
      'Reply-To': this.config.mailFrom,
    };
    if (thread.inReplyTo) headers['In-Reply-To'] = thread.inReplyTo;
    if (thread.references.length) headers['References'] = thread.references.join(' ');
    return headers;
  }

  private data(
    t: TicketEntity,
    requester: ContactView | undefined,
    extra: { previousStatus?: string; survey?: string } = {},
  ): EmailTemplateData {
    return {
      ticket: {
        number: t.number,
        title: t.title,
        status: t.status,
        ...(extra.previousStatus ? { previousStatus: extra.previousStatus } : {}),
      },
      contact: requester
        ? {
            firstName: requester.firstName,
            lastName: requester.lastName,
            name: `${requester.firstName} ${requester.lastName}`.trim(),
          }
        : undefined,
      helpdesk: { address: addressOf(this.config.mailFrom) },
      link: { companyId: t.companyId, number: t.number },
      ...(extra.survey && requester ? { survey: { token: extra.survey, companyId: t.companyId } } : {}),
    };
  }

  /** A new Message-ID answering the latest one of the ticket's chain; the chain grows by it. */
  private next(t: TicketEntity): Thread {
    const messageId = newMessageId(mailDomain(this.config.mailFrom), t.number);
    const previous = t.mailReferences ?? [];
    t.mailReferences = cap([...previous, messageId]);
    return { messageId, inReplyTo: previous[previous.length - 1] ?? null, references: [...previous] };
  }
}

function cap(list: string[]): string[] {
  return list.length > MAX_REFERENCES ? [list[0], ...list.slice(list.length - MAX_REFERENCES + 1)] : list;
}
