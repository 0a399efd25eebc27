import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { DeviceEntity } from './device.entity.js';
import { Tx } from '../database/tx.js';

@Injectable()
export class DeviceRepository extends BaseRepository<DeviceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, DeviceEntity);
  }

  findByTokenHash(tokenHash: string, tx?: Tx): Promise<DeviceEntity | null> {
    return this.repo(tx).findOneBy({ tokenHash });
  }

  list(query: PageQuery & { companyIds?: string[]; companyId?: string }): Promise<Page<DeviceEntity>> {
    if (query.companyIds && query.companyIds.length === 0) return Promise.resolve({ items: [], nextCursor: null });
    const where = query.companyId
      ? { companyId: query.companyId }
      : query.companyIds
        ? { companyId: In(query.companyIds) }
        : {};
    return this.page(where, query);
  }

  /** Devices a contact is assigned to, most recently seen first. */
  findByContact(contactId: string): Promise<DeviceEntity[]> {
    return this.repo().find({ where: { contactId }, order: { lastSeenAt: 'DESC', createdAt: 'DESC' }, take: 50 });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo().update({ id }, { lastSeenAt: at });
  }
}
