/**
 * Stable error codes. Hosts and plugins compare `err.code`, never `instanceof`: at runtime the
 * core and a plugin may each hold their own copy of the SDK.
 */
export const PLUGIN_ERROR_CODES = {
  permissionDenied: 'PLUGIN_PERMISSION_DENIED',
  invalidSettings: 'PLUGIN_INVALID_SETTINGS',
  invalidManifest: 'PLUGIN_INVALID_MANIFEST',
  notAvailable: 'PLUGIN_NOT_AVAILABLE',
  // SDK 1.4
  aiProvider: 'PLUGIN_AI_PROVIDER_FAILED',
} as const;

export type PluginErrorCode = (typeof PLUGIN_ERROR_CODES)[keyof typeof PLUGIN_ERROR_CODES];

/** True when `err` carries the given plugin error code (works across SDK copies). */
export function isPluginError(err: unknown, code?: PluginErrorCode): err is Error & { code: PluginErrorCode } {
  if (typeof err !== 'object' || err === null) return false;
  const actual = (err as { code?: unknown }).code;
  if (typeof actual !== 'string') return false;
  return code ? actual === code : (Object.values(PLUGIN_ERROR_CODES) as string[]).includes(actual);
}
