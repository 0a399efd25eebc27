import type { MessageView, ParticipantView, MessageAuthor } from '@switchboard/contracts';
// Stated once in @switchboard/contracts (shared with the web and the socket event map).
export type { MessageView, ParticipantView, MessageAuthor };

/** Channel slugs: 'portal' and 'agent' now; 'email' and others later. Free text so plugins can add channels. */
export type ConversationChannel = string;
export type ConversationStatus = 'waiting' | 'active' | 'ended';
export type ParticipantKind = 'contact' | 'technician' | 'system';
/** owner: answers the conversation; member: conference guest; observer: supervisor listening in. */
export type ParticipantRole = 'owner' | 'member' | 'observer';
export type MessageKind = 'text' | 'system' | 'file';

/** Default composer limit (contact-centre rule: 1,000 characters); channels may lower it. */
export const DEFAULT_MAX_MESSAGE_LENGTH = 1000;

/** The file a `kind: 'file'` message carries (stored through the core's file storage). */
export interface MessageFile {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ConversationView {
  id: string;
  companyId: string;
  channel: ConversationChannel;
  channelInstanceId: string | null;
  status: ConversationStatus;
  contactId: string | null;
  subject: string | null;
  ticketId: string | null;
  meta: Record<string, unknown>;
  lastSeq: number;
  createdAt: string;
  lastMessageAt: string | null;
  endedAt: string | null;
  endedReason: string | null;
}

/** Who does something to a conversation (for "X joined", "ended by"). */
export type ConversationActor =
  /** id null: a person at a device whose contact is not known yet (agent chat started by a technician). */
  | { kind: 'contact'; id: string | null; name: string }
  | { kind: 'technician'; id: string; name: string }
  | { kind: 'system'; id?: null; name?: string };
