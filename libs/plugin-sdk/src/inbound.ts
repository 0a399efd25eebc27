// What a channel hands to the host's inbound pipeline, and what the pipeline answers.

export interface ChannelAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Base64 content; large files may instead be given as a host-served URL. */
  contentBase64?: string;
  url?: string;
  /** SDK 1.2: shown inside the message (an email's `Content-Disposition: inline` image), not as a download. */
  inline?: boolean;
  /** SDK 1.2: the part's Content-ID without angle brackets (`cid:` references in HTML bodies). */
  contentId?: string;
}

/** SDK 1.2: why the channel marked a message automatic. The core records it, never notifies. */
export type AutomatedKind = 'auto-reply' | 'bounce';

/**
 * SDK 1.4: what a delivery report (bounce) says about the message it returns: the headers of that
 * message (ours, as we sent it) and the address it could not reach. Channels fill it from the
 * returned part (`message/rfc822`, `text/rfc822-headers`) or the copy inside a plain failure notice.
 */
export interface ReturnedMessage {
  /** Message-ID of the returned message (one we sent), with angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  subject?: string;
  /** The recipient the report says failed (`Final-Recipient`/`Original-Recipient`, else the returned To). */
  recipient?: string;
}

/** A message normalised by `parse`, fed to the core pipeline (identity, threading, dedup...). */
export interface InboundMessage {
  /** The channel's own id, used for de-duplication: stable across redeliveries. */
  externalId: string;
  from: { address: string; name?: string };
  to?: Array<{ address: string; name?: string }>;
  subject?: string;
  text: string;
  html?: string;
  attachments?: ChannelAttachment[];
  /** External ids this message replies to (threading). */
  inReplyTo?: string;
  references?: string[];
  /** ISO timestamp from the channel, if it has one. */
  sentAt?: string;
  /** The channel marked it automatic (auto-reply, bounce): the loop guard drops or flags it. */
  automated?: boolean;
  /** SDK 1.2: what kind of automatic message (implies `automated`). */
  automatedKind?: AutomatedKind;
  /** SDK 1.2: other people addressed (email Cc): the core adds them to the conversation's Cc. */
  cc?: Array<{ address: string; name?: string }>;
  /** SDK 1.2: the addresses of ours this message was delivered to (envelope recipients): loop guard, Cc filtering. */
  recipients?: string[];
  /** SDK 1.2: the full text before reply extraction (quoted history, signature), when it differs from `text`. */
  fullText?: string;
  /** SDK 1.2: the original message as received (e.g. the RFC 822 source), base64; the core keeps it retrievable. */
  rawBase64?: string;
  /** SDK 1.2: media type of `rawBase64` (`message/rfc822`). */
  rawContentType?: string;
  /** SDK 1.4: for a bounce (`automatedKind: 'bounce'`), the returned message's headers: how the core finds its ticket. */
  returned?: ReturnedMessage;
}

/** SDK 1.2: what the core did with one inbound message (`ctx.inbound.receive`). */
export interface InboundResult {
  /**
   * `created`: a new ticket; `appended`: added to an existing one; `duplicate`: this externalId was
   * processed before (nothing done); `ignored`: loop guard / automatic message (recorded, not
   * notified); `rejected`: refused by policy (unknown sender, rate limit, too large).
   */
  status: 'created' | 'appended' | 'duplicate' | 'ignored' | 'rejected';
  /** Machine-readable reason for `ignored`/`rejected` (`own_address`, `auto-reply`, `bounce`, `rate_limited`, `unknown_sender`, `too_large`). */
  reason?: string;
  ticketNumber?: number;
  commentId?: string;
}
