// Live connection to the `/agent` namespace. The server authenticates the handshake from the
// `sb_token` cookie; right after login we also pass the token in memory via `auth` (cookies can lag
// behind in some browsers/proxies). After a reload only the cookie is available, which is enough.
import { io, type Socket } from 'socket.io-client';
import type { AppNotification, Availability } from './api.types';

export type ConnectionState = 'online' | 'offline';

export interface AgentSocketHandlers {
  onState(state: ConnectionState): void;
  onNotification(notification: AppNotification): void;
  onAvailability(availability: Availability): void;
  /** The server refused the handshake and will not retry on its own (e.g. expired session). */
  onRejected(): void;
}

export interface AgentSocket {
  close(): void;
}

export function connectAgentSocket(token: string | undefined, handlers: AgentSocketHandlers): AgentSocket {
  const socket: Socket = io('/agent', {
    withCredentials: true,
    transports: ['websocket'],
    auth: token ? { token } : undefined,
  });
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on('connect', () => handlers.onState('online'));
  socket.on('disconnect', (reason) => {
    handlers.onState('offline');
    // A server-side disconnect is final for socket.io; reconnect ourselves (the session is re-checked by the handshake).
    if (reason === 'io server disconnect') retryTimer = setTimeout(() => socket.connect(), 2000);
  });
  socket.on('connect_error', () => {
    handlers.onState('offline');
    // `active === false` means a middleware rejected us and socket.io gave up. Let the shell check the
    // session (it unmounts us if it is gone); otherwise retry slowly in case it was transient.
    if (!socket.active) {
      handlers.onRejected();
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket.connect(), 5000);
    }
  });
  socket.on('notification', (n: AppNotification) => handlers.onNotification(n));
  socket.on('account.availability', (p: { availability: Availability }) => {
    if (p && (p.availability === 'available' || p.availability === 'unavailable')) handlers.onAvailability(p.availability);
  });

  return {
    close() {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
