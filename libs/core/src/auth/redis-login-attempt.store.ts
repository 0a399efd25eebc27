import type { Redis } from 'ioredis';
import { LoginAttemptStore, type AttemptRule, type AttemptState } from './login-attempt.store.js';

// afterFailure() (login-attempt.store.ts) in one atomic step. Times come from the app's Clock
// (ARGV[1]), not Redis's, so tests can advance them; the key's real TTL only cleans up.
const RECORD = `
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local s = tonumber(redis.call('HGET', KEYS[1], 's') or '0')
local now, window, free, base, cap = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
if f == 0 or now - s >= window then f = 0; s = now end
f = f + 1
local u = 0
local over = f - free
if over >= 0 then u = now + math.min(base * 2 ^ math.min(over, 30), cap) end
redis.call('HSET', KEYS[1], 'f', f, 's', s, 'u', u)
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return { f, tostring(s), tostring(u) }
`;

export class RedisLoginAttemptStore extends LoginAttemptStore {
  /** `namespace` keeps two installations sharing one Redis apart. */
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {
    super();
  }

  async lockedUntil(keys: string[], nowMs: number): Promise<number> {
    const values = await Promise.all(keys.map((k) => this.redis.hget(this.key(k), 'u')));
    const latest = Math.max(0, ...values.map((v) => Number(v ?? 0)));
    return latest > nowMs ? latest : 0;
  }

  async recordFailure(key: string, nowMs: number, rule: AttemptRule): Promise<AttemptState> {
    const ttl = rule.windowMs + rule.maxLockMs;
    const [failures, start, until] = (await this.redis.eval(
      RECORD,
      1,
      this.key(key),
      nowMs,
      rule.windowMs,
      rule.freeFailures,
      rule.baseLockMs,
      rule.maxLockMs,
      ttl,
    )) as [number, string, string];
    return { failures, windowStartMs: Number(start), lockedUntilMs: Number(until) };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `sb:login:${this.namespace}:${key}`;
  }
}
