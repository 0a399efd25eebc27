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

/** Domain events of the core beyond the SDK's public map. */
export interface CoreDomainEventMap {
  'ticket.sentiment.changed': TicketSentimentChangedPayload;
}
