export const SESSION_COOKIE = 'sb_token';
/** The portal contact session (sign-in link): its own cookie, never the technician's. */
export const PORTAL_SESSION_COOKIE = 'sb_portal';

/** One cookie's value from the parsed cookies or the raw Cookie header. */
export function cookieValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
  cookies?: Record<string, string>,
): string | null {
  if (cookies?.[name]) return cookies[name];
  const raw = headers['cookie'];
  const cookieHeader = Array.isArray(raw) ? raw.join(';') : raw;
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('=')) || null;
  }
  return null;
}

/** Bearer header first, then the httpOnly cookie the web UI uses. */
export function extractAccountToken(
  headers: Record<string, string | string[] | undefined>,
  cookies?: Record<string, string>,
): string | null {
  const auth = headers['authorization'];
  const value = Array.isArray(auth) ? auth[0] : auth;
  if (value && /^Bearer\s+/i.test(value)) return value.replace(/^Bearer\s+/i, '').trim() || null;
  if (cookies?.[SESSION_COOKIE]) return cookies[SESSION_COOKIE];
  const raw = headers['cookie'];
  const cookieHeader = Array.isArray(raw) ? raw.join(';') : raw;
  if (cookieHeader) {
    for (const part of cookieHeader.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
    }
  }
  return null;
}

export function extractPrefixedToken(
  headers: Record<string, string | string[] | undefined>,
  scheme: string,
): string | null {
  const auth = headers['authorization'];
  const value = Array.isArray(auth) ? auth[0] : auth;
  const re = new RegExp(`^${scheme}\\s+`, 'i');
  return value && re.test(value) ? value.replace(re, '').trim() || null : null;
}
