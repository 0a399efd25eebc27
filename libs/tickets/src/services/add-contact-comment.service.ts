import { Injectable } from '@nestjs/common';
import type { Tx } from '@switchboard/core';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { CommentView } from '../ticket.views.js';
import { truncateBody } from './comment-body.js';
import { CommentAuthor, CommentWriter } from './comment.writer.js';
import { TicketChangeApplier } from './ticket-change-applier.service.js';
import type { TicketChangeSet } from './ticket-change-set.js';
import type { ContactCommentInput } from './ticket-inputs.js';
import { TicketInputChecker } from './ticket-input-checker.service.js';
import { TicketUnitOfWork } from './ticket-unit-of-work.service.js';
import { TicketViewBuilder } from './ticket-view.builder.js';

/**
 * The writes of a contact's message as a unit-of-work step. `startThread`: its place in the ticket's
 * mail chain (its Message-ID, then a reserved automatic mail's) taken early, on a new ticket's row
 * before the INSERT; else the step takes it.
 */
export type ContactCommentStep = ((set: TicketChangeSet, tx: Tx) => Promise<TicketCommentEntity>) & {
  startThread(ticket: TicketEntity): void;
};

/**
 * An end user wrote (email, portal, chat transcripts), the sender already resolved by the channel.
 * Long bodies are truncated, not refused: the message already exists elsewhere. The status never
 * changes here (except the channel's reopen): only an enabled automation rule (e.g. the seeded
 * "reopen on reply") may change it.
 */
@Injectable()
export class AddContactCommentService {
  constructor(
    private readonly writer: CommentWriter,
    private readonly applier: TicketChangeApplier,
    private readonly checker: TicketInputChecker,
    private readonly work: TicketUnitOfWork,
    private readonly views: TicketViewBuilder,
  ) {}

  async add(input: ContactCommentInput): Promise<CommentView> {
    const write = await this.prepare(input);
    const cs = await this.work.onTicket(input.ticketNumber, undefined, async (set, tx) => void (await write(set, tx)));
    return (await this.views.comments([cs.comments[0]], input.ticketNumber, cs.knownContacts))[0];
  }

  /**
   * The checks and the masking now (outside any transaction), the writes as a step of a unit of
   * work on `set`: `add` runs it on the locked ticket; a channel that opens the ticket with this
   * message runs it in the creation's transaction (one transaction, no lock of a row nobody else
   * can see yet). The step is the unit's last write: it inserts the comment, saves the ticket and
   * writes the activity lines.
   */
  async prepare(input: Omit<ContactCommentInput, 'ticketNumber'>): Promise<ContactCommentStep> {
    const { contact, account } = input.author;
    const attachments = await this.writer.attachments(
      input.attachmentIds,
      { kind: 'contact', id: contact.id },
      input.inlineAttachments,
      input.writtenAttachments,
    );
    const written = new Set((input.writtenAttachments ?? []).map((f) => f.id));
    // Ingest mode: masked before anything else sees it.
    const { body, truncated } = truncateBody(this.writer.mask(input.body, contact.companyId));
    const contactName = `${contact.firstName} ${contact.lastName}`.trim();
    let threaded = false;
    const startThread = (ticket: TicketEntity) => {
      if (threaded) return;
      threaded = true;
      if (input.messageId) this.writer.rememberMessage(ticket, input.messageId);
      input.reserveMail?.(ticket);
    };
    const step = async (set: TicketChangeSet, tx: Tx) => {
      const ticket = set.ticket;
      // The sender was resolved by the channel in this request: the views after commit use it as is.
      set.knownContacts.push(contact);
      if (input.cc?.length || input.reopenStatus) {
        await this.applier.apply(
          set,
          {
            status: input.reopenStatus,
            ...(input.cc?.length ? { cc: await this.checker.mergeCc(ticket.cc, input.cc, ticket.companyId) } : {}),
          },
          { kind: 'contact', id: contact.id, name: contactName },
          undefined,
          tx,
        );
      }
      // Dual role: the person counts as the contact only as the requester and not the assignee.
      const asContact = !account || (contact.id === ticket.requesterId && ticket.assigneeId !== account.id);
      const author: CommentAuthor = asContact
        ? { kind: 'contact', id: contact.id, name: contactName }
        : { kind: 'account', id: account.id, name: account.name };
      const comment = this.writer.add(set, {
        visibility: 'public',
        body,
        author,
        source: input.source,
        truncated,
        cc: input.cc ?? [],
        notify: [],
        attachments,
        messageId: input.messageId ?? null,
        opening: input.opening,
      });
      comment.originalFileId = input.originalFileId ?? input.writtenOriginal?.id ?? null;
      await this.writer.attachFiles(
        attachments.filter((a) => !written.has(a.id)).map((a) => a.id),
        'ticket-comment',
        comment,
        ticket,
        tx,
      );
      if (input.writtenAttachments?.length)
        await this.writer.insertFiles(input.writtenAttachments, 'ticket-comment', comment, ticket, tx);
      if (input.originalFileId)
        await this.writer.attachFiles([input.originalFileId], 'ticket-comment-original', comment, ticket, tx);
      if (input.writtenOriginal)
        await this.writer.insertFiles([input.writtenOriginal], 'ticket-comment-original', comment, ticket, tx);
      startThread(ticket);
      if (asContact) await this.writer.afterContactMessage(set, tx);
      else await this.writer.afterTechnicianReply(set, comment, tx);
      await this.writer.finish(set, tx);
      return comment;
    };
    return Object.assign(step, { startThread });
  }
}
