import type { Sentiment } from './views.js';

/**
 * `ticket.sentiment.changed`: the end user's sentiment on a ticket took a new label (published after
 * the commit, once per change). Core-internal today (automation, notifications subscribe); not in
 * the plugin SDK's event map.
 */
export interface TicketSentimentChangedPayload {
  ticketId: string;
  number: number;
  companyId: string;
  /** null: the ticket had no sentiment yet. */
  from: Sentiment | null;
  to: Sentiment;
  /** -1 (most negative) .. 1, as the provider scored it. */
  score: number;
  /** The plugin that classified. */
  pluginId: string;
}

/**
 * `conversation.ending`: a conversation is about to end (published and awaited before the end's
 * system line and the status change), so what hangs on the chat (a screen sharing session) can
 * close and still write its own line into the log. Not published when it had already ended.
 */
export interface ConversationEndingPayload {
  conversationId: string;
  companyId: string;
  channel: string;
  reason: string;
}

/** `conversation.purged`: a conversation was erased for good (its case deleted): what hangs on it goes too. */
export interface ConversationPurgedPayload {
  conversationId: string;
}

/**
 * `ticket.end-users.told`: after the commit, a public reply or a status change reached a ticket;
 * `contactIds` are the end users to tell (requester and Cc'd contacts) as the change left the
 * ticket, so the portal's live "my tickets" needs no read of its own.
 */
export interface TicketEndUsersToldPayload {
  number: number;
  companyId: string;
  contactIds: string[];
  reason: 'comment' | 'status';
}

/** Domain events of the core beyond the SDK's public map. */
export interface CoreDomainEventMap {
  'ticket.sentiment.changed': TicketSentimentChangedPayload;
  'ticket.end-users.told': TicketEndUsersToldPayload;
  'conversation.ending': ConversationEndingPayload;
  'conversation.purged': ConversationPurgedPayload;
}
