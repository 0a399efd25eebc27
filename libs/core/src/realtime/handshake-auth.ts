import { Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../access/principal.js';
import type { SessionRef } from '../identity/session-principals.service.js';

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

/** Who a handshake authenticated, until when, and the rooms that reach it (revocation targets them too). */
export interface SocketSession<P extends Principal> {
  principal: P;
  /** The token's expiry (null: the credential does not expire, e.g. a device token). */
  expiresAtMs: number | null;
  rooms: string[];
  /** A technician session: re-checked periodically against the database (see SocketRevocation). */
  sessionRef?: SessionRef;
}

/**
 * Authenticates every socket of a namespace in the handshake: no principal, no connection.
 * The socket joins its rooms before the connection completes, so nothing sent to them is missed.
 */
export function authenticateNamespace<P extends Principal>(
  namespace: Namespace,
  logger: Logger,
  authenticate: (socket: Socket) => Promise<SocketSession<P> | null> | SocketSession<P> | null,
): void {
  namespace.use((socket, next) => {
    Promise.resolve()
      .then(() => authenticate(socket))
      .then((session) => {
        if (!session) return next(new Error(UNAUTHORIZED));
        socket.data.principal = session.principal;
        socket.data.expiresAtMs = session.expiresAtMs;
        if (session.sessionRef) socket.data.sessionRef = session.sessionRef;
        socket.join(session.rooms);
        next();
      })
      .catch((err: Error) => {
        logger.warn(`handshake failed: ${err.message}`);
        next(new Error(UNAUTHORIZED));
      });
  });
}
