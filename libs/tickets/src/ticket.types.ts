// The closed vocabularies of the ticket domain; statuses are open-ended (admins add their own).
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** Sort rank for `sort=priority` (a stored column so the keyset cursor can use an index). */
export const PRIORITY_RANK: Record<TicketPriority, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export const TICKET_IMPACTS = ['minor', 'moderate', 'major', 'site_down'] as const;
export type TicketImpact = (typeof TICKET_IMPACTS)[number];

export const TICKET_TYPES = ['incident', 'problem', 'request', 'change'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_SOURCES = ['web', 'email', 'portal', 'chat'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const STATUS_CATEGORIES = ['open', 'pending', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const ACTIVITY_STATUSES = ['unread', 'read', 'waiting_for_contact', 'waiting_for_technician'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export type Visibility = 'public' | 'internal';
export type CommentSource = TicketSource | 'automation';
export type AuthorKind = 'account' | 'contact' | 'system';
export type ActorKind = 'account' | 'contact' | 'system' | 'automation';

export interface CcEntry {
  kind: 'contact' | 'account';
  id: string;
}

export interface AttachmentMeta {
  /** The stored file (GET /api/files/:id/content). */
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** Shown inside the message (an email's inline image), not only as a download. */
  inline?: boolean;
  /** Content-ID of an inline email part (`cid:` references). */
  contentId?: string;
}

/** 64K characters: longer comments from email/portal are cut and flagged. */
export const MAX_COMMENT_CHARS = 65_536;
/** Attachments per message, all together. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The built-in statuses with their default labels in English (`name`) and French (`nameFr`, #16). */
export const BUILT_IN_STATUSES: { key: string; name: string; nameFr: string; category: StatusCategory }[] = [
  { key: 'open', name: 'Open', nameFr: 'Ouvert', category: 'open' },
  { key: 'pending', name: 'Pending', nameFr: 'En attente', category: 'pending' },
  { key: 'resolved', name: 'Resolved', nameFr: 'Résolu', category: 'done' },
  { key: 'closed', name: 'Closed', nameFr: 'Fermé', category: 'done' },
];

/** Who did something: the actor of activity lines, the author of comments. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string;
}
