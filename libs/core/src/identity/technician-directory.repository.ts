import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountCompanyAccessEntity } from './account-company-access.entity.js';
import { AccountEntity } from './account.entity.js';

/** Read model over accounts: who works here, and who serves a company. */
@Injectable()
export class TechnicianDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(query: { companyId?: string; available?: boolean }): Promise<AccountEntity[]> {
    const qb = this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .where('a.active = :active', { active: true });
    if (query.available !== undefined)
      qb.andWhere('a.availability = :availability', { availability: query.available ? 'available' : 'unavailable' });
    if (query.companyId) {
      qb.andWhere(
        `(a.allCompanies = :all OR a.role = 'admin' OR EXISTS (SELECT 1 FROM ${this.dataSource.getMetadata(AccountCompanyAccessEntity).tableName} x WHERE x."accountId" = a.id AND x."companyId" = :companyId))`,
        { all: true, companyId: query.companyId },
      );
    }
    return qb.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').limit(1000).getMany();
  }
}
