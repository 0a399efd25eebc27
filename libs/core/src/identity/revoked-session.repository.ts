import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { RevokedSessionEntity } from './revoked-session.entity.js';

@Injectable()
export class RevokedSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent: a second logout with the same token changes nothing. */
  async add(row: RevokedSessionEntity): Promise<void> {
    await this.dataSource
      .getRepository(RevokedSessionEntity)
      .createQueryBuilder()
      .insert()
      .values(row)
      .orIgnore()
      .execute();
  }

  /** Rows whose token has expired anyway; returns how many went. */
  async pruneExpired(now: Date): Promise<number> {
    const res = await this.dataSource.getRepository(RevokedSessionEntity).delete({ expiresAt: LessThan(now) });
    return res.affected ?? 0;
  }

  /** Which of these sessions were ended. */
  async revokedAmong(sessionIds: string[]): Promise<Set<string>> {
    if (!sessionIds.length) return new Set();
    const rows = await this.dataSource.getRepository(RevokedSessionEntity).findBy({ sessionId: In(sessionIds) });
    return new Set(rows.map((r) => r.sessionId));
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(RevokedSessionEntity).count();
  }
}
