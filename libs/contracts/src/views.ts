// The views the server pushes on sockets (and answers over REST), stated once for both sides: the
// server's emit calls are type-checked against these (RealtimeService), the web aliases them.
// REST-only shapes come from api-types.generated.ts (the OpenAPI document) instead.

export type Availability = 'available' | 'unavailable';

export interface PersonRef {
  id: string;
  name: string;
}

/** Cc'd people of a ticket or comment (contacts and technicians). */
export interface CcEntry {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  email?: string | null;
}

export type TicketPriority = 'low' | 'medium' | 'high' | 'critical';
export type TicketImpact = 'minor' | 'moderate' | 'major' | 'site_down';
export type TicketType = 'incident' | 'problem' | 'request' | 'change';
export type StatusCategory = 'open' | 'pending' | 'done';
export type ActivityStatus = 'unread' | 'read' | 'waiting_for_contact' | 'waiting_for_technician';
export type Sentiment = 'positive' | 'negative' | 'neutral';
export type Visibility = 'public' | 'internal';

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
  source: string;
  sentiment: Sentiment | null;
  /** The latest satisfaction score of the requester (1–5), null before any answer. */
  csatScore: number | null;
  companyId: string;
  requester: { id: string; firstName: string; lastName: string; email: string | null } | null;
  assignee: PersonRef | null;
  cc: CcEntry[];
  mergedInto: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuthorRef {
  kind: 'account' | 'contact' | 'system' | 'automation';
  id: string | null;
  name: string;
}

export interface AttachmentRef {
  id: string;
  name: string;
  size: number;
  contentType: string;
  inline?: boolean;
  contentId?: string;
}

export interface CommentView {
  id: string;
  ticketNumber: number;
  visibility: Visibility;
  body: string;
  author: AuthorRef;
  source: string;
  truncated: boolean;
  cc: CcEntry[];
  notify: PersonRef[];
  attachments: AttachmentRef[];
  /** An inbound email whose full original (.eml) is stored. */
  hasOriginal?: boolean;
  /** The ticket's opening message (first mail of an email ticket): the Request, not a reply. */
  opening: boolean;
  createdAt: string;
}

export interface ActivityView {
  id: string;
  ticketNumber: number;
  action: string;
  actor: AuthorRef;
  from: unknown;
  to: unknown;
  createdAt: string;
}

export interface ViewerView {
  accountId: string;
  name: string;
  since: string;
}

export type ParticipantKind = 'contact' | 'technician' | 'system';

export interface MessageAuthor {
  kind: ParticipantKind;
  id: string | null;
  name: string;
}

/** One message of a conversation (portal live chat, agent chat). */
export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  kind: 'text' | 'system' | 'file';
  body: string;
  author: MessageAuthor;
  /** Only on `kind: 'file'` messages; `body` is then the file name. */
  file?: { fileId: string; name: string; size: number; contentType: string };
  createdAt: string;
}

export interface ParticipantView {
  kind: ParticipantKind;
  id: string | null;
  name: string;
  role: 'owner' | 'member' | 'observer';
  joinedAt: string;
  leftAt: string | null;
}

export type CaseType = 'live_chat' | 'support_request';
export type CaseStatus = 'unassigned' | 'assigned' | 'resolved';
export type ChatStatus = 'waiting' | 'active' | 'ended';

export interface CaseDeviceView {
  browser?: string | null;
  os?: string | null;
  deviceType?: string | null;
  language?: string | null;
  userAgent?: string | null;
}

export interface CaseView {
  id: string;
  shortId: string;
  type: CaseType;
  status: CaseStatus;
  live: boolean;
  chatStatus: ChatStatus;
  endedReason: string | null;
  companyId: string;
  portal: { id: string; name: string; subdomain: string; address: string };
  customer: { contactId: string; firstName: string; lastName: string; email: string | null } | null;
  assignee: PersonRef | null;
  question: string;
  preview: string[];
  conversationId: string;
  device: CaseDeviceView | null;
  ticketNumber: number | null;
  createdAt: string;
  submittedAt: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

/** A chat as technicians see it (REST and the `agent-chat.updated` event). */
export interface AgentChatView {
  id: string;
  companyId: string;
  status: ChatStatus;
  initiatedBy: 'technician' | 'contact';
  device: { id: string; name: string; os: string };
  contact: { id: string | null; name: string };
  technician: PersonRef | null;
  ticket: { number: number; title: string; auto: boolean } | null;
  lastSeq: number;
  createdAt: string;
  acceptedAt: string | null;
  lastMessageAt: string | null;
  endedAt: string | null;
  endedReason: string | null;
}

/** A chat as the helpdesk agent (the device) sees it. */
export interface DeviceChatView {
  id: string;
  status: ChatStatus;
  initiatedBy: 'technician' | 'contact';
  technician: { name: string } | null;
  ticket: { number: number } | null;
  lastSeq: number;
  endedReason: string | null;
  /** A chat started from a ticket: the ticket's earlier public conversation (defect 8), else null. */
  earlier: EarlierInTicket | null;
}

/** One public message of a ticket, as shown above a chat started from it. */
export interface EarlierTicketLine {
  author: { kind: 'contact' | 'account' | 'system'; name: string };
  body: string;
  createdAt: string;
}

/**
 * "Earlier in ticket #N": the ticket's Request and latest public replies, oldest first, as they
 * were when the chat started (never internal notes). `more`: older replies were left out.
 */
export interface EarlierInTicket {
  number: number;
  lines: EarlierTicketLine[];
  more: boolean;
}

/** What the `notification` event carries. */
export interface NotificationPush {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  /** In-app path to open, e.g. `/tickets/42` for an @notify. */
  link?: string | null;
}
