import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, type Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { RedisConnection } from '../redis/redis-connection.service.js';
import { WriteCoalescer } from './write-coalescer.js';

/**
 * socket.io over Redis pub/sub: a message to a room reaches its sockets on every instance.
 * Without REDIS_URL it is the plain in-process adapter.
 */
export class SwitchboardIoAdapter extends IoAdapter {
  private readonly logger = new Logger('SocketHandlers');

  constructor(private readonly appContext: INestApplicationContext) {
    super(appContext);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      // Bounded frames: an oversized event is refused by the transport before any handler runs.
      maxHttpBufferSize: 1_000_000,
      pingInterval: 25_000,
      pingTimeout: 20_000,
    } as ServerOptions) as Server;
    new WriteCoalescer().attach(server.engine as never);
    const redis = this.appContext.get(RedisConnection, { strict: false });
    if (redis.enabled) server.adapter(createAdapter(redis.duplicate('io-pub'), redis.duplicate('io-sub')));
    return server;
  }

  /**
   * Same contract as Nest's IoAdapter (ack with the handler's result, or emit `{ event, data }`;
   * null/undefined sends nothing), without its per-socket RxJS pipeline: Nest builds about ten
   * subscribers and forty closures per handler per socket and keeps them for the socket's life,
   * which made an idle helpdesk agent cost 65 KiB (bench/agent). One plain listener per handler
   * instead; the handler (guards, pipes, filters from Nest's context) is unchanged.
   */
  override bindMessageHandlers(
    socket: {
      on(event: string, listener: (...args: unknown[]) => void): unknown;
      emit(event: string, data: unknown): unknown;
    },
    handlers: MessageMappingProperties[],
    _transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        const reply = (response: unknown): void => {
          if (response === null || response === undefined) return;
          const event = (response as { event?: string }).event;
          if (event) socket.emit(event, (response as { data?: unknown }).data);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        const failed = (error: unknown): void => {
          this.logger.error(
            `handler for "${String(message)}" failed: ${error instanceof Error ? error.stack : String(error)}`,
          );
        };
        const settle = (result: unknown): void => {
          if (isObservable(result)) result.subscribe({ next: reply, error: failed });
          else if (result instanceof Promise) result.then(settle, failed);
          else reply(result);
        };
        try {
          settle(callback(data, ack));
        } catch (error) {
          failed(error);
        }
      });
    }
  }
}
