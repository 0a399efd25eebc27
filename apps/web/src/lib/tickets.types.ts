// Ticket payloads. The views the server pushes are stated once in @switchboard/contracts (the server's
// emits are checked against them); these are the web's names for them.
import type * as C from '@switchboard/contracts';

export type Priority = C.TicketPriority;
export type Impact = C.TicketImpact;
export type TicketType = C.TicketType;
export type StatusCategory = C.StatusCategory;
export type ActivityStatus = C.ActivityStatus;
export type Sentiment = C.Sentiment | null;
export type Visibility = C.Visibility;
export type PersonRef = C.PersonRef;
export type ContactRef = NonNullable<C.TicketView['requester']>;
export type CcEntry = C.CcEntry;
export type Ticket = C.TicketView;
export type Author = C.AuthorRef;
export type Comment = C.CommentView;
export type Activity = C.ActivityView;
export type Viewer = C.ViewerView;

/** GET /api/tickets/:number/summary (the hover card). */
export type TicketSummary = C.ApiSchema<'TicketSummaryViewDto'>;

export type TicketStatus = C.ApiSchema<'TicketStatusViewDto'>;

export type QuickReply = C.ApiSchema<'QuickReplyViewDto'>;

export type Contact = C.ApiSchema<'ContactViewDto'>;

export type Company = C.ApiSchema<'CompanyViewDto'>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TicketFilters {
  status: string;
  assignee: string;
  requester: string;
  company: string;
  type: string;
  priority: string;
  sentiment: string;
  q: string;
  sort: string;
}
