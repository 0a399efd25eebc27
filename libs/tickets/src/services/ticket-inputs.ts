import type { ContactView, WrittenFile } from '@switchboard/core';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { CcEntry, TicketImpact, TicketPriority, TicketType, Visibility } from '../ticket.types.js';

export interface CreateTicketInput {
  title: string;
  description: string;
  /** null (channels only, never REST): a ticket without a contact, in `companyId`. */
  requesterId: string | null;
  /** The company of a ticket without a requester (ignored otherwise: the requester's company). */
  companyId?: string;
  /** The requester already loaded by the caller (a channel that resolved the sender): not looked up again. */
  requester?: ContactView;
  priority?: TicketPriority;
  impact?: TicketImpact;
  type?: TicketType;
  status?: string;
  productFamilyId?: string | null;
  assigneeId?: string | null;
  cc?: CcEntry[];
}

export interface UpdateTicketInput extends Partial<
  Omit<CreateTicketInput, 'cc' | 'requester' | 'requesterId' | 'companyId'>
> {
  requesterId?: string;
  cc?: CcEntry[];
}

export interface TicketListInput {
  status?: string;
  assignee?: string;
  requester?: string;
  company?: string;
  type?: string;
  priority?: string;
  sentiment?: string;
  q?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

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
 * The sender of an end-user message, resolved by the channel: the contact, and the technician
 * account with the same email if there is one (the dual-role rule decides who the author is).
 */
export interface ContactAuthor {
  contact: ContactView;
  account: { id: string; name: string } | null;
}

/** What a channel (email, portal, chat) hands over when an end user writes on a ticket. */
export interface ContactCommentInput {
  ticketNumber: number;
  author: ContactAuthor;
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
  /**
   * Files the channel wrote in this request (FileService.write, uploaded by the contact): their
   * rows are inserted with the comment, already attached (nobody else knows them: no claim check).
   */
  writtenAttachments?: WrittenFile[];
  /** The original message (email .eml) written in this request, inserted attached like those. */
  writtenOriginal?: WrittenFile | null;
  /** Which of the attachments (by file id) are inline parts (email images shown in the message). */
  inlineAttachments?: Record<string, { contentId?: string }>;
  /** The message that opened the ticket (first mail): shown as the ticket's Request, not as a reply. */
  opening?: boolean;
  /**
   * Called in the comment's transaction on the locked ticket, after the message joined its mail
   * chain: an automatic answer (the acknowledgement) reserves its place there, saved with the comment.
   */
  reserveMail?: (ticket: TicketEntity) => void;
}
