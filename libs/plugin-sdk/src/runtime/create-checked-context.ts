import type { InboundMessage } from '../inbound.js';
import { toPluginContact, type PluginContactCreate } from '../contacts.js';
import type { JsonValue, ListenableServer, PluginContext, PluginHttpRequest } from '../context.js';
import { PluginNotAvailableError } from '../errors/plugin-not-available.error.js';
import { PluginPermissionError } from '../errors/plugin-permission.error.js';
import { SWITCHBOARD_EVENT_PERMISSIONS } from '../events.js';
import { EXTENSION_POINT_PERMISSIONS, type PluginRegistrar } from '../feature.js';
import { hasPermission, isConnectAllowed, isListenAllowed, isUrlAllowed } from '../permissions.js';
import type { SettingsValues } from '../settings.js';
import type { PluginBackend } from './plugin-backend.js';

export interface CheckedContextOptions {
  plugin: { id: string; version: string };
  permissions: readonly string[];
  settings: SettingsValues;
  backend: PluginBackend;
  /** Called for every denied call, before the error reaches the plugin (audit/log). */
  onDenied?(error: PluginPermissionError): void;
  /** An event handler threw: the host disables the plugin (status `crashed`). */
  onHandlerError(error: unknown, where: string): void;
  /** A handler still running after this long is left behind so the core is not blocked. */
  handlerTimeoutMs?: number;
}

export interface CheckedContext {
  context: PluginContext;
  registrar: PluginRegistrar;
  /** Remove every subscription and make every later accessor call throw. */
  revoke(): void;
  readonly subscriptionCount: number;
}

export const KV_MAX_KEY_LENGTH = 200;
export const KV_MAX_VALUE_BYTES = 64 * 1024;
const MAX_HTTP_TIMEOUT_MS = 60_000;

/** JSON round trip: plugins get plain data and can never mutate the host's objects. */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Build the permission-checked PluginContext over a host's raw ports. This is the single place
 * where permissions are enforced (default deny), shared by the real host and the testing kit.
 */
export function createCheckedContext(options: CheckedContextOptions): CheckedContext {
  const { plugin, backend } = options;
  const granted = Object.freeze([...options.permissions]);
  const settings = Object.freeze({ ...options.settings });
  const unsubscribers = new Set<() => void>();
  const withdrawals = new Set<() => void>();
  const servers = new Set<ListenableServer>();
  let revoked = false;

  const alive = (feature: string) => {
    if (revoked) throw new PluginNotAvailableError(feature, `is unavailable: plugin "${plugin.id}" is disabled`);
  };
  const deny = (permission: string, action: string): never => {
    const error = new PluginPermissionError(permission, action, plugin.id);
    backend.logger.warn('permission denied', { permission, action });
    options.onDenied?.(error);
    throw error;
  };
  const guard = (permission: string, action: string) => {
    alive(action);
    if (!hasPermission(granted, permission)) deny(permission, action);
  };
  const kvKey = (key: unknown) => {
    if (typeof key !== 'string' || key.length === 0 || key.length > KV_MAX_KEY_LENGTH) {
      throw new TypeError(`kv key must be a string of 1..${KV_MAX_KEY_LENGTH} characters`);
    }
    return key;
  };
  const notYet = (feature: string) => async (): Promise<never> => {
    alive(feature);
    throw new PluginNotAvailableError(feature);
  };

  const context: PluginContext = {
    plugin: { ...plugin },
    permissions: granted,
    logger: backend.logger,
    settings: {
      get: (key) => settings[key] as never,
      all: () => ({ ...settings }),
    },
    kv: {
      async get(key) {
        guard('kv', 'kv.get');
        return jsonCopy(await backend.kv.get(kvKey(key))) as never;
      },
      async set(key, value) {
        guard('kv', 'kv.set');
        const text = JSON.stringify(value);
        if (text === undefined) throw new TypeError('kv value must be JSON-serialisable');
        if (new TextEncoder().encode(text).length > KV_MAX_VALUE_BYTES)
          throw new RangeError(`kv value exceeds ${KV_MAX_VALUE_BYTES} bytes`);
        await backend.kv.set(kvKey(key), JSON.parse(text) as JsonValue);
      },
      async delete(key) {
        guard('kv', 'kv.delete');
        await backend.kv.delete(kvKey(key));
      },
      async list(prefix) {
        guard('kv', 'kv.list');
        if (prefix !== undefined && typeof prefix !== 'string') throw new TypeError('kv prefix must be a string');
        return jsonCopy(await backend.kv.list(prefix));
      },
    },
    http: {
      async fetch(url: string, init: PluginHttpRequest = {}) {
        alive('http.fetch');
        if (!isUrlAllowed(granted, url)) {
          let host = String(url);
          try {
            host = new URL(url).host;
          } catch {
            /* keep the raw text in the message */
          }
          deny(`net:${host}`, `http.fetch ${host}`);
        }
        const timeoutMs = Math.min(Math.max(init.timeoutMs ?? 10_000, 1), MAX_HTTP_TIMEOUT_MS);
        return jsonCopy(await backend.http.fetch(url, { ...jsonCopy(init), timeoutMs }));
      },
    },
    net: {
      async listen(server: ListenableServer, listenOptions: { port: number; host?: string }) {
        alive('net.listen');
        const port = listenOptions?.port;
        const host = listenOptions?.host ?? '0.0.0.0';
        if (!isListenAllowed(granted, port))
          deny(port ? `net:listen:${port}` : 'net:listen', `net.listen ${host}:${port}`);
        if (typeof server?.listen !== 'function' || typeof server.once !== 'function')
          throw new TypeError('net.listen needs a server with listen(port, host, callback) and once("error")');
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => {
            (server.off ?? server.removeListener)?.call(server, 'error', reject);
            resolve();
          });
        });
        servers.add(server);
      },
      assertConnect(host: string, port: number) {
        alive('net.connect');
        if (!isConnectAllowed(granted, host, port)) deny(`net:connect:${host}:${port}`, `net.connect ${host}:${port}`);
      },
    },
    contacts: {
      async get(id) {
        guard('contacts.read', 'contacts.get');
        const raw = await backend.contacts.get(String(id));
        return raw ? toPluginContact(raw, hasPermission(granted, 'contacts.pii.read')) : null;
      },
      async list(query = {}) {
        guard('contacts.read', 'contacts.list');
        const limit = Math.min(Math.max(Math.trunc(Number(query.limit ?? 50)) || 50, 1), 100);
        const rows = await backend.contacts.list({ companyId: query.companyId, limit });
        return rows.map((r) => toPluginContact(r, hasPermission(granted, 'contacts.pii.read')));
      },
      async create(input: PluginContactCreate) {
        guard('contacts.write', 'contacts.create');
        const raw = await backend.contacts.create(jsonCopy(input));
        return toPluginContact(raw, hasPermission(granted, 'contacts.pii.read'));
      },
    },
    inbound: {
      async receive(message: InboundMessage, receiveOptions: { instanceId?: string } = {}) {
        guard('channel.ingest', 'inbound.receive');
        const problems = inboundProblems(message);
        if (problems.length) throw new TypeError(`inbound message is invalid: ${problems.join('; ')}`);
        const instanceId = receiveOptions?.instanceId;
        if (instanceId !== undefined && typeof instanceId !== 'string')
          throw new TypeError('instanceId must be a string');
        return jsonCopy(await backend.inbound.receive(jsonCopy(message), instanceId ? { instanceId } : {}));
      },
    },
    ai: {
      async complete(request, callOptions = {}) {
        guard('ai.complete', 'ai.complete');
        const problems = completionProblems(request);
        if (problems.length) throw new TypeError(`ai.complete request is invalid: ${problems.join('; ')}`);
        const signal = callOptions?.signal;
        if (signal !== undefined && !(signal instanceof AbortSignal))
          throw new TypeError('ai.complete signal must be an AbortSignal');
        const { system, prompt, maxTokens } = request;
        const text = await backend.ai.complete(
          maxTokens === undefined ? { system, prompt } : { system, prompt, maxTokens },
          signal ? { signal } : {},
        );
        return String(text);
      },
    },
    conversations: {
      get: notYet('conversations.get'),
      list: notYet('conversations.list'),
      postMessage: notYet('conversations.postMessage'),
    },
    tickets: { get: notYet('tickets.get'), list: notYet('tickets.list'), addComment: notYet('tickets.addComment') },
    events: {
      on(name, handler) {
        alive(`events.on(${String(name)})`);
        if (!Object.prototype.hasOwnProperty.call(SWITCHBOARD_EVENT_PERMISSIONS, name)) {
          throw new PluginNotAvailableError(`event "${String(name)}"`, 'is not a public Switchboard event');
        }
        const needed = SWITCHBOARD_EVENT_PERMISSIONS[name];
        if (needed !== null) guard(needed, `events.on(${name})`);
        if (typeof handler !== 'function') throw new TypeError('event handler must be a function');
        const timeoutMs = options.handlerTimeoutMs ?? 10_000;
        const unsubscribe = backend.subscribe(name, async (payload) => {
          if (revoked) return;
          const run = Promise.resolve()
            .then(() => handler(jsonCopy(payload) as never, name))
            .catch((error: unknown) => {
              if (!revoked) options.onHandlerError(error, `event handler for "${name}"`);
            });
          let timer: ReturnType<typeof setTimeout> | undefined;
          const late = new Promise<void>((resolve) => {
            timer = setTimeout(() => {
              backend.logger.warn('event handler still running; not waiting any longer', { event: name, timeoutMs });
              resolve();
            }, timeoutMs);
            timer.unref?.();
          });
          await Promise.race([run, late]);
          clearTimeout(timer);
        });
        let active = true;
        const off = () => {
          if (!active) return;
          active = false;
          unsubscribers.delete(off);
          unsubscribe();
        };
        unsubscribers.add(off);
        return off;
      },
    },
  };

  const registrar: PluginRegistrar = {
    events: context.events,
    provide(point, implementation) {
      alive('provide');
      if (!Object.prototype.hasOwnProperty.call(EXTENSION_POINT_PERMISSIONS, point)) {
        throw new PluginNotAvailableError(`extension point "${String(point)}"`);
      }
      guard(EXTENSION_POINT_PERMISSIONS[point], `provide(${String(point)})`);
      if (typeof implementation !== 'object' || implementation === null)
        throw new TypeError('an extension point implementation must be an object');
      const withdraw = backend.provide(point, implementation);
      let active = true;
      const off = () => {
        if (!active) return;
        active = false;
        withdrawals.delete(off);
        withdraw();
      };
      withdrawals.add(off);
    },
  };

  return {
    context,
    registrar,
    revoke() {
      revoked = true;
      for (const off of [...unsubscribers]) off();
      for (const off of [...withdrawals]) off();
      // A crashed plugin never ran onDisable: its listeners must not keep accepting connections.
      for (const server of [...servers]) if (stillListening(server)) server.close?.(() => undefined);
      servers.clear();
    },
    get subscriptionCount() {
      return unsubscribers.size;
    },
  };
}

/** net.Server (and http/tls) answer address() null once closed; smtp-server wraps one as `.server`. */
function stillListening(server: ListenableServer): boolean {
  const s = server as { address?: () => unknown; server?: { address?: () => unknown } };
  try {
    if (typeof s.address === 'function') return s.address() !== null;
    return typeof s.server?.address === 'function' && s.server.address() !== null;
  } catch {
    return false;
  }
}

const MAX_EXTERNAL_ID = 500;

/** SDK 1.4: a completion request is two strings (up to 64 KiB each) and an optional token bound. */
export function completionProblems(request: unknown): string[] {
  if (typeof request !== 'object' || request === null) return ['request must be an object'];
  const r = request as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['system', 'prompt'] as const) {
    if (typeof r[key] !== 'string') problems.push(`${key} must be a string`);
    else if ((r[key] as string).length > 65_536) problems.push(`${key} must be at most 65536 characters`);
  }
  if ((r.prompt as string)?.trim?.() === '') problems.push('prompt must not be empty');
  if (
    r.maxTokens !== undefined &&
    (!Number.isInteger(r.maxTokens) || (r.maxTokens as number) < 1 || (r.maxTokens as number) > 32_768)
  )
    problems.push('maxTokens must be an integer from 1 to 32768');
  return problems;
}

/** Shape checks on a plugin-built inbound message (the core validates content; this keeps garbage out). */
export function inboundProblems(message: unknown): string[] {
  if (typeof message !== 'object' || message === null) return ['message must be an object'];
  const m = message as Partial<InboundMessage>;
  const problems: string[] = [];
  if (typeof m.externalId !== 'string' || m.externalId.trim() === '' || m.externalId.length > MAX_EXTERNAL_ID) {
    problems.push(`externalId must be a non-empty string of at most ${MAX_EXTERNAL_ID} characters`);
  }
  if (typeof m.from?.address !== 'string' || m.from.address.trim() === '') problems.push('from.address is required');
  if (typeof m.text !== 'string') problems.push('text must be a string');
  for (const key of ['subject', 'html', 'inReplyTo', 'sentAt', 'fullText', 'rawBase64', 'rawContentType'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string') problems.push(`${key} must be a string`);
  }
  if (m.references !== undefined && (!Array.isArray(m.references) || m.references.some((r) => typeof r !== 'string')))
    problems.push('references must be strings');
  if (m.recipients !== undefined && (!Array.isArray(m.recipients) || m.recipients.some((r) => typeof r !== 'string')))
    problems.push('recipients must be strings');
  for (const key of ['to', 'cc'] as const) {
    const list = m[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((a) => typeof a?.address !== 'string')))
      problems.push(`${key} must be { address }[]`);
  }
  if (m.automatedKind !== undefined && m.automatedKind !== 'auto-reply' && m.automatedKind !== 'bounce')
    problems.push('automatedKind must be auto-reply or bounce');
  if (m.returned !== undefined) problems.push(...returnedProblems(m.returned));
  if (m.attachments !== undefined) {
    if (!Array.isArray(m.attachments)) problems.push('attachments must be an array');
    else
      m.attachments.forEach((a, i) => {
        if (typeof a?.filename !== 'string' || typeof a.contentType !== 'string' || typeof a.size !== 'number')
          problems.push(`attachments[${i}] needs filename, contentType and size`);
        else if (a.contentBase64 !== undefined && typeof a.contentBase64 !== 'string')
          problems.push(`attachments[${i}].contentBase64 must be a string`);
      });
  }
  return problems;
}

const MAX_RETURNED_FIELD = 2000;

/** SDK 1.4: `returned` is an object of short strings (and a list of them for `references`). */
function returnedProblems(returned: unknown): string[] {
  if (typeof returned !== 'object' || returned === null || Array.isArray(returned))
    return ['returned must be an object'];
  const r = returned as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['messageId', 'inReplyTo', 'subject', 'recipient'] as const) {
    const v = r[key];
    if (v !== undefined && (typeof v !== 'string' || v.length > MAX_RETURNED_FIELD))
      problems.push(`returned.${key} must be a string of at most ${MAX_RETURNED_FIELD} characters`);
  }
  const refs = r.references;
  if (
    refs !== undefined &&
    (!Array.isArray(refs) ||
      refs.length > 100 ||
      refs.some((x) => typeof x !== 'string' || x.length > MAX_RETURNED_FIELD))
  )
    problems.push('returned.references must be at most 100 strings');
  return problems;
}
