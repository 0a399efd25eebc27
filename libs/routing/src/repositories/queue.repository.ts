import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource } from 'typeorm';
import { QueueEntity } from '../entities/queue.entity.js';
import { RoutingContactEntity } from '../entities/routing-contact.entity.js';

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

  /**
   * The queue of a contact that is waiting, with the contact's company, in one read (a dispatch
   * needs both before its transaction, which reads the contact itself again under its lock).
   * Null when the contact is not waiting or its queue is gone.
   */
  async ofWaitingContact(contactId: string): Promise<{ queue: QueueEntity; companyId: string } | null> {
    const { entities, raw } = await this.repo()
      .createQueryBuilder('q')
      .innerJoin(RoutingContactEntity, 'c', 'c.queueId = q.id')
      .addSelect('c.companyId', 'contactCompanyId')
      .where('c.id = :contactId AND c.state = :waiting', { contactId, waiting: 'waiting' })
      .getRawAndEntities<{ contactCompanyId: string }>();
    return entities[0] ? { queue: entities[0], companyId: raw[0].contactCompanyId } : null;
  }
}
