/** How one counter turns failures into a lock: `freeFailures` in a fixed window, then doubling locks. */
export interface AttemptRule {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** The count starts again this long after the window's first failure. */
  windowMs: number;
}

export interface AttemptState {
  failures: number;
  windowStartMs: number;
  /** 0 when not locked. */
  lockedUntilMs: number;
}

/** The next state after one more failure at `nowMs`: the single definition both stores follow. */
export function afterFailure(previous: AttemptState | null, nowMs: number, rule: AttemptRule): AttemptState {
  const fresh = !previous || nowMs - previous.windowStartMs >= rule.windowMs;
  const failures = fresh ? 1 : previous.failures + 1;
  const windowStartMs = fresh ? nowMs : previous.windowStartMs;
  const over = failures - rule.freeFailures;
  const lockedUntilMs = over >= 0 ? nowMs + Math.min(rule.baseLockMs * 2 ** Math.min(over, 30), rule.maxLockMs) : 0;
  return { failures, windowStartMs, lockedUntilMs };
}

/**
 * Failed-login counters shared by every instance: Redis when configured, else the database.
 * Keys are opaque (hashed), so neither store holds emails or addresses.
 */
export abstract class LoginAttemptStore {
  /** The latest lock end among `keys` (ms since epoch), 0 when none is locked at `nowMs`. */
  abstract lockedUntil(keys: string[], nowMs: number): Promise<number>;
  abstract recordFailure(key: string, nowMs: number, rule: AttemptRule): Promise<AttemptState>;
  abstract clear(key: string): Promise<void>;
}
