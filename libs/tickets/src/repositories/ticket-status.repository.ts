import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { Tx } from '@switchboard/core';

@Injectable()
export class TicketStatusRepository extends BaseRepository<TicketStatusEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketStatusEntity);
  }

  all(): Promise<TicketStatusEntity[]> {
    return this.repo().find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }

  findByKey(key: string, tx?: Tx): Promise<TicketStatusEntity | null> {
    return this.repo(tx).findOneBy({ key });
  }

  /** Idempotent and race-free when two instances boot at once (INSERT OR IGNORE / ON CONFLICT DO NOTHING). */
  async insertIfMissing(rows: TicketStatusEntity[]): Promise<void> {
    await this.repo().createQueryBuilder().insert().into(TicketStatusEntity).values(rows).orIgnore().execute();
  }
}
