import { PLUGIN_ERROR_CODES } from './plugin-error-codes.js';

/** Thrown by every context accessor called without the permission it needs (default deny). */
export class PluginPermissionError extends Error {
  readonly code = PLUGIN_ERROR_CODES.permissionDenied;

  constructor(
    readonly permission: string,
    readonly action: string,
    readonly pluginId?: string,
  ) {
    super(`Plugin${pluginId ? ` "${pluginId}"` : ''} lacks permission "${permission}" required for ${action}`);
    this.name = 'PluginPermissionError';
  }

  toJSON() {
    return { code: this.code, message: this.message, permission: this.permission, action: this.action };
  }
}
