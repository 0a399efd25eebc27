import type { AiCompletionRequest } from '../ai.js';
import type { InboundMessage, InboundResult } from '../inbound.js';
import type { PluginContactCreate, PluginContactQuery, RawContact } from '../contacts.js';
import type { JsonValue, PluginHttpRequest, PluginHttpResponse, PluginLogger } from '../context.js';

/**
 * The raw, unchecked ports a host implements for one plugin. Hosts never hand these to plugins:
 * `createCheckedContext` wraps them with the permission checks, so the real host and the fake
 * host enforce exactly the same rules. The KV port is already scoped to the plugin.
 */
export interface PluginBackend {
  logger: PluginLogger;
  kv: {
    get(key: string): Promise<JsonValue | null>;
    set(key: string, value: JsonValue): Promise<void>;
    delete(key: string): Promise<void>;
    list(prefix?: string): Promise<Array<{ key: string; value: JsonValue }>>;
  };
  http: { fetch(url: string, init: PluginHttpRequest): Promise<PluginHttpResponse> };
  contacts: {
    get(id: string): Promise<RawContact | null>;
    list(query: Required<Pick<PluginContactQuery, 'limit'>> & PluginContactQuery): Promise<RawContact[]>;
    create(input: PluginContactCreate): Promise<RawContact>;
  };
  /** SDK 1.2: the core's inbound pipeline for this plugin's channel (messages already copied to plain JSON). */
  inbound: { receive(message: InboundMessage, options: { instanceId?: string }): Promise<InboundResult> };
  /** SDK 1.4: `ctx.ai.complete` (request already shape-checked; the host masks it and picks the provider). */
  ai: { complete(request: AiCompletionRequest, options: { signal?: AbortSignal }): Promise<string> };
  /** SDK 1.2: fill an extension point; returns the function that removes it (called on revoke). */
  provide(point: string, implementation: unknown): () => void;
  /** Subscribe to a domain event; returns an unsubscribe. The wrapper already isolates errors. */
  subscribe(name: string, handler: (payload: unknown) => Promise<void>): () => void;
}
