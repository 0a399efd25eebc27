import type { ActivityStatus, StatusCategory, TicketPriority } from './ticket.types.js';
import type { TicketView, CommentView, ActivityView, ViewerView } from '@switchboard/contracts';
// Stated once in @switchboard/contracts (shared with the web and the socket event map).
export type { TicketView, CommentView, ActivityView, ViewerView };

// What leaves the tickets lib (REST, sockets): plain JSON, never entities.

export interface PersonRef {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  email: string | null;
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
  /** French label, null when the admin gave none (show `name`). */
  nameFr: string | null;
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
  /** French name, null when none (show `name`). */
  nameFr: string | null;
  body: string;
  /** French text, null when none (`body` is rendered for everyone). */
  bodyFr: string | null;
  shared: boolean;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
