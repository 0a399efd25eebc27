import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { QueueEntity } from '../entities/queue.entity.js';

@Injectable()
export class QueueRepository extends BaseRepository<QueueEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, QueueEntity);
  }

  findByNameKey(nameKey: string): Promise<QueueEntity | null> {
    return this.repo().findOneBy({ nameKey });
  }

  /** Queues are few (tens): the list is read whole and filtered by company in the service. */
  list(): Promise<QueueEntity[]> {
    return this.repo().find({ order: { nameKey: 'ASC' }, take: 1000 });
  }
}
