import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, IsNull, LessThan, MoreThan } from 'typeorm';
import { PortalSignInEntity } from '../entities/portal-sign-in.entity.js';

@Injectable()
export class PortalSignInRepository extends BaseRepository<PortalSignInEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PortalSignInEntity);
  }

  findByTokenHash(tokenHash: string): Promise<PortalSignInEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  /**
   * Uses the link: one conditional UPDATE, so two clicks at once open one session (the other gets
   * nothing). False when it was used already or has expired.
   */
  async redeem(id: string, now: Date, sessionExpiresAt: Date): Promise<boolean> {
    const res = await this.repo().update(
      { id, usedAt: IsNull(), linkExpiresAt: MoreThan(now) },
      { usedAt: now, sessionExpiresAt },
    );
    return (res.affected ?? 0) > 0;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.repo().update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Links never used and sessions over: kept a day for the record, then removed. */
  async pruneBefore(cutoff: Date): Promise<number> {
    const gone = await this.repo().delete({ linkExpiresAt: LessThan(cutoff), usedAt: IsNull() });
    const ended = await this.repo().delete({ sessionExpiresAt: LessThan(cutoff) });
    return (gone.affected ?? 0) + (ended.affected ?? 0);
  }
}
