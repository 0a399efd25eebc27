import type { PluginContext } from './context.js';
import type { ChannelAttachment, InboundMessage } from './inbound.js';
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
