import type { AiCompletionRequest } from '../ai.js';
import type { RawContact } from '../contacts.js';
import { PluginNotAvailableError } from '../errors/plugin-not-available.error.js';
import type { InboundMessage, InboundResult } from '../inbound.js';
import type { JsonValue, PluginContext, PluginHttpRequest, PluginHttpResponse } from '../context.js';
import type { PluginDefinition } from '../define-plugin.js';
import { PluginSettingsError } from '../errors/plugin-settings.error.js';
import type { PluginPermissionError } from '../errors/plugin-permission.error.js';
import type { SwitchboardEventMap, SwitchboardEventName } from '../events.js';
import type { PluginRegistrar } from '../feature.js';
import { createCheckedContext, jsonCopy } from '../runtime/create-checked-context.js';
import { initialSettings, validateSettings, type SettingsValues } from '../settings.js';

export interface FakeHttpRequest extends PluginHttpRequest {
  url: string;
}

export type FakeHttpResponder = (
  req: FakeHttpRequest,
) => (Partial<PluginHttpResponse> & { status: number }) | Promise<Partial<PluginHttpResponse> & { status: number }>;

export interface FakeHostOptions {
  /** The plugin under test: its manifest gives the id, version, default grants and settings schema. */
  plugin?: PluginDefinition;
  /** Granted permissions. Default: everything the plugin's manifest requests (none without a plugin). */
  permissions?: string[];
  /** Settings, validated against the plugin's schema like the real host (throws PluginSettingsError). */
  settings?: Record<string, unknown>;
  /** Seed contacts (raw, with PII; the context redacts like the real host). */
  contacts?: RawContact[];
  /** Answers `ctx.http.fetch` for allowed hosts. Without one, allowed fetches reject. */
  http?: FakeHttpResponder;
  /** ISO time used for created records. */
  now?: string;
  /**
   * SDK 1.2: answers `ctx.inbound.receive`. Default: like the core's de-duplication — a new
   * externalId is `created` (ticket numbers from 1), a repeated one `duplicate`.
   */
  inbound?: (message: InboundMessage, options: { instanceId?: string }) => InboundResult | Promise<InboundResult>;
  /** SDK 1.4: answers `ctx.ai.complete`. Without one, calls reject with PluginNotAvailableError (no provider). */
  ai?: (request: AiCompletionRequest, options: { signal?: AbortSignal }) => string | Promise<string>;
  /** SDK 1.2: environment for settings' `env` first-start defaults (applied under `settings`). */
  env?: Record<string, string | undefined>;
}

export type FakeHostStatus = 'disabled' | 'enabled' | 'crashed';

export interface FakeHost {
  ctx: PluginContext;
  registrar: PluginRegistrar;
  readonly status: FakeHostStatus;
  /** The plugin's KV entries (live view; values as stored). */
  kv: Map<string, JsonValue>;
  contacts: RawContact[];
  /** Domain events the host emitted because of plugin actions (e.g. `contact.created`). */
  emitted: Array<{ name: string; payload: unknown }>;
  denied: PluginPermissionError[];
  logs: Array<{ level: 'debug' | 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> }>;
  httpRequests: FakeHttpRequest[];
  /** SDK 1.2: every message the plugin handed to `ctx.inbound.receive` (copies), with its options. */
  received: Array<{ message: InboundMessage; options: { instanceId?: string }; result: InboundResult }>;
  /** SDK 1.2: extension points the plugin currently fills (removed on disable/crash, like the host). */
  provided: Map<string, unknown>;
  /** SDK 1.4: every `ctx.ai.complete` request the plugin made (copies). */
  aiRequests: AiCompletionRequest[];
  crashes: Array<{ error: unknown; where: string }>;
  /** Deliver an event to the plugin's subscriptions. Rejects if a handler threw (the plugin is then crashed). */
  publish<K extends SwitchboardEventName>(name: K, payload: SwitchboardEventMap[K]): Promise<void>;
  /** Number of live subscriptions, optionally for one event. */
  subscriptions(name?: SwitchboardEventName): number;
  /** Run onEnable then register, like the host. A throwing hook leaves status `crashed` and rethrows. */
  enable(): Promise<void>;
  /** Run onDisable and drop every subscription, like the host. */
  disable(): Promise<void>;
}

/**
 * An in-memory host for plugin unit tests. Permission checks, PII redaction, payload copying and
 * crash handling are the SDK's own `createCheckedContext`, the very layer the real host uses.
 */
export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const plugin = options.plugin;
  const manifest = plugin?.manifest;
  const permissions = options.permissions ?? manifest?.permissions ?? [];
  const schema = manifest?.settings ?? [];
  let settings: SettingsValues = {};
  if (manifest) {
    const initial = initialSettings(schema, options.env ?? {}).values;
    const result = validateSettings(schema, { ...initial, ...(options.settings ?? {}) });
    if (!result.valid) throw new PluginSettingsError(result.fieldErrors);
    settings = result.values;
  } else settings = jsonCopy((options.settings ?? {}) as SettingsValues);

  const now = options.now ?? '2025-01-01T00:00:00.000Z';
  const kv = new Map<string, JsonValue>();
  const contacts = jsonCopy(options.contacts ?? []);
  const handlers = new Map<string, Set<(payload: unknown) => Promise<void>>>();
  let status: FakeHostStatus = plugin ? 'disabled' : 'enabled';

  const host: Omit<FakeHost, 'ctx' | 'registrar' | 'status' | 'publish' | 'subscriptions' | 'enable' | 'disable'> = {
    kv,
    contacts,
    emitted: [],
    denied: [],
    logs: [],
    httpRequests: [],
    received: [],
    provided: new Map(),
    aiRequests: [],
    crashes: [],
  };
  const seenExternalIds = new Set<string>();

  const log = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, data?: Record<string, unknown>) =>
    void host.logs.push({ level, message, data });

  const deliver = async (name: string, payload: unknown) => {
    await Promise.all([...(handlers.get(name) ?? [])].map((h) => h(payload)));
  };

  const checked = createCheckedContext({
    plugin: { id: manifest?.id ?? 'test-plugin', version: manifest?.version ?? '0.0.0' },
    permissions,
    settings,
    onDenied: (error) => void host.denied.push(error),
    onHandlerError: (error, where) => {
      host.crashes.push({ error, where });
      status = 'crashed';
      checked.revoke();
    },
    backend: {
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      kv: {
        get: async (key) => (kv.has(key) ? jsonCopy(kv.get(key)!) : null),
        set: async (key, value) => void kv.set(key, jsonCopy(value)),
        delete: async (key) => void kv.delete(key),
        list: async (prefix = '') =>
          [...kv.entries()]
            .filter(([k]) => k.startsWith(prefix))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, value]) => ({ key, value: jsonCopy(value) })),
      },
      http: {
        async fetch(url, init) {
          host.httpRequests.push({ url, ...init });
          if (!options.http) throw new Error(`createFakeHost: no http responder configured (fetch ${url})`);
          const res = await options.http({ url, ...init });
          return { ok: res.status >= 200 && res.status < 300, headers: {}, body: '', ...res };
        },
      },
      contacts: {
        get: async (id) => contacts.find((c) => c.id === id) ?? null,
        list: async ({ companyId, limit }) =>
          contacts.filter((c) => !companyId || c.companyId === companyId).slice(0, limit),
        async create(input) {
          const contact: RawContact = {
            id: `contact-${contacts.length + 1}`,
            companyId: input.companyId,
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email,
            phone: input.phone ?? null,
            createdAt: now,
          };
          contacts.push(contact);
          const payload = { contactId: contact.id, companyId: contact.companyId };
          host.emitted.push({ name: 'contact.created', payload });
          await deliver('contact.created', payload);
          return contact;
        },
      },
      inbound: {
        async receive(message, receiveOptions) {
          let result: InboundResult;
          if (options.inbound) result = await options.inbound(message, receiveOptions);
          else if (seenExternalIds.has(message.externalId)) result = { status: 'duplicate' };
          else {
            seenExternalIds.add(message.externalId);
            result = { status: 'created', ticketNumber: seenExternalIds.size };
          }
          host.received.push({ message: jsonCopy(message), options: { ...receiveOptions }, result: jsonCopy(result) });
          return result;
        },
      },
      ai: {
        async complete(request, callOptions) {
          host.aiRequests.push(jsonCopy(request));
          if (!options.ai) throw new PluginNotAvailableError('ai.complete', 'has no compose provider in this host');
          return options.ai(request, callOptions);
        },
      },
      provide(point, implementation) {
        if (host.provided.has(point)) throw new Error(`createFakeHost: extension point "${point}" is already filled`);
        host.provided.set(point, implementation);
        return () => void host.provided.delete(point);
      },
      subscribe(name, handler) {
        if (!handlers.has(name)) handlers.set(name, new Set());
        handlers.get(name)!.add(handler);
        return () => void handlers.get(name)?.delete(handler);
      },
    },
  });

  const crashed = async (where: string, run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      host.crashes.push({ error, where });
      status = 'crashed';
      checked.revoke();
      throw error;
    }
  };

  // defineProperty, not Object.assign: assign would copy the getter's value once.
  Object.defineProperty(host, 'status', { get: () => status, enumerable: true });
  return Object.assign(host, {
    ctx: checked.context,
    registrar: checked.registrar,
    async publish(name: string, payload: unknown) {
      const before = host.crashes.length;
      await deliver(name, jsonCopy(payload));
      if (host.crashes.length > before) throw host.crashes[before].error;
    },
    subscriptions(name?: string) {
      if (name) return handlers.get(name)?.size ?? 0;
      return [...handlers.values()].reduce((n, s) => n + s.size, 0);
    },
    async enable() {
      if (!plugin) throw new Error('createFakeHost: pass { plugin } to use enable()');
      await crashed('onEnable', () => plugin.onEnable?.(checked.context));
      await crashed('register', () => plugin.register?.(checked.registrar, checked.context));
      status = 'enabled';
    },
    async disable() {
      if (plugin) await crashed('onDisable', () => plugin.onDisable?.(checked.context));
      checked.revoke();
      status = 'disabled';
    },
  }) as FakeHost;
}
