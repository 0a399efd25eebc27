import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SECRET_COOKIE = 'sb_agent';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function same(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export type Access =
  | { ok: true; via: 'cookie' }
  /** The secret in the URL the agent opened: set the cookie and redirect to the bare URL. */
  | { ok: true; via: 'url' }
  | { ok: false; reason: 'host' | 'origin' | 'secret' };

/**
 * Who may use the agent's local window: the local server listens on 127.0.0.1 only, and every
 * request must carry this run's secret (in the opened URL once, then in an httpOnly SameSite=Strict
 * cookie). Any other program or web page on the machine cannot read it. The Host header must name
 * 127.0.0.1 or localhost with our port (a DNS-rebinding page sends its own host name), and a
 * cross-site Origin is refused for state-changing requests.
 */
export function checkAccess(req: IncomingMessage, secret: string, port: number): Access {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) return { ok: false, reason: 'host' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase()))
    return { ok: false, reason: 'origin' };
  if (same(cookie(req, SECRET_COOKIE), secret)) return { ok: true, via: 'cookie' };
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/' && same(url.searchParams.get('secret') ?? undefined, secret))
    return { ok: true, via: 'url' };
  return { ok: false, reason: 'secret' };
}

export function secretCookie(secret: string): string {
  return `${SECRET_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}
