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
  // SDK 1.4
  'ai.compose',
  'ai.sentiment',
  'ai.complete',
] as const;

export type DomainPermission = (typeof DOMAIN_PERMISSIONS)[number];
/**
 * `net:api.example.com` allows HTTP (ctx.http.fetch) to exactly that host; `net:*.example.com` to its
 * subdomains. SDK 1.3, sockets the plugin opens itself (ctx.net): `net:listen` (any port) or
 * `net:listen:<port>`; `net:connect` (any host: peers an admin configures, such as a mail relay) or
 * `net:connect:<host>[:<port>]` (`*.` prefix allowed). `listen` and `connect` are therefore never HTTP hosts.
 */
export type NetPermission = `net:${string}`;
export type Permission = DomainPermission | NetPermission;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `(?:\\*\\.)?${HOST_LABEL}(?:\\.${HOST_LABEL})*`;
const NET_PERMISSION = new RegExp(`^net:${HOST}(?::\\d{1,5})?$`);
const SOCKET_PERMISSION = new RegExp(`^net:(?:listen(?::\\d{1,5})?|connect(?::${HOST}(?::\\d{1,5})?)?)$`);
/** SDK 1.3: socket permissions (`net:listen…`, `net:connect…`); a manifest using one needs apiVersion >= 1.3. */
export const isSocketPermission = (value: string) => SOCKET_PERMISSION.test(value);
const isHttpPermission = (value: string) => NET_PERMISSION.test(value) && !/^net:(?:listen|connect)(?::|$)/.test(value);

export function isPermission(value: unknown): value is Permission {
  if (typeof value !== 'string') return false;
  return (
    (DOMAIN_PERMISSIONS as readonly string[]).includes(value) || isHttpPermission(value) || isSocketPermission(value)
  );
}

const validPort = (port: unknown): port is number =>
  Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535;
const hostMatches = (grantHost: string, host: string) =>
  grantHost.startsWith('*.')
    ? host.endsWith(grantHost.slice(1)) && host.length > grantHost.length - 1
    : host === grantHost;

/** SDK 1.3: whether the plugin may listen on `port` (`net:listen`, or `net:listen:<port>`; port 0 needs `net:listen`). */
export function isListenAllowed(granted: readonly string[], port: number): boolean {
  if (!validPort(port)) return false;
  return granted.includes('net:listen') || (port !== 0 && granted.includes(`net:listen:${port}`));
}

/** SDK 1.3: whether the plugin may open a connection to host:port (`net:connect`, or `net:connect:<host>[:<port>]`). */
export function isConnectAllowed(granted: readonly string[], host: string, port: number): boolean {
  if (!validPort(port) || port === 0 || typeof host !== 'string' || host === '') return false;
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, '');
  return granted.some((perm) => {
    if (perm === 'net:connect') return true;
    if (!perm.startsWith('net:connect:')) return false;
    const [grantHost, grantPort] = perm.slice('net:connect:'.length).split(':');
    if (grantPort !== undefined && Number(grantPort) !== port) return false;
    return hostMatches(grantHost, wanted);
  });
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
    if (!isHttpPermission(perm)) return false;
    const [grantHost, grantPort] = perm.slice(4).split(':');
    if (grantPort !== undefined && grantPort !== parsed.port) return false;
    return hostMatches(grantHost, host);
  });
}

/** The permissions in `requested` that are absent from `granted`. */
export function missingPermissions(requested: readonly string[], granted: readonly string[]): string[] {
  return requested.filter((p) => !granted.includes(p));
}
