import type { PluginContext, PluginEvents } from './context.js';

/**
 * Narrow extension points a feature plugin may fill (compose provider, sentiment provider,
 * ticket insight, extra routes). Empty until the domains that consume them exist; later SDK
 * versions add entries here, so `provide` stays type-checked.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface ExtensionPointMap {}

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
