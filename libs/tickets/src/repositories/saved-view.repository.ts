import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { SavedViewEntity } from '../entities/saved-view.entity.js';

@Injectable()
export class SavedViewRepository extends BaseRepository<SavedViewEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, SavedViewEntity);
  }

  ofAccount(accountId: string): Promise<SavedViewEntity[]> {
    return this.repo().find({ where: { accountId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** Another account's view is not found (the caller answers 404, never 403: ids do not leak). */
  findOwn(id: string, accountId: string): Promise<SavedViewEntity | null> {
    return this.repo().findOneBy({ id, accountId });
  }

  countOfAccount(accountId: string): Promise<number> {
    return this.repo().countBy({ accountId });
  }

  async nextPosition(accountId: string): Promise<number> {
    const row = await this.repo()
      .createQueryBuilder('v')
      .select('MAX(v.position)', 'max')
      .where('v.accountId = :accountId', { accountId })
      .getRawOne<{ max: number | string | null }>();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }
}
