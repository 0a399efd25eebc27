import { Injectable } from '@nestjs/common';
import { Clock, FileService, newId, PiiMasker, Tx, type FileView, type WrittenFile } from '@switchboard/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import type { AttachmentMeta, AuthorKind, CcEntry, Visibility } from '../ticket.types.js';
import { AutomationService } from './automation.service.js';
import { checkAttachments } from './comment-body.js';
import { TicketActivityService } from './ticket-activity.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketMailer } from './ticket-mailer.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';

export interface CommentAuthor {
  kind: AuthorKind;
  id: string;
  name: string;
}

export interface NewComment {
  visibility: Visibility;
  body: string;
  author: CommentAuthor;
  source: TicketCommentEntity['source'];
  truncated: boolean;
  cc: CcEntry[];
  notify: string[];
  attachments: AttachmentMeta[];
  messageId?: string | null;
  /** The ticket's opening message (see TicketCommentEntity.opening). */
  opening?: boolean;
}

/**
 * What the technician and the contact comment paths share: claiming the uploads, the comment row
 * and its activity line, what a message from either side does to the ticket (activity status,
 * mail, automation), and the final write.
 */
@Injectable()
export class CommentWriter {
  constructor(
    private readonly comments: TicketCommentRepository,
    private readonly files: FileService,
    private readonly activity: TicketActivityService,
    private readonly automation: AutomationService,
    private readonly mailer: TicketMailer,
    private readonly work: TicketUnitOfWork,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
  ) {}

  /**
   * The uploads a message references, checked (owner, unattached), and the files the channel wrote
   * for it in this request (`written`: no check), within 20 MB together.
   */
  async attachments(
    ids: string[] | undefined,
    uploader: { kind: 'account' | 'contact'; id: string },
    inline?: Record<string, { contentId?: string }>,
    written: WrittenFile[] = [],
  ): Promise<AttachmentMeta[]> {
    const files: FileView[] = [...(await this.files.claimable(ids ?? [], uploader)), ...written];
    const metas = files.map((f): AttachmentMeta => ({
      id: f.id,
      name: f.name,
      size: f.size,
      contentType: f.contentType,
      ...(inline?.[f.id]
        ? { inline: true, ...(inline[f.id].contentId ? { contentId: inline[f.id].contentId } : {}) }
        : {}),
    }));
    checkAttachments(metas);
    return metas;
  }

  /** Ingest mode: a message body is masked before it is stored, mailed, notified or published. */
  mask(text: string, companyId: string): string {
    return this.masker.maskInbound(text, companyId);
  }

  /** The comment (inserted by `finish`) and its "comment"/"note" activity line. */
  add(cs: TicketChangeSet, c: NewComment): TicketCommentEntity {
    // Ingest mode: the author's name is copied into the comment and the log (a contact named by a phone number).
    const authorName = this.masker.maskInbound(c.author.name, cs.ticket.companyId).slice(0, 200);
    const comment = Object.assign(new TicketCommentEntity(), {
      id: newId(),
      ticketId: cs.ticket.id,
      visibility: c.visibility,
      body: c.body,
      authorKind: c.author.kind,
      authorId: c.author.id,
      authorName,
      source: c.source,
      truncated: c.truncated,
      cc: c.cc,
      notify: c.notify,
      attachments: c.attachments,
      messageId: c.messageId ?? null,
      opening: c.opening ?? false,
      createdAt: this.clock.now(),
    });
    cs.comments.unshift(comment);
    this.activity.record(
      cs,
      { kind: c.author.kind, id: c.author.id, name: authorName },
      c.visibility === 'public' ? 'comment' : 'note',
      null,
      // The channel it came by ("via portal", "via email"), as the comment's own source.
      { commentId: comment.id, source: c.source },
    );
    return comment;
  }

  /** Links stored files to the comment (`kind` says whether they are attachments or the original message). */
  async attachFiles(
    ids: string[],
    kind: 'ticket-comment' | 'ticket-comment-original',
    comment: TicketCommentEntity,
    ticket: TicketEntity,
    tx: Tx,
  ): Promise<void> {
    await this.files.attach(ids, { kind, id: comment.id, companyId: ticket.companyId }, tx);
  }

  /** Inserts the rows of files written in this request, already linked to the comment (`kind` as in `attachFiles`). */
  async insertFiles(
    files: WrittenFile[],
    kind: 'ticket-comment' | 'ticket-comment-original',
    comment: TicketCommentEntity,
    ticket: TicketEntity,
    tx: Tx,
  ): Promise<void> {
    await this.files.insertAttached(files, { kind, id: comment.id, companyId: ticket.companyId }, tx);
  }

  /** The end user wrote: the ticket awaits a technician. */
  async afterContactMessage(cs: TicketChangeSet, tx: Tx): Promise<void> {
    this.setActivityStatus(cs, 'unread');
    await this.automation.run('comment.contact', cs, tx);
  }

  /** A technician replied publicly: the ticket awaits the end user, who gets the reply by mail. */
  async afterTechnicianReply(cs: TicketChangeSet, comment: TicketCommentEntity, tx: Tx): Promise<void> {
    this.setActivityStatus(cs, 'waiting_for_contact');
    this.mailer.prepare(cs, comment);
    await this.automation.run('comment.technician', cs, tx);
  }

  /** The end user's message joins the thread: our next mail answers it (In-Reply-To) and keeps the chain. */
  rememberMessage(ticket: TicketEntity, messageId: string): void {
    this.mailer.remember(ticket, messageId);
  }

  /** Inserts comments (the mailer may have set their Message-ID), saves the ticket, writes the log. */
  async finish(cs: TicketChangeSet, tx: Tx): Promise<void> {
    const own = cs.comments.filter((c) => c.source !== 'automation');
    // Every column is set in `add` (truncated included): no reload of the column default.
    for (const c of own) await this.comments.insertWithoutReload(c, tx);
    cs.changes.add('updatedAt');
    await this.work.save(cs, tx);
  }

  private setActivityStatus(cs: TicketChangeSet, value: TicketEntity['activityStatus']): void {
    if (cs.ticket.activityStatus === value) return;
    cs.ticket.activityStatus = value;
    cs.changes.add('activityStatus');
  }
}
