import type { ContactView } from '@switchboard/core';
import type { NotificationInput } from '@switchboard/notify';
import type { TicketActivityEntity } from '../entities/ticket-activity.entity.js';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { Actor } from '../ticket.types.js';

export interface PendingNotification {
  accountIds: string[];
  input: NotificationInput;
  email: boolean;
}
export interface PendingMail {
  commentId: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/**
 * Everything one unit of work did to a ticket: collected inside the transaction, then published
 * (sockets, domain events, notifications, mail) once it has committed — never before.
 */
export class TicketChangeSet {
  readonly activities: TicketActivityEntity[] = [];
  readonly comments: TicketCommentEntity[] = [];
  readonly changes = new Set<string>();
  readonly notifications: PendingNotification[] = [];
  readonly mails: PendingMail[] = [];
  /** Contacts the use case already holds (the sender of a message): the views need not read them again. */
  readonly knownContacts: ContactView[] = [];
  statusChange: { from: string; to: string; actor: Actor } | null = null;
  created = false;
  /**
   * The satisfaction survey this unit of work opened (#18.4): its link token, only ever in memory
   * (the table keeps its hash), for the status mail sent after commit.
   */
  csat: { token: string } | null = null;
  /** The status the survey rules last looked at (the unit of work may save more than once). */
  csatCheckedStatus: string | null = null;

  constructor(readonly ticket: TicketEntity) {}

  get touched(): boolean {
    return this.created || this.changes.size > 0 || this.comments.length > 0 || this.activities.length > 0;
  }
}
