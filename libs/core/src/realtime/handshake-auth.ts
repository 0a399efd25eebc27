import type { Socket } from 'socket.io';

/** Token from `io(url, { auth: { token } })`, else an Authorization header (non-browser clients). */
export function handshakeToken(socket: Socket): string | null {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth.length > 0 && fromAuth.length < 4096) return fromAuth;
  const header = socket.handshake.headers.authorization;
  if (typeof header === 'string') {
    const m = /^(Bearer|Device|Portal)\s+(.+)$/i.exec(header);
    if (m) return m[2].trim();
  }
  return null;
}

export const UNAUTHORIZED = 'unauthorized';
