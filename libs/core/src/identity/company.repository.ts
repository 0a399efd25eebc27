import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { CompanyEntity } from './company.entity.js';
import { Tx } from '../database/tx.js';

@Injectable()
export class CompanyRepository extends BaseRepository<CompanyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CompanyEntity);
  }

  findByNameKey(nameKey: string, tx?: Tx): Promise<CompanyEntity | null> {
    return this.repo(tx).findOneBy({ nameKey });
  }

  list(query: PageQuery & { ids?: string[] }): Promise<Page<CompanyEntity>> {
    if (query.ids && query.ids.length === 0) return Promise.resolve({ items: [], nextCursor: null });
    return this.page(query.ids ? { id: In(query.ids) } : {}, query);
  }

  count(): Promise<number> {
    return this.repo().count();
  }
}
