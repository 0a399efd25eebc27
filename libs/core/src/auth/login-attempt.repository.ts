import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { LoginAttemptEntity } from './login-attempt.entity.js';
import { afterFailure, LoginAttemptStore, type AttemptRule, type AttemptState } from './login-attempt.store.js';

/** Longer than any rule's window + lock, so a sweep never drops a live counter of another rule. */
const STALE_MARGIN_MS = 48 * 3600_000;

/** The database store: a compare-and-set on `failures`, retried, so concurrent failures all count. */
@Injectable()
export class LoginAttemptRepository extends LoginAttemptStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async lockedUntil(keys: string[], nowMs: number): Promise<number> {
    const rows = await this.repo().findBy({ key: In(keys) });
    const latest = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
    return latest > nowMs ? latest : 0;
  }

  async recordFailure(key: string, nowMs: number, rule: AttemptRule): Promise<AttemptState> {
    const repo = this.repo();
    // Now and then, forget counters whose window and lock are long over (sprayed unknown emails pile up otherwise).
    if (Math.random() < 0.01)
      await repo.delete({ windowStart: LessThan(new Date(nowMs - rule.windowMs - rule.maxLockMs - STALE_MARGIN_MS)) });
    let next: AttemptState | null = null;
    for (let attempt = 0; attempt < 10; attempt++) {
      // An empty row (failures 0) first, so every failure is one conditional UPDATE on it.
      await repo
        .createQueryBuilder()
        .insert()
        .values({ key, failures: 0, windowStart: new Date(nowMs), lockedUntil: null })
        .orIgnore()
        .execute();
      const row = await repo.findOneBy({ key });
      if (!row) continue; // swept in between: insert again
      next = afterFailure(
        row.failures ? { failures: row.failures, windowStartMs: row.windowStart.getTime(), lockedUntilMs: 0 } : null,
        nowMs,
        rule,
      );
      const updated = await repo.update(
        { key, failures: row.failures },
        {
          failures: next.failures,
          windowStart: new Date(next.windowStartMs),
          lockedUntil: next.lockedUntilMs ? new Date(next.lockedUntilMs) : null,
        },
      );
      if (updated.affected) return next;
    }
    // Ten lost races in a row: count it as this failure anyway (the caller only needs "counted").
    return next ?? afterFailure(null, nowMs, rule);
  }

  async clear(key: string): Promise<void> {
    await this.repo().delete({ key });
  }

  private repo() {
    return this.dataSource.getRepository(LoginAttemptEntity);
  }
}
