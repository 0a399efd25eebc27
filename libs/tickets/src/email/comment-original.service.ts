import { Injectable } from '@nestjs/common';
import { AccountPrincipal, FileService, NotFoundError, PiiMasker, PiiRevealPolicy } from '@switchboard/core';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { actorOf } from '../services/ticket-activity.service.js';
import { TicketFinder } from '../services/ticket-finder.service.js';
import { EmailActivityWriter } from './email-activity.writer.js';

/**
 * The full original message of an inbound email comment (the comment body is only the extracted
 * reply). It is raw end-user content: while masking is on for the company it is a reveal —
 * `pii.reveal` holders only, written to the activity log.
 */
@Injectable()
export class CommentOriginalService {
  constructor(
    private readonly finder: TicketFinder,
    private readonly comments: TicketCommentRepository,
    private readonly files: FileService,
    private readonly masker: PiiMasker,
    private readonly policy: PiiRevealPolicy,
    private readonly activity: EmailActivityWriter,
  ) {}

  async open(
    number: number,
    commentId: string,
    me: AccountPrincipal,
  ): Promise<{ name: string; contentType: string; data: Buffer }> {
    const ticket = await this.finder.get(number, me);
    const comment = await this.comments.findById(commentId);
    if (!comment || comment.ticketId !== ticket.id || !comment.originalFileId)
      throw new NotFoundError('Original message of comment', commentId);
    if (this.masker.mode(ticket.companyId) !== 'off') {
      this.policy.authorize(me, {
        kind: 'ticket.comment',
        id: comment.id,
        companyId: ticket.companyId,
        fields: ['original'],
      });
      await this.activity.record(number, actorOf(me), 'pii.revealed', {
        target: 'comment',
        commentId: comment.id,
        fields: ['original'],
      });
    }
    const { file, data } = await this.files.open(comment.originalFileId);
    return { name: `ticket-${number}-${comment.id}.eml`, contentType: file.contentType, data };
  }
}
