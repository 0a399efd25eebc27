import { Injectable } from '@nestjs/common';
import {
  AccountPrincipal,
  AccountService,
  Clock,
  ContactService,
  ContactView,
  newId,
  Page,
  PageQuery,
  PiiMasker,
  SettingsService,
  TransactionRunner,
  ValidationFailedError,
  FileService,
} from '@switchboard/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import type { AttachmentMeta, AuthorKind, CcEntry, Visibility } from '../ticket.types.js';
import { CommentView } from '../ticket.views.js';
import { AutomationService } from './automation.service.js';
import { checkAttachments, truncateBody } from './comment-body.js';
import { actorOf, TicketActivityService } from './ticket-activity.service.js';
import { TicketCcService } from './ticket-cc.service.js';
import { TicketChangeSet } from './ticket-change-set.js';
import { TicketFinder } from './ticket-finder.service.js';
import { TicketMailer } from './ticket-mailer.service.js';
import { TicketPublisher } from './ticket-publisher.service.js';
import { TicketService } from './ticket.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';
import { Tx } from '@switchboard/core';

export interface TechnicianCommentInput {
  body: string;
  visibility?: Visibility;
  status?: string;
  cc?: CcEntry[];
  notify?: string[];
  /** Files uploaded beforehand (POST /api/files) by the same technician. */
  attachmentIds?: string[];
}

/**
 * The resolved sender of a contact comment (from the inbound pipeline): the contact in the ticket's
 * company and the technician account with the same address (the dual-role rule), if any. As before
 * the split, an inactive account still counts here (the pipeline passes `Sender.account` as is).
 */
export interface ContactCommentAuthor {
  contact: ContactView;
  account: { id: string; name: string } | null;
}

/**
 * What a channel (email, portal, chat) hands over when an end user writes on a ticket: the resolved
 * `author` (no lookup here), or, for callers without a resolved sender, a `contactId`.
 */
export type ContactCommentInput = ContactCommentFields & ({ author: ContactCommentAuthor } | { contactId: string });

interface ContactCommentFields {
  ticketNumber: number;
  body: string;
  source: 'email' | 'portal' | 'chat';
  /** Files the channel stored for this contact (FileService.store with uploadedBy the contact). */
  attachmentIds?: string[];
  /** The inbound email's Message-ID (threading, de-duplication by the email channel). */
  messageId?: string | null;
  /** People the end user copied (email Cc): added to the ticket's Cc in the same transaction. */
  cc?: CcEntry[];
  /** The stored original message (email .eml), attached to the comment. */
  originalFileId?: string | null;
  /** Reopen a closed ticket (admin setting for email replies to closed tickets). */
  reopenStatus?: string;
  /** Which of `attachmentIds` are inline parts (email images shown in the message). */
  inlineAttachments?: Record<string, { contentId?: string }>;
}

interface Author {
  kind: AuthorKind;
  id: string;
  name: string;
}

/** Public replies and internal notes, from technicians (REST) and from contacts (channels). */
@Injectable()
export class TicketCommentService {
  constructor(
    private readonly comments: TicketCommentRepository,
    private readonly tickets: TicketRepository,
    private readonly ticketService: TicketService,
    private readonly finder: TicketFinder,
    private readonly cc: TicketCcService,
    private readonly activity: TicketActivityService,
    private readonly automation: AutomationService,
    private readonly mailer: TicketMailer,
    private readonly publisher: TicketPublisher,
    private readonly views: TicketViewBuilder,
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
    private readonly settings: SettingsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
    private readonly files: FileService,
  ) {}

  /** The uploads a message references, checked (owner, unattached) and within 20 MB together. */
  private async attachments(
    ids: string[] | undefined,
    uploader: { kind: 'account' | 'contact'; id: string },
    inline?: Record<string, { contentId?: string }>,
  ): Promise<AttachmentMeta[]> {
    const files = await this.files.claimable(ids ?? [], uploader);
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

  async addFromTechnician(number: number, input: TechnicianCommentInput, me: AccountPrincipal): Promise<CommentView> {
    const attachments = await this.attachments(input.attachmentIds, { kind: 'account', id: me.id });
    const probe = await this.finder.get(number, me);
    const visibility = input.visibility ?? (await this.settings.get('tickets.defaultReplyType', probe.companyId));
    const notify = [...new Set(input.notify ?? [])];
    if (notify.length && visibility !== 'internal') {
      throw new ValidationFailedError('@notify is for internal notes', {
        notify: ['notify is only allowed on internal notes'],
      });
    }
    if (notify.length) {
      const found = await this.accounts.getMany(notify);
      const missing = notify.filter((id) => !found.some((a) => a.id === id && a.active));
      if (missing.length)
        throw new ValidationFailedError('Unknown technician', {
          notify: missing.map((id) => `account ${id} does not exist`),
        });
    }
    const [requester] = await this.contacts.getMany([probe.requesterId]);
    // Ingest mode: masked before it is stored, mailed, notified or published.
    const body = this.masker.maskInbound(input.body, probe.companyId);
    const cs = await this.tx.run(async (tx) => {
      const ticket = await this.finder.lock(number, tx, me);
      const set = new TicketChangeSet(ticket);
      const actor = actorOf(me);
      // Status on send and Cc additions are ordinary field changes (activity, automation).
      await this.ticketService.applyChanges(
        set,
        {
          status: input.status,
          ...(input.cc?.length ? { cc: await this.cc.merge(ticket.cc, input.cc, ticket.companyId) } : {}),
        },
        actor,
        me,
        tx,
      );
      const author = this.attributeTechnician(ticket, me, requester, visibility);
      const comment = await this.insertComment(set, tx, {
        visibility,
        body,
        author,
        source: 'web',
        truncated: false,
        cc: input.cc ?? [],
        notify,
        attachments,
      });
      await this.files.attach(
        attachments.map((a) => a.id),
        { kind: 'ticket-comment', id: comment.id, companyId: ticket.companyId },
        tx,
      );
      if (author.kind === 'contact') {
        await this.afterContactMessage(set, comment, tx);
      } else if (visibility === 'public') {
        this.setActivityStatus(set, 'waiting_for_contact');
        this.mailer.prepare(set, comment);
        await this.automation.run('comment.technician', set, tx);
      }
      if (set.statusChange && set.statusChange.actor.kind === 'account')
        await this.automation.run('status.changed', set, tx);
      if (notify.length) {
        set.notifications.push({
          accountIds: notify.filter((id) => id !== me.id),
          input: {
            title: `${me.name} mentioned you on #${ticket.number}`,
            body: `${ticket.title}\n\n${body.slice(0, 500)}`,
            link: `/tickets/${ticket.number}`,
            companyId: ticket.companyId,
          },
          email: true,
        });
      }
      await this.finish(set, tx);
      return set;
    });
    await this.publisher.publish(cs);
    return (await this.views.comments([cs.comments[0]], number))[0];
  }

  /**
   * An end user wrote (email or portal; chat transcripts later). Long bodies are truncated, not
   * refused: the message already exists elsewhere. The status never changes here — only an
   * enabled automation rule (e.g. the seeded "reopen on reply") may change it.
   */
  async addFromContact(input: ContactCommentInput): Promise<CommentView> {
    const { contact, account } = 'author' in input ? input.author : await this.resolveAuthor(input.contactId);
    const attachments = await this.attachments(
      input.attachmentIds,
      { kind: 'contact', id: contact.id },
      input.inlineAttachments,
    );
    // Ingest mode: masked before anything else sees it (email, portal and chat transcripts come through here).
    const { body, truncated } = truncateBody(this.masker.maskInbound(input.body, contact.companyId));
    const cs = await this.tx.run(async (tx) => {
      const ticket = await this.finder.lock(input.ticketNumber, tx);
      const set = new TicketChangeSet(ticket);
      const contactActor = {
        kind: 'contact' as const,
        id: contact.id,
        name: `${contact.firstName} ${contact.lastName}`.trim(),
      };
      if (input.cc?.length || input.reopenStatus) {
        await this.ticketService.applyChanges(
          set,
          {
            status: input.reopenStatus,
            ...(input.cc?.length ? { cc: await this.cc.merge(ticket.cc, input.cc, ticket.companyId) } : {}),
          },
          contactActor,
          undefined,
          tx,
        );
      }
      // Dual role: the person counts as the contact only as the requester and not the assignee.
      const asContact = !account || (contact.id === ticket.requesterId && ticket.assigneeId !== account.id);
      const author: Author = asContact
        ? { kind: 'contact', id: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim() }
        : { kind: 'account', id: account!.id, name: account!.name };
      const comment = await this.insertComment(set, tx, {
        visibility: 'public',
        body,
        author,
        source: input.source,
        truncated,
        cc: input.cc ?? [],
        notify: [],
        attachments,
        messageId: input.messageId ?? null,
      });
      comment.originalFileId = input.originalFileId ?? null;
      await this.files.attach(
        attachments.map((a) => a.id),
        { kind: 'ticket-comment', id: comment.id, companyId: ticket.companyId },
        tx,
      );
      if (input.originalFileId)
        await this.files.attach(
          [input.originalFileId],
          { kind: 'ticket-comment-original', id: comment.id, companyId: ticket.companyId },
          tx,
        );
      // The end user's message joins the thread: our next mail answers it (In-Reply-To) and keeps the chain.
      if (input.messageId) this.mailer.remember(ticket, input.messageId);
      if (asContact) {
        await this.afterContactMessage(set, comment, tx);
      } else {
        this.setActivityStatus(set, 'waiting_for_contact');
        this.mailer.prepare(set, comment);
        await this.automation.run('comment.technician', set, tx);
      }
      await this.finish(set, tx);
      return set;
    });
    await this.publisher.publish(cs);
    return (await this.views.comments([cs.comments[0]], input.ticketNumber))[0];
  }

  /** Only for callers without a resolved sender (the inbound pipeline passes `author`). */
  private async resolveAuthor(contactId: string): Promise<ContactCommentAuthor> {
    const contact = await this.contacts.get(contactId).catch(() => {
      throw new ValidationFailedError('Unknown contact', { contactId: [`contact ${contactId} does not exist`] });
    });
    const account = contact.email ? await this.accounts.findByEmail(contact.email) : null;
    return { contact, account };
  }

  async list(
    number: number,
    query: PageQuery,
    me: AccountPrincipal,
  ): Promise<Page<CommentView> & { companyId: string }> {
    const ticket = await this.finder.get(number, me);
    const page = await this.comments.listForTicket(ticket.id, query);
    // companyId: the masking scope of the page.
    return {
      items: await this.views.comments(page.items, number),
      nextCursor: page.nextCursor,
      companyId: ticket.companyId,
    };
  }

  /** The conversation as an end user may see it (portal, exports): public comments only, ever. */
  async listForEndUser(number: number, query: PageQuery = {}): Promise<Page<CommentView>> {
    const ticket = await this.finder.get(number);
    const page = await this.comments.listForTicket(ticket.id, query, true);
    return { items: await this.views.comments(page.items, number), nextCursor: page.nextCursor };
  }

  /** A technician who is also this ticket's requester (and not its assignee) writes publicly as the contact. */
  private attributeTechnician(
    ticket: TicketEntity,
    me: AccountPrincipal,
    requester: ContactView | undefined,
    visibility: Visibility,
  ): Author {
    const sameEmail = !!requester?.email && requester.email.trim().toLowerCase() === me.email.trim().toLowerCase();
    if (visibility === 'public' && sameEmail && ticket.assigneeId !== me.id) {
      return { kind: 'contact', id: requester!.id, name: `${requester!.firstName} ${requester!.lastName}`.trim() };
    }
    return { kind: 'account', id: me.id, name: me.name };
  }

  private async afterContactMessage(cs: TicketChangeSet, comment: TicketCommentEntity, tx: Tx): Promise<void> {
    void comment;
    this.setActivityStatus(cs, 'unread');
    await this.automation.run('comment.contact', cs, tx);
  }

  private setActivityStatus(cs: TicketChangeSet, value: TicketEntity['activityStatus']): void {
    if (cs.ticket.activityStatus === value) return;
    cs.ticket.activityStatus = value;
    cs.changes.add('activityStatus');
  }

  private async insertComment(
    cs: TicketChangeSet,
    tx: Tx,
    c: {
      visibility: Visibility;
      body: string;
      author: Author;
      source: TicketCommentEntity['source'];
      truncated: boolean;
      cc: CcEntry[];
      notify: string[];
      attachments: AttachmentMeta[];
      messageId?: string | null;
    },
  ): Promise<TicketCommentEntity> {
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
      createdAt: this.clock.now(),
    });
    cs.comments.unshift(comment);
    this.activity.record(
      cs,
      { kind: c.author.kind, id: c.author.id, name: authorName },
      c.visibility === 'public' ? 'comment' : 'note',
      null,
      { commentId: comment.id },
    );
    return comment;
  }

  /** Inserts comments (the mailer may have set their Message-ID), saves the ticket, writes the log. */
  private async finish(cs: TicketChangeSet, tx: Tx): Promise<void> {
    const own = cs.comments.filter((c) => c.source !== 'automation');
    for (const c of own) await this.comments.insert(c, tx);
    cs.ticket.updatedAt = this.clock.now();
    cs.changes.add('updatedAt');
    await this.tickets.save(cs.ticket, tx);
    await this.activity.flush(cs, tx);
  }
}
