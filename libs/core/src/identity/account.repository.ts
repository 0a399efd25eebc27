import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { AccountCompanyAccessEntity } from './account-company-access.entity.js';
import { AccountEntity } from './account.entity.js';
import { Tx } from '../database/tx.js';

@Injectable()
export class AccountRepository extends BaseRepository<AccountEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AccountEntity);
  }

  findByEmail(email: string, tx?: Tx): Promise<AccountEntity | null> {
    return this.repo(tx).findOneBy({ email });
  }

  findByIds(ids: string[]): Promise<AccountEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  list(query: PageQuery): Promise<Page<AccountEntity>> {
    return this.page({}, query);
  }

  /**
   * Ids of the active admins, their rows locked until the transaction ends (PostgreSQL): two
   * concurrent demotions serialize here and the second one sees the first's result.
   * SQLite has a single writer, so its transactions are serial already.
   */
  async lockActiveAdminIds(tx: Tx): Promise<string[]> {
    const qb = this.repo(tx)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.role = :role AND a.active = :active', { role: 'admin', active: true });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /** Sets the new hash only while the stored one is still `current` (no lost concurrent change). */
  async replacePasswordHash(id: string, current: string, next: string): Promise<void> {
    await this.repo().update({ id, passwordHash: current }, { passwordHash: next });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  async companyIds(accountId: string, tx?: Tx): Promise<string[]> {
    const rows = await this.manager(tx).getRepository(AccountCompanyAccessEntity).findBy({ accountId });
    return rows.map((r) => r.companyId);
  }

  async replaceCompanyAccess(accountId: string, companyIds: string[], tx: Tx): Promise<void> {
    const access = tx.manager.getRepository(AccountCompanyAccessEntity);
    await access.delete({ accountId });
    if (companyIds.length) await access.insert(companyIds.map((companyId) => ({ accountId, companyId })));
  }
}
