import type {
  ActivityStatus,
  ActorKind,
  AttachmentMeta,
  AuthorKind,
  CommentSource,
  Sentiment,
  StatusCategory,
  TicketImpact,
  TicketPriority,
  TicketSource,
  TicketType,
  Visibility,
} from './ticket.types.js';

// What leaves the tickets lib (REST, sockets): plain JSON, never entities.

export interface PersonRef {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  email: string | null;
}

export interface TicketView {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  statusCategory: StatusCategory;
  priority: TicketPriority;
  impact: TicketImpact;
  type: TicketType;
  productFamilyId: string | null;
  activityStatus: ActivityStatus;
  source: TicketSource;
  sentiment: Sentiment | null;
  companyId: string;
  requester: { id: string; firstName: string; lastName: string; email: string | null } | null;
  assignee: { id: string; name: string } | null;
  cc: PersonRef[];
  mergedInto: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommentView {
  id: string;
  ticketNumber: number;
  visibility: Visibility;
  body: string;
  author: { kind: AuthorKind; id: string | null; name: string };
  source: CommentSource;
  truncated: boolean;
  cc: PersonRef[];
  notify: { id: string; name: string }[];
  attachments: AttachmentMeta[];
  /** The full original message is stored (email): `GET /api/tickets/:number/comments/:id/original`. */
  hasOriginal: boolean;
  createdAt: string;
}

export interface ActivityView {
  id: string;
  ticketNumber: number;
  action: string;
  actor: { kind: ActorKind; id: string | null; name: string };
  from: unknown;
  to: unknown;
  createdAt: string;
}

export interface TicketSummaryView {
  number: number;
  /** Masking scope of the hover card. */
  companyId: string;
  title: string;
  status: string;
  priority: TicketPriority;
  activityStatus: ActivityStatus;
  latestComment: CommentView | null;
}

export interface TicketStatusView {
  key: string;
  name: string;
  category: StatusCategory;
  builtIn: boolean;
  position: number;
}
export interface ProductFamilyView {
  id: string;
  name: string;
}
export interface QuickReplyView {
  id: string;
  name: string;
  body: string;
  shared: boolean;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface ViewerView {
  accountId: string;
  name: string;
  since: string;
}

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
