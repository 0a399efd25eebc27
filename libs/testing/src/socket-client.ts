import { io, Socket } from 'socket.io-client';

export interface SocketOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** A real socket.io client; resolves once connected, rejects with the server's handshake error. */
export function connectSocket(
  baseUrl: string,
  namespace: '/agent' | '/portal' | '/device',
  options: SocketOptions = {},
): Promise<Socket> {
  const socket = io(`${baseUrl}${namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 5000,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: options.headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Next occurrence of an event, or a timeout error naming it. */
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    socket.once(event, handler);
  });
}
