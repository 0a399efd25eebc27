import { toPluginContact, type PluginContactCreate } from '../contacts.js';
import type { JsonValue, PluginContext, PluginHttpRequest } from '../context.js';
import { PluginNotAvailableError } from '../errors/plugin-not-available.error.js';
import { PluginPermissionError } from '../errors/plugin-permission.error.js';
import { SWITCHBOARD_EVENT_PERMISSIONS } from '../events.js';
import type { PluginRegistrar } from '../feature.js';
import { hasPermission, isUrlAllowed } from '../permissions.js';
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
        if (new TextEncoder().encode(text).length > KV_MAX_VALUE_BYTES) throw new RangeError(`kv value exceeds ${KV_MAX_VALUE_BYTES} bytes`);
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
    conversations: { get: notYet('conversations.get'), list: notYet('conversations.list'), postMessage: notYet('conversations.postMessage') },
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
    provide(point) {
      alive('provide');
      throw new PluginNotAvailableError(`extension point "${String(point)}"`);
    },
  };

  return {
    context,
    registrar,
    revoke() {
      revoked = true;
      for (const off of [...unsubscribers]) off();
    },
    get subscriptionCount() {
      return unsubscribers.size;
    },
  };
}
