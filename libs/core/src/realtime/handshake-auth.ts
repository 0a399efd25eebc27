import { Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../access/principal.js';

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

/**
 * Authenticates every socket of a namespace in the handshake: no principal, no connection.
 * The socket joins its rooms before the connection completes, so nothing sent to them is missed.
 */
export function authenticateNamespace<P extends Principal>(
  namespace: Namespace,
  logger: Logger,
  authenticate: (socket: Socket) => Promise<P | null> | P | null,
  rooms: (principal: P) => string[],
): void {
  namespace.use((socket, next) => {
    Promise.resolve()
      .then(() => authenticate(socket))
      .then((principal) => {
        if (!principal) return next(new Error(UNAUTHORIZED));
        socket.data.principal = principal;
        socket.join(rooms(principal));
        next();
      })
      .catch((err: Error) => {
        logger.warn(`handshake failed: ${err.message}`);
        next(new Error(UNAUTHORIZED));
      });
  });
}
