import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { CaseSeenMarkEntity } from '../entities/case-seen-mark.entity.js';

@Injectable()
export class CaseSeenMarkRepository extends BaseRepository<CaseSeenMarkEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CaseSeenMarkEntity);
  }

  /** One statement (ON CONFLICT ... DO UPDATE): two tabs opening the column together both succeed. */
  async markSeen(accountId: string, at: Date): Promise<void> {
    await this.repo().upsert({ id: accountId, seenAt: at }, ['id']);
  }

  findMany(accountIds: string[]): Promise<CaseSeenMarkEntity[]> {
    return accountIds.length ? this.repo().findBy({ id: In(accountIds) }) : Promise.resolve([]);
  }
}
