import type { PluginContext } from './context.js';
import type { SettingField, SettingsValues } from './settings.js';

export interface ChannelCapabilities {
  attachments: boolean;
  /** Longest text body the channel accepts; null when unbounded. The core splits or refuses longer. */
  maxLength: number | null;
  typing: boolean;
  html?: boolean;
  readReceipts?: boolean;
  /** The channel threads replies natively (email In-Reply-To, chat thread ids). */
  threading?: boolean;
  /**
   * Who carries messages to the end user (SDK 1.1). `plugin` (default): `send` is the transport
   * (SMTP, an HTTP API). `host`: the end user is connected to the host itself (portal widget over
   * the `/portal` socket namespace, helpdesk agent over `/device`); the host delivers, and `send`
   * is a delivery hook called after each outbound message was delivered (acknowledge, translate,
   * mirror elsewhere) whose failure never loses the message.
   */
  transport?: 'plugin' | 'host';
}

/** One configured instance of a channel (a mailbox, a portal widget...). */
export interface ChannelInstance {
  id: string;
  pluginId: string;
  name: string;
  /** Validated against the adapter's `instanceConfig`. */
  config: SettingsValues;
}

/** The HTTP request the core received on `POST /hooks/:instanceId`, as plain JSON. */
export interface InboundRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Raw body text (signatures are computed over raw bytes). */
  body: string;
  /** SDK 1.2: the raw body bytes, base64 — binary-safe (an 8-bit RFC 822 message); `body` is their UTF-8 decoding. */
  bodyBase64?: string;
}

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

/**
 * SDK 1.2: an email the core asks a mail transport (`host.provide('mailTransport', ...)`) to
 * deliver, fully decided: addresses, subject, both parts and every header (Message-ID,
 * In-Reply-To, References, Auto-Submitted, Reply-To). The transport only delivers it.
 */
export interface OutboundEmail {
  /** The outbox record's id: stable across retries of the same mail. */
  id: string;
  from: string;
  to: string[];
  cc: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments?: ChannelAttachment[];
}

/** SDK 1.2: the `mailTransport` extension point. Throw to signal a failure: the core retries with backoff. */
export interface MailTransportProvider {
  deliver(mail: OutboundEmail): Promise<{ response?: string } | void>;
}

/** What the core asks an adapter to deliver. */
export interface OutboundMessage {
  id: string;
  text: string;
  html?: string;
  subject?: string;
  attachments?: ChannelAttachment[];
  /** External id of the message being answered, when threading. */
  inReplyTo?: string;
  references?: string[];
}

export interface ChannelAddress {
  address: string;
  name?: string;
  /** Channel thread/conversation id when the channel has one. */
  threadId?: string;
}

export interface SendResult {
  externalId: string;
}

/** The contract every channel plugin implements. Adapters translate and deliver; the core decides. */
export interface ChannelAdapter {
  /** Channel type slug (`email`, `livechat`). */
  type: string;
  capabilities: ChannelCapabilities;
  /** Per-instance configuration form (same field format as plugin settings). */
  instanceConfig: SettingField[];
  /** Authenticate an inbound request (signature, shared secret). Required when `parse` exists. */
  verify?(req: InboundRequest, instance: ChannelInstance, ctx: PluginContext): boolean | Promise<boolean>;
  /** Turn a verified inbound request into zero or more normalised messages. */
  parse?(
    req: InboundRequest,
    instance: ChannelInstance,
    ctx: PluginContext,
  ): InboundMessage[] | Promise<InboundMessage[]>;
  send(
    message: OutboundMessage,
    address: ChannelAddress,
    instance: ChannelInstance,
    ctx: PluginContext,
  ): Promise<SendResult>;
}
