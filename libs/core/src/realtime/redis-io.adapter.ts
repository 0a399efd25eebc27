import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { RedisConnection } from '../redis/redis-connection.service.js';

/**
 * socket.io over Redis pub/sub: a message to a room reaches its sockets on every instance.
 * Without REDIS_URL it is the plain in-process adapter.
 */
export class SwitchboardIoAdapter extends IoAdapter {
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
    const redis = this.appContext.get(RedisConnection, { strict: false });
    if (redis.enabled) server.adapter(createAdapter(redis.duplicate('io-pub'), redis.duplicate('io-sub')));
    return server;
  }
}
