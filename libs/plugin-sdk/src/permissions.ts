import { PluginPermissionError } from './errors/plugin-permission.error.js';

/** Domain permissions a manifest may request. `net:<host>` entries are added on top. */
export const DOMAIN_PERMISSIONS = [
  'conversations.read',
  'conversations.write',
  'messages.write',
  'tickets.read',
  'tickets.write',
  'contacts.read',
  'contacts.write',
  'contacts.pii.read',
  'settings.read',
  'kv',
  // SDK 1.2
  'channel.ingest',
  'mail.transport',
] as const;

export type DomainPermission = (typeof DOMAIN_PERMISSIONS)[number];
/** `net:api.example.com` allows HTTP to exactly that host; `net:*.example.com` to its subdomains. */
export type NetPermission = `net:${string}`;
export type Permission = DomainPermission | NetPermission;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const NET_PERMISSION = new RegExp(`^net:(?:\\*\\.)?${HOST_LABEL}(?:\\.${HOST_LABEL})*(?::\\d{1,5})?$`);

export function isPermission(value: unknown): value is Permission {
  if (typeof value !== 'string') return false;
  return (DOMAIN_PERMISSIONS as readonly string[]).includes(value) || NET_PERMISSION.test(value);
}

/** Exact membership: no permission implies another (default deny, no wildcards but net:*.x). */
export function hasPermission(granted: readonly string[], permission: string): boolean {
  return granted.includes(permission);
}

export function requirePermission(
  granted: readonly string[],
  permission: string,
  action: string,
  pluginId?: string,
): void {
  if (!hasPermission(granted, permission)) throw new PluginPermissionError(permission, action, pluginId);
}

/**
 * Whether a URL's host is granted by some `net:` permission. Only http(s) URLs qualify; the
 * port must match when the grant names one.
 */
export function isUrlAllowed(granted: readonly string[], url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return granted.some((perm) => {
    if (!perm.startsWith('net:')) return false;
    const [grantHost, grantPort] = perm.slice(4).split(':');
    if (grantPort !== undefined && grantPort !== parsed.port) return false;
    if (grantHost.startsWith('*.')) return host.endsWith(grantHost.slice(1)) && host.length > grantHost.length - 1;
    return host === grantHost;
  });
}

/** The permissions in `requested` that are absent from `granted`. */
export function missingPermissions(requested: readonly string[], granted: readonly string[]): string[] {
  return requested.filter((p) => !granted.includes(p));
}
