import { Injectable } from '@nestjs/common';
import { DataSource, MoreThanOrEqual, Not } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';
import { InboundMessageEntity } from './inbound-message.entity.js';

@Injectable()
export class InboundMessageRepository extends BaseRepository<InboundMessageEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, InboundMessageEntity);
  }

  /** Claims the external id; false when another delivery already holds it (unique index). */
  async claim(row: InboundMessageEntity): Promise<boolean> {
    // The common duplicate (a redelivery long after the first) without a failing INSERT in the logs;
    // the unique index still settles a race between two deliveries at the same moment.
    if (await this.findByExternalId(row.channel, row.externalId)) return false;
    try {
      await this.repo().insert(row as never);
      return true;
    } catch (error) {
      if (await this.findByExternalId(row.channel, row.externalId)) return false;
      throw error;
    }
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
