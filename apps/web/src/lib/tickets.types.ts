// Ticket payloads as documented in libs/tickets/README.md (kept by hand: the SPA does not import backend code).

export type Priority = 'low' | 'medium' | 'high' | 'critical';
export type Impact = 'minor' | 'moderate' | 'major' | 'site_down';
export type TicketType = 'incident' | 'problem' | 'request' | 'change';
export type StatusCategory = 'open' | 'pending' | 'done';
export type ActivityStatus = 'unread' | 'read' | 'waiting_for_contact' | 'waiting_for_technician';
export type Sentiment = 'positive' | 'negative' | 'neutral' | null;
export type Visibility = 'public' | 'internal';

export interface PersonRef {
  id: string;
  name: string;
}

export interface ContactRef {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface CcEntry {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  email?: string | null;
}

export interface Ticket {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  statusCategory: StatusCategory;
  priority: Priority;
  impact: Impact;
  type: TicketType;
  productFamilyId: string | null;
  activityStatus: ActivityStatus;
  source: string;
  sentiment: Sentiment;
  companyId: string;
  requester: ContactRef | null;
  assignee: PersonRef | null;
  cc: CcEntry[];
  mergedInto: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Author {
  kind: 'account' | 'contact' | 'system' | 'automation';
  id: string | null;
  name: string;
}

export interface Comment {
  id: string;
  ticketNumber: number;
  visibility: Visibility;
  body: string;
  author: Author;
  source: string;
  truncated: boolean;
  cc: CcEntry[];
  notify: PersonRef[];
  attachments: { id: string; name: string; size: number; contentType: string; inline?: boolean; contentId?: string }[];
  /** An inbound email whose full original (.eml) is stored. */
  hasOriginal?: boolean;
  createdAt: string;
}

export interface Activity {
  id: string;
  ticketNumber: number;
  action: string;
  actor: Author;
  from: unknown;
  to: unknown;
  createdAt: string;
}

export interface TicketSummary {
  number: number;
  title: string;
  status: string;
  priority: Priority;
  activityStatus: ActivityStatus;
  latestComment: Comment | null;
}

export interface TicketStatus {
  key: string;
  name: string;
  category: StatusCategory;
  builtIn: boolean;
  position: number;
}

export interface QuickReply {
  id: string;
  name: string;
  body: string;
  shared: boolean;
}

export interface Contact {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface Company {
  id: string;
  name: string;
}

export interface Viewer {
  accountId: string;
  name: string;
  since: string;
}

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
  q: string;
  sort: string;
}
