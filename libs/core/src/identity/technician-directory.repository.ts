import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccountCompanyAccessEntity } from './account-company-access.entity.js';
import { AccountEntity } from './account.entity.js';

/** Read model over accounts: who works here, and who serves a company. */
@Injectable()
export class TechnicianDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(query: { companyId?: string; available?: boolean }): Promise<AccountEntity[]> {
    return this.query(query).getMany();
  }

  /** The ids of `find`'s accounts, read raw (no entity per row). */
  async findIds(query: { companyId?: string; available?: boolean }): Promise<string[]> {
    const rows = await this.query(query).select('a.id', 'id').getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  private query(query: { companyId?: string; available?: boolean }) {
    const qb = this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .where('a.active = :active', { active: true });
    if (query.available !== undefined)
      qb.andWhere('a.availability = :availability', { availability: query.available ? 'available' : 'unavailable' });
    if (query.companyId) {
      // AccessPolicy.canAccessCompany as SQL (admin, all companies, or the company in the access list).
      qb.andWhere(
        `(a.allCompanies = :all OR a.role = 'admin' OR EXISTS (SELECT 1 FROM ${this.dataSource.getMetadata(AccountCompanyAccessEntity).tableName} x WHERE x."accountId" = a.id AND x."companyId" = :companyId))`,
        { all: true, companyId: query.companyId },
      );
    }
    return qb.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').limit(1000);
  }

  /** These accounts (any state) with their company access lists: two queries whatever the count. */
  async withCompanies(ids: string[]): Promise<Array<{ account: AccountEntity; companyIds: string[] }>> {
    if (!ids.length) return [];
    const [accounts, access] = await Promise.all([
      this.dataSource.getRepository(AccountEntity).findBy({ id: In(ids) }),
      this.dataSource.getRepository(AccountCompanyAccessEntity).findBy({ accountId: In(ids) }),
    ]);
    return accounts.map((account) => ({
      account,
      companyIds: access.filter((x) => x.accountId === account.id).map((x) => x.companyId),
    }));
  }
}
