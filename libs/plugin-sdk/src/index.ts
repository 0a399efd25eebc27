export * from './events.js';
export { SDK_VERSION } from './version.js';
export * from './errors/index.js';
export * from './permissions.js';
export * from './settings.js';
export * from './manifest.js';
export * from './contacts.js';
export type * from './channel.js';
export type * from './inbound.js';
export type * from './feature.js';
export type * from './ai.js';
export { EXTENSION_POINT_PERMISSIONS } from './feature.js';
export type * from './context.js';
export { definePlugin, validatePluginDefinition, type PluginDefinition, type DefinedPlugin } from './define-plugin.js';
// For host implementations (the core, the testing kit): the one permission-checking layer.
export {
  createCheckedContext,
  inboundProblems,
  jsonCopy,
  KV_MAX_KEY_LENGTH,
  KV_MAX_VALUE_BYTES,
  type CheckedContext,
  type CheckedContextOptions,
} from './runtime/create-checked-context.js';
export type { PluginBackend } from './runtime/plugin-backend.js';
