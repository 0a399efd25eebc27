/** Every socket event with an ack answers in this shape, so clients handle errors one way. */
export type WsAck<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { statusCode: number; error: string; message: string; details?: unknown } };

export const wsOk = <T>(data: T): WsAck<T> => ({ ok: true, data });
