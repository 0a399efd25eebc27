import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { PORTAL_SESSION_COOKIE, SESSION_COOKIE } from './token-extractor.js';

/** The page's origin a browser request came from: `Origin`, else the `Referer`'s origin; null when neither. */
export function requestOrigin(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin.length > 0) return origin.toLowerCase();
  const referer = headers.referer;
  if (typeof referer !== 'string' || referer.length === 0) return null;
  try {
    return new URL(referer).origin.toLowerCase();
  } catch {
    return 'null';
  }
}

/**
 * Same site as the server: the configured public URL's origin, an allowed origin, or the request's
 * own Host (a browser always sets Host to the server it talks to, so Origin host = Host means the
 * page came from this server). `null` (sandboxed frames, data: URLs) is never trusted.
 */
export function isTrustedOrigin(origin: string, headers: IncomingHttpHeaders, config: AppConfig): boolean {
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const normalized = url.origin.toLowerCase();
  if (config.allowedOrigins.includes(normalized)) return true;
  if (config.publicUrl) {
    try {
      if (new URL(config.publicUrl).origin.toLowerCase() === normalized) return true;
    } catch {
      // An unparsable public URL trusts nothing.
    }
  }
  const host = typeof headers.host === 'string' ? headers.host.toLowerCase() : '';
  return host.length > 0 && url.host.toLowerCase() === host;
}

/** A session cookie (technician or portal contact) is what authenticates this request (a header wins over it). */
export function isCookieAuthenticated(headers: IncomingHttpHeaders, cookies?: Record<string, string>): boolean {
  if (typeof headers.authorization === 'string' && headers.authorization.length > 0) return false;
  if (cookies?.[SESSION_COOKIE] || cookies?.[PORTAL_SESSION_COOKIE]) return true;
  const raw = headers.cookie;
  return (
    typeof raw === 'string' &&
    raw
      .split(';')
      .some((part) => [SESSION_COOKIE, PORTAL_SESSION_COOKIE].some((name) => part.trim().startsWith(`${name}=`)))
  );
}

/**
 * May a cookie-carrying request act? Browsers send `Origin` on every cross-origin request and every
 * POST/PUT/PATCH/DELETE (and on WebSocket handshakes), so a missing Origin and Referer is a
 * non-browser client that holds the cookie itself: allowed.
 */
export function cookieRequestAllowed(headers: IncomingHttpHeaders, config: AppConfig): boolean {
  const origin = requestOrigin(headers);
  return origin === null || isTrustedOrigin(origin, headers, config);
}
