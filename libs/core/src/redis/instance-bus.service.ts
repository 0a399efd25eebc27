import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { RedisConnection } from './redis-connection.service.js';

type Handler = (payload: unknown) => void;
const CHANNEL = 'switchboard:instances';

/**
 * Notes from one API instance to the others of the installation (Redis pub/sub), for caches that
 * must hear about changes made elsewhere. At most once: a subscriber that lost its connection
 * gets a resync call when it is back, and drops whatever it cached. Without Redis there are no
 * other instances and nothing is sent.
 */
@Injectable()
export class InstanceBus implements OnModuleInit {
  private readonly logger = new Logger('InstanceBus');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resyncs = new Set<() => void>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.redis.enabled) return;
    const sub = this.redis.duplicate('instance-bus');
    sub.on('message', (_channel: string, raw: string) => this.receive(raw));
    // 'ready' comes first at start and again after every reconnect: notes sent meanwhile are lost.
    let connectedBefore = false;
    sub.on('ready', () => {
      if (connectedBefore) for (const resync of this.resyncs) resync();
      connectedBefore = true;
    });
    sub.subscribe(CHANNEL).catch((err: Error) => this.logger.warn(`subscribe failed: ${err.message}`));
  }

  /** Tell the other instances (this one has already acted on it). */
  toOthers(topic: string, payload: unknown): void {
    if (!this.redis.client) return;
    this.redis.client
      .publish(CHANNEL, JSON.stringify({ from: this.config.instanceId, topic, payload }))
      .catch((err: Error) => {
        this.logger.warn(`publish ${topic} failed: ${err.message}`);
      });
  }

  on(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Called when notes may have been missed (the subscription reconnected). */
  onResync(handler: () => void): () => void {
    this.resyncs.add(handler);
    return () => this.resyncs.delete(handler);
  }

  private receive(raw: string): void {
    let note: { from?: unknown; topic?: unknown; payload?: unknown };
    try {
      note = JSON.parse(raw);
    } catch {
      return;
    }
    if (note.from === this.config.instanceId || typeof note.topic !== 'string') return;
    for (const handler of this.handlers.get(note.topic) ?? []) {
      try {
        handler(note.payload);
      } catch (error) {
        this.logger.error({ err: error, topic: note.topic }, 'instance note handler failed');
      }
    }
  }
}
