import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { ContactEntity } from './contact.entity.js';
import { Tx } from '../database/tx.js';

@Injectable()
export class ContactRepository extends BaseRepository<ContactEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ContactEntity);
  }

  findByEmail(companyId: string, emailKey: string, tx?: Tx): Promise<ContactEntity | null> {
    return this.repo(tx).findOneBy({ companyId, emailKey });
  }

  /** Every contact with this address, across companies (mail threading, dual-role checks). */
  findAllByEmail(emailKey: string): Promise<ContactEntity[]> {
    return this.repo().find({ where: { emailKey }, order: { id: 'ASC' } });
  }

  /** Companies having contacts at this mail domain (email intake: a new sender joins their colleagues' company). */
  async companyIdsForDomain(domain: string, limit = 5): Promise<string[]> {
    const rows = await this.repo()
      .createQueryBuilder('c')
      .select('DISTINCT c.companyId', 'companyId')
      .where('c.emailKey LIKE :suffix', { suffix: `%@${domain.replace(/[%_]/g, '')}` })
      .limit(limit)
      .getRawMany<{ companyId: string }>();
    return rows.map((r) => r.companyId);
  }

  findByIds(ids: string[]): Promise<ContactEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  list(query: PageQuery & { companyIds?: string[] }): Promise<Page<ContactEntity>> {
    if (query.companyIds && query.companyIds.length === 0) return Promise.resolve({ items: [], nextCursor: null });
    return this.page(query.companyIds ? { companyId: In(query.companyIds) } : {}, query);
  }
}
