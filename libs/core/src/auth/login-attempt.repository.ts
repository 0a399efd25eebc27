import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { LoginAttemptEntity } from './login-attempt.entity.js';
import { afterFailure, LoginAttemptStore, type AttemptRule, type AttemptState } from './login-attempt.store.js';

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
    // An empty row (failures 0) first, so every failure after it is one conditional UPDATE.
    await repo
      .createQueryBuilder()
      .insert()
      .values({ key, failures: 0, windowStart: new Date(0), lockedUntil: null })
      .orIgnore()
      .execute();
    let next: AttemptState | null = null;
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await repo.findOneByOrFail({ key });
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
    return next!;
  }

  async clear(key: string): Promise<void> {
    await this.repo().delete({ key });
  }

  private repo() {
    return this.dataSource.getRepository(LoginAttemptEntity);
  }
}
