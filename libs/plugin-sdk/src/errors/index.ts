export * from './plugin-error-codes.js';
export { PluginPermissionError } from './plugin-permission.error.js';
export { PluginSettingsError } from './plugin-settings.error.js';
export { PluginManifestError } from './plugin-manifest.error.js';
export { PluginNotAvailableError } from './plugin-not-available.error.js';
export { AiProviderError, type AiProviderFailure } from './ai-provider.error.js';
