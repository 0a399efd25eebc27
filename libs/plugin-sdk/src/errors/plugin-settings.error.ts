import { PLUGIN_ERROR_CODES } from './plugin-error-codes.js';

/** Settings (or channel instance config) that fail their schema; `fieldErrors` is keyed by field. */
export class PluginSettingsError extends Error {
  readonly code = PLUGIN_ERROR_CODES.invalidSettings;

  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = `Invalid plugin settings: ${Object.keys(fieldErrors).join(', ')}`,
  ) {
    super(message);
    this.name = 'PluginSettingsError';
  }

  toJSON() {
    return { code: this.code, message: this.message, fieldErrors: this.fieldErrors };
  }
}
