import { Injectable } from '@nestjs/common';
import { DataSource, MoreThanOrEqual, Not } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';
import { InboundMessageEntity } from './inbound-message.entity.js';

@Injectable()
export class InboundMessageRepository extends BaseRepository<InboundMessageEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, InboundMessageEntity);
  }

  /**
   * Claims the external id in one statement: `INSERT ... ON CONFLICT DO NOTHING` (SQLite: `INSERT OR
   * IGNORE`) on the unique (channel, externalId) index, so a redelivery and a race between two
   * deliveries at the same moment both end as "not inserted" without a failing INSERT in the logs.
   */
  async claim(row: InboundMessageEntity): Promise<boolean> {
    return (await this.insertRows([row], undefined, { orIgnore: true })) > 0;
  }

  findByExternalId(channel: string, externalId: string): Promise<InboundMessageEntity | null> {
    return this.repo().findOneBy({ channel, externalId });
  }

  /** Messages from one sender since `since` (the rate limit; the claimed row itself excluded). */
  countFromSince(channel: string, fromAddress: string, since: Date, excludeId: string): Promise<number> {
    return this.repo().countBy({ channel, fromAddress, createdAt: MoreThanOrEqual(since), id: Not(excludeId) });
  }

  async finish(
    id: string,
    patch: Pick<InboundMessageEntity, 'status' | 'reason' | 'ticketNumber' | 'commentId'>,
  ): Promise<void> {
    await this.repo().update({ id }, patch);
  }
}
