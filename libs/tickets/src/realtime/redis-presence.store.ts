import type { Redis } from 'ioredis';
import type { PresenceEntry, ViewerPresenceStore } from './viewer-presence.store.js';

const key = (number: number) => `switchboard:ticket-viewers:${number}`;

/**
 * A hash per ticket, field = socket id, value = the entry as JSON with its expiry. A crashed
 * instance stops refreshing, so its entries lapse and are pruned on the next read; the hash
 * itself gets a TTL so abandoned tickets leave nothing behind.
 */
export class RedisPresenceStore implements ViewerPresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyTtlSeconds: number,
  ) {}

  async add(number: number, entry: PresenceEntry): Promise<void> {
    await this.redis
      .multi()
      .hset(key(number), entry.socketId, JSON.stringify(entry))
      .expire(key(number), this.keyTtlSeconds)
      .exec();
  }

  async remove(number: number, socketId: string): Promise<void> {
    await this.redis.hdel(key(number), socketId);
  }

  async list(number: number, now: number): Promise<PresenceEntry[]> {
    const raw = await this.redis.hgetall(key(number));
    const live: PresenceEntry[] = [];
    const stale: string[] = [];
    for (const [field, value] of Object.entries(raw)) {
      const entry = safeParse(value);
      if (entry && entry.expiresAt > now) live.push(entry);
      else stale.push(field);
    }
    if (stale.length) await this.redis.hdel(key(number), ...stale);
    return live;
  }

  async refresh(entries: { number: number; socketId: string }[], expiresAt: number): Promise<void> {
    for (const { number, socketId } of entries) {
      const value = await this.redis.hget(key(number), socketId);
      const entry = value ? safeParse(value) : null;
      if (!entry) continue;
      await this.redis
        .multi()
        .hset(key(number), socketId, JSON.stringify({ ...entry, expiresAt }))
        .expire(key(number), this.keyTtlSeconds)
        .exec();
    }
  }
}

function safeParse(value: string): PresenceEntry | null {
  try {
    return JSON.parse(value) as PresenceEntry;
  } catch {
    return null;
  }
}
