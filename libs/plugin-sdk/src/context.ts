import type { PluginAiAccessor } from './ai.js';
import type { InboundMessage, InboundResult } from './inbound.js';
import type { PluginContact, PluginContactCreate, PluginContactQuery } from './contacts.js';
import type { SwitchboardEventMap, SwitchboardEventName } from './events.js';
import type { SettingValue, SettingsValues } from './settings.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface PluginLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** The plugin's own validated settings (no permission needed: they are its own). */
export interface PluginSettingsReader {
  get<T extends SettingValue = SettingValue>(key: string): T | undefined;
  all(): SettingsValues;
}

/** A key/value store scoped to this plugin (permission `kv`). Values are JSON, max 64 KiB each. */
export interface PluginKvStore {
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | null>;
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Entries whose key starts with `prefix` (all when omitted), ordered by key. */
  list(prefix?: string): Promise<Array<{ key: string; value: JsonValue }>>;
}

export interface PluginHttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Default 10 s, max 60 s. */
  timeoutMs?: number;
}

export interface PluginHttpResponse {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  body: string;
}

/** HTTP to hosts granted as `net:<host>` only. Redirects are not followed (they could leave the allow-list). */
export interface PluginHttp {
  fetch(url: string, init?: PluginHttpRequest): Promise<PluginHttpResponse>;
}

/** What `ctx.net.listen` starts: Node's net/http/tls servers and libraries built on them (smtp-server). */
export interface ListenableServer {
  listen(port: number, host: string, callback: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
  /** Called when the plugin is revoked (crash or disable) and the server still listens. */
  close?(callback?: () => void): unknown;
}

/**
 * SDK 1.3: sockets the plugin opens itself, checked against its granted `net:listen[:<port>]` and
 * `net:connect[:<host>[:<port>]]` permissions. Plugins run in the host's process, so this is the
 * supported path rather than a sandbox: a plugin that calls `node:net` directly bypasses it, and
 * reviewing a plugin's code stays part of installing it.
 */
export interface PluginNet {
  /**
   * Start `server` on port/host (default `0.0.0.0`) once listening there is granted; resolves when it
   * listens. A server still listening when the plugin is revoked (it crashed) is closed by the SDK.
   */
  listen(server: ListenableServer, options: { port: number; host?: string }): Promise<void>;
  /**
   * Throws PluginPermissionError unless connecting to host:port is granted. Call it before a client
   * library (nodemailer, an IMAP client) opens its socket.
   */
  assertConnect(host: string, port: number): void;
}

/** Contacts (read: `contacts.read`, create: `contacts.write`; PII: `contacts.pii.read`). */
export interface PluginContactsAccessor {
  /** null when there is no such contact. */
  get(id: string): Promise<PluginContact | null>;
  list(query?: PluginContactQuery): Promise<PluginContact[]>;
  create(input: PluginContactCreate): Promise<PluginContact>;
}

/** Placeholder: the conversations domain is not there yet; every call throws PluginNotAvailableError. */
export interface PluginConversationsAccessor {
  get(id: string): Promise<never>;
  list(query?: Record<string, JsonValue>): Promise<never>;
  /** Needs `messages.write` once available. */
  postMessage(conversationId: string, message: { text: string }): Promise<never>;
}

/** Placeholder: the tickets domain is not there yet; every call throws PluginNotAvailableError. */
export interface PluginTicketsAccessor {
  get(id: string): Promise<never>;
  list(query?: Record<string, JsonValue>): Promise<never>;
  addComment(ticketId: string, comment: { text: string; internal?: boolean }): Promise<never>;
}

/**
 * SDK 1.2 (permission `channel.ingest`, channel plugins only): hand a normalised inbound message
 * to the core's pipeline — contact identity, threading, de-duplication by `externalId`, loop
 * guard, persistence, events. For listeners the plugin runs itself (an SMTP server, a mailbox
 * poller); webhook requests on `POST /hooks/:instanceId` go through `verify`/`parse` instead.
 */
export interface PluginInboundAccessor {
  receive(message: InboundMessage, options?: { instanceId?: string }): Promise<InboundResult>;
}

export type PluginEventHandler<K extends SwitchboardEventName> = (
  payload: SwitchboardEventMap[K],
  name: K,
) => void | Promise<void>;

export interface PluginEvents {
  /**
   * Subscribe to a domain event (needs the permission in SWITCHBOARD_EVENT_PERMISSIONS).
   * Payloads are deep copies. A handler that throws disables the plugin (status `crashed`).
   * Returns an unsubscribe function.
   */
  on<K extends SwitchboardEventName>(name: K, handler: PluginEventHandler<K>): () => void;
}

/** Everything a plugin can reach. Every accessor checks the granted permissions on each call. */
export interface PluginContext {
  plugin: { id: string; version: string };
  /** Granted permissions (a copy). */
  permissions: readonly string[];
  logger: PluginLogger;
  settings: PluginSettingsReader;
  kv: PluginKvStore;
  http: PluginHttp;
  contacts: PluginContactsAccessor;
  conversations: PluginConversationsAccessor;
  tickets: PluginTicketsAccessor;
  events: PluginEvents;
  /** SDK 1.2: inbound messages into the core pipeline (`channel.ingest`). */
  inbound: PluginInboundAccessor;
  /** SDK 1.3: listening and outbound sockets (`net:listen…`, `net:connect…`). */
  net: PluginNet;
  /** SDK 1.4: a completion from the installation's compose provider (`ai.complete`). */
  ai: PluginAiAccessor;
}
