import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, IsNull, LessThan, MoreThan } from 'typeorm';
import { IdentityTokenEntity } from '../entities/identity-token.entity.js';

@Injectable()
export class IdentityTokenRepository extends BaseRepository<IdentityTokenEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, IdentityTokenEntity);
  }

  countSince(where: { deviceId: string } | { emailKey: string }, since: Date): Promise<number> {
    return this.repo().countBy({ ...where, createdAt: MoreThan(since) });
  }

  /** The device's newest unused token. */
  latestOpen(deviceId: string): Promise<IdentityTokenEntity | null> {
    return this.repo().findOne({ where: { deviceId, usedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** A newer code replaces the older ones (only the last mail counts). */
  async retireOpen(deviceId: string, at: Date): Promise<void> {
    await this.repo().update({ deviceId, usedAt: IsNull() }, { usedAt: at });
  }

  /** Counts a guess atomically; false when the token has no guesses left (or was used meanwhile). */
  async countAttempt(id: string, max: number): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update(IdentityTokenEntity)
      .set({ attempts: () => '"attempts" + 1' })
      .where({ id, usedAt: IsNull(), attempts: LessThan(max) })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Single use: true only for the caller that consumed it. */
  async consume(id: string, at: Date): Promise<boolean> {
    const result = await this.repo().update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
