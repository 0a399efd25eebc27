import type { ComposeProvider, SentimentProvider } from './ai.js';
import type { MailTransportProvider } from './channel.js';
import type { PluginContext, PluginEvents } from './context.js';

/**
 * Narrow extension points a feature plugin may fill (compose provider, sentiment provider,
 * ticket insight, extra routes). Empty until the domains that consume them exist; later SDK
 * versions add entries here, so `provide` stays type-checked.
 */
export interface ExtensionPointMap {
  /**
   * SDK 1.2 (permission `mail.transport`): deliver the mail the core decided to send. One
   * transport per installation; the core keeps the outbox record, retries failures with backoff
   * and shows failed mails to admins. Removed when the plugin is disabled.
   */
  mailTransport: MailTransportProvider;
  /** SDK 1.4 (permission `ai.compose`): "Compose with AI" on the reply box. One provider per installation. */
  compose: ComposeProvider;
  /** SDK 1.4 (permission `ai.sentiment`): the end user's sentiment on ongoing tickets. One per installation. */
  sentiment: SentimentProvider;
}

/** The permission each extension point needs (default deny). */
export const EXTENSION_POINT_PERMISSIONS: { readonly [K in keyof ExtensionPointMap]: string } = {
  mailTransport: 'mail.transport',
  compose: 'ai.compose',
  sentiment: 'ai.sentiment',
};

/** What `register` receives besides the context. */
export interface PluginRegistrar {
  /** Same as `ctx.events`: subscriptions are removed when the plugin is disabled. */
  events: PluginEvents;
  /** Fill an extension point. Throws PluginNotAvailableError for points this host lacks. */
  provide<K extends keyof ExtensionPointMap>(point: K, implementation: ExtensionPointMap[K]): void;
}

/** Lifecycle hooks. A hook that throws disables the plugin with status `crashed`. */
export interface FeaturePlugin {
  /** Runs on each enable (admin action or boot): subscribe to events, fill extension points. */
  register?(host: PluginRegistrar, ctx: PluginContext): void | Promise<void>;
  onEnable?(ctx: PluginContext): void | Promise<void>;
  onDisable?(ctx: PluginContext): void | Promise<void>;
}
