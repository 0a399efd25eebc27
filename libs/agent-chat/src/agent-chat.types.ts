import type { AgentChatView, DeviceChatView, EarlierInTicket } from '@switchboard/contracts';
// Stated once in @switchboard/contracts (shared with the web and the socket event map).
export type { AgentChatView, DeviceChatView };

/** The conversation channel slug of agent chat (conversations.channel). */
export const AGENT_CHANNEL = 'agent';
export const AGENT_CHAT_PLUGIN_ID = 'channel-agent-chat';

// The product's numbers.
/** A chat request (either way) not accepted within 2 minutes is ended. */
export const ACCEPT_TIMEOUT_MS = 2 * 60_000;
/** A chat with no message for more than 5 minutes is ended. */
export const IDLE_TIMEOUT_MS = 5 * 60_000;
/** After 2 minutes of conversation a ticket is created for the contact. */
export const AUTO_TICKET_AFTER_MS = 2 * 60_000;
/** Identity confirmation tokens expire after 15 minutes. */
export const IDENTITY_TOKEN_TTL_MS = 15 * 60_000;
/** Confirmation emails per device (and per address) within IDENTITY_TOKEN_TTL_MS. */
export const IDENTITY_TOKENS_PER_WINDOW = 3;
/** Wrong guesses allowed per token before it is burnt. */
export const IDENTITY_MAX_ATTEMPTS = 5;

export type ChatInitiator = 'technician' | 'contact';

/** What agent chat keeps in `conversation.meta`. */
export interface AgentChatMeta {
  deviceId: string;
  deviceName: string;
  deviceOs: string;
  initiatedBy: ChatInitiator;
  /** The technician who asked (technician-initiated) or who accepted (user-initiated). */
  technician: { id: string; name: string } | null;
  contactName: string;
  acceptedAt?: string;
  ticketNumber?: number;
  ticketTitle?: string;
  /** The ticket was created by the 2-minute rule (the technician is prompted to rename it at the end). */
  autoTicket?: boolean;
  /** Messages up to this seq are in the ticket's description (the transcript); later ones are comments. */
  ticketSeq?: number;
  /** Started from a ticket: its earlier public conversation, taken once at the start (defect 8). */
  earlier?: EarlierInTicket;
}
