import { io, type Socket } from 'socket.io-client';
import type { AgentConfig } from './config-store.js';

export interface Ack<T> {
  ok: boolean;
  data?: T;
  error?: { statusCode: number; error: string; message: string };
}

export class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The /device socket: authenticated with the device token in the handshake, reconnecting with
 * exponential backoff and jitter (1 s doubling up to 30 s, ±50 %) so thousands of agents do not
 * come back in the same second after a server restart.
 */
export function connect(config: AgentConfig, env: NodeJS.ProcessEnv = process.env): Socket {
  const base = Number(env.SWITCHBOARD_AGENT_RECONNECT_MS ?? 1000);
  return io(`${config.serverUrl.replace(/\/+$/, '')}/device`, {
    transports: ['websocket'],
    auth: { token: config.token },
    reconnection: true,
    reconnectionDelay: base,
    reconnectionDelayMax: Math.max(base, 30_000),
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
}

export async function call<T>(socket: Socket, event: string, payload: unknown = {}, timeoutMs = 15_000): Promise<T> {
  const ack = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok)
    throw new ServerError(
      ack.error?.error ?? 'ERROR',
      ack.error?.message ?? 'The server refused the request',
      ack.error?.statusCode ?? 500,
    );
  return ack.data as T;
}
