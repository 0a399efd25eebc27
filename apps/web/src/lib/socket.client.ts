// Live connection to the `/agent` namespace. The server authenticates the handshake from the
// `sb_token` cookie; right after login we also pass the token in memory via `auth` (cookies can lag
// behind in some browsers/proxies). After a reload only the cookie is available, which is enough.
import type {
  AgentRequest,
  AgentRequestMap,
  ClientEmits,
  ServerEvent,
  ServerEventListeners,
  ServerEventMap,
} from '@switchboard/contracts';
import type { Socket } from 'socket.io-client';
import type { AppNotification, Availability } from './api.types';
import { clientTexts } from './client-texts.i18n';
import { apiErrorText } from './api-errors.i18n';

export type ConnectionState = 'online' | 'offline';

export interface AgentSocketHandlers {
  onState(state: ConnectionState): void;
  onNotification(notification: AppNotification): void;
  onAvailability(availability: Availability): void;
  /** The server refused the handshake and will not retry on its own (e.g. expired session). */
  onRejected(): void;
  /** The server ended the session (logout elsewhere, password change, deactivation, expiry). */
  onSessionEnded(): void;
  /** Role or companies changed: the server dropped us; we reconnect at once for the new scope. */
  onAccessChanged(): void;
}

/** Ack shape of every server event with a reply (see libs/core realtime ws-response). */
export type WsAck<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { statusCode: number; error?: string; message: string } };

/** What a listener receives: the contracts' payload for a server event, nothing for `connect`. */
export type LiveEvent = ServerEvent | 'connect';
export type LivePayload<E extends LiveEvent> = E extends ServerEvent ? ServerEventMap[E] : void;

export interface AgentSocket {
  close(): void;
  /** Subscribe to a server event (also `connect`); returns the unsubscribe function. */
  on<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): () => void;
  /** Emit and wait for the ack; rejects after `timeoutMs` or when offline (socket.io buffers otherwise). */
  request<R extends AgentRequest>(
    event: R,
    payload: AgentRequestMap[R]['payload'],
    timeoutMs?: number,
  ): Promise<AgentRequestMap[R]['ack']>;
  /** Fire-and-forget emit (used for `ticket.leave`, where nobody waits for an answer). */
  send<R extends AgentRequest>(event: R, payload: AgentRequestMap[R]['payload']): void;
  readonly connected: boolean;
}

type AnySocket = Socket<ServerEventListeners, ClientEmits>;

export function connectAgentSocket(token: string | undefined, handlers: AgentSocketHandlers): AgentSocket {
  // socket.io-client is over a third of the console's first load: it comes after the first screen
  // (the shell renders, then connects). Subscriptions made meanwhile are attached once it is there;
  // requests before that are refused as offline, as they are while disconnected.
  let live: AnySocket | null = null;
  let closed = false;
  const subscriptions = new Set<{ event: ServerEvent; listener: ServerEventListeners[ServerEvent] }>();
  import('socket.io-client').then(
    ({ io }) => {
      if (closed) return;
      live = io('/agent', { withCredentials: true, transports: ['websocket'], auth: token ? { token } : undefined });
      wire(live);
      for (const s of subscriptions) live.on(s.event, s.listener);
    },
    () => handlers.onState('offline'),
  );
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // What the server said just before dropping us decides what the drop means.
  let ended = false;
  let rescoped = false;

  function wire(socket: AnySocket): void {
    socket.on('connect', () => {
      rescoped = false;
      handlers.onState('online');
    });
    socket.on('session.revoked', () => {
      ended = true;
      handlers.onSessionEnded();
    });
    socket.on('access.changed', () => {
      rescoped = true;
      handlers.onAccessChanged();
    });
    socket.on('disconnect', (reason) => {
      handlers.onState('offline');
      if (ended) return; // the session is over: no reconnect, the shell goes to sign-in
      // A server-side disconnect is final for socket.io; reconnect ourselves (the session is re-checked by the handshake).
      // After an access change at once: the fresh handshake gives the new scope.
      if (reason === 'io server disconnect') retryTimer = setTimeout(() => socket.connect(), rescoped ? 0 : 2000);
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
    socket.on('notification', (n) => handlers.onNotification(n));
    socket.on('account.availability', (p) => {
      if (p && (p.availability === 'available' || p.availability === 'unavailable'))
        handlers.onAvailability(p.availability);
    });
  }

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      live?.removeAllListeners();
      live?.disconnect();
    },
    on<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void) {
      // `connect` is socket.io's own event; the others are the contracts' (payload typed by LivePayload).
      const subscription = { event: event as ServerEvent, listener: handler as ServerEventListeners[ServerEvent] };
      subscriptions.add(subscription);
      live?.on(subscription.event, subscription.listener);
      return () => {
        subscriptions.delete(subscription);
        live?.off(subscription.event, subscription.listener);
      };
    },
    request<R extends AgentRequest>(event: R, payload: AgentRequestMap[R]['payload'], timeoutMs = 5000) {
      type T = AgentRequestMap[R]['ack'];
      return new Promise<T>((resolve, reject) => {
        const socket = live;
        if (!socket?.connected) return reject(new Error('offline'));
        socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: WsAck<T>) => {
          if (err) reject(err);
          else if (ack && ack.ok === false) {
            // Same wording as a refused HTTP call: the code's message in French, the server's in English.
            const code = ack.error?.error && /^[A-Z][A-Z_]+$/.test(ack.error.error) ? ack.error.error : null;
            const message = ack.error?.message ?? clientTexts.t('requestFailedPlain');
            reject(Object.assign(new Error(apiErrorText(code, message)), { code }));
          } else resolve((ack as { data: T } | undefined)?.data as T);
        });
      });
    },
    send<R extends AgentRequest>(event: R, payload: AgentRequestMap[R]['payload']) {
      // Only when connected: a buffered `leave` replayed after reconnect would be wrong.
      if (live?.connected) live.emit(event, payload);
    },
    get connected() {
      return live?.connected ?? false;
    },
  };
}
