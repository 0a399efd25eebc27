import { PLUGIN_ERROR_CODES } from './plugin-error-codes.js';

/** An accessor or extension point this host does not offer (yet), or a revoked context. */
export class PluginNotAvailableError extends Error {
  readonly code = PLUGIN_ERROR_CODES.notAvailable;

  constructor(
    readonly feature: string,
    reason = 'is not available in this Switchboard version',
  ) {
    super(`${feature} ${reason}`);
    this.name = 'PluginNotAvailableError';
  }

  toJSON() {
    return { code: this.code, message: this.message, feature: this.feature };
  }
}
