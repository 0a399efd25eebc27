import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';

/**
 * The shared Redis connection (when REDIS_URL is set): socket.io adapter, rate limits, presence.
 * Without Redis the app runs as a single instance with in-process equivalents.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.redisUrl ? this.open(config.redisUrl, 'main') : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** A further connection (pub/sub needs its own). */
  duplicate(name: string): Redis {
    if (!this.client) throw new Error('Redis is not configured (REDIS_URL)');
    const copy = this.client.duplicate({ connectionName: `switchboard:${name}` });
    copy.on('error', (err: Error) => this.logger.warn(`redis ${name}: ${err.message}`));
    this.clients.push(copy);
    return copy;
  }

  async ping(): Promise<boolean> {
    if (!this.client) return false;
    try {
      return (
        (await Promise.race([
          this.client.ping(),
          new Promise<string>((_, rej) => setTimeout(() => rej(new Error('timeout')), 1000)),
        ])) === 'PONG'
      );
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private open(url: string, name: string): Redis {
    const client = new Redis(url, {
      connectionName: `switchboard:${name}`,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    client.on('error', (err: Error) => this.logger.warn(`redis ${name}: ${err.message}`));
    this.clients.push(client);
    return client;
  }
}
