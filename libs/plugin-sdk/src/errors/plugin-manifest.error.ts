import { PLUGIN_ERROR_CODES } from './plugin-error-codes.js';

/** A plugin definition whose manifest or contract is malformed (thrown by definePlugin). */
export class PluginManifestError extends Error {
  readonly code = PLUGIN_ERROR_CODES.invalidManifest;

  constructor(
    readonly problems: string[],
    readonly pluginId?: string,
  ) {
    super(`Invalid plugin${pluginId ? ` "${pluginId}"` : ''}: ${problems.join('; ')}`);
    this.name = 'PluginManifestError';
  }

  toJSON() {
    return { code: this.code, message: this.message, problems: this.problems };
  }
}
