import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Page, PageQuery } from '../database/base.repository.js';
import { AccountCompanyAccessEntity } from './account-company-access.entity.js';
import type { AccountRole } from '../access/principal.js';
import { AccountEntity } from './account.entity.js';
import { Tx } from '../database/tx.js';
import { RevokedSessionEntity } from './revoked-session.entity.js';

@Injectable()
export class AccountRepository extends BaseRepository<AccountEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AccountEntity);
  }

  findByEmail(email: string, tx?: Tx): Promise<AccountEntity | null> {
    return this.repo(tx).findOneBy({ email });
  }

  /**
   * The account and whether session `sessionId` was ended (logout), in one round trip: the check
   * every authenticated request and handshake makes, so it costs no more than reading the account.
   */
  async findForSession(id: string, sessionId: string): Promise<{ account: AccountEntity; revoked: boolean } | null> {
    const { entities, raw } = await this.repo()
      .createQueryBuilder('a')
      .addSelect((sub) => sub.select('1').from(RevokedSessionEntity, 'r').where('r.sessionId = :sessionId'), 'revoked')
      .where('a.id = :id', { id, sessionId })
      .getRawAndEntities<{ revoked: unknown }>();
    if (!entities.length) return null;
    return { account: entities[0], revoked: raw[0]?.revoked !== null && raw[0]?.revoked !== undefined };
  }

  findByIds(ids: string[]): Promise<AccountEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  list(query: PageQuery): Promise<Page<AccountEntity>> {
    return this.page({}, query);
  }

  countByRole(role: AccountRole): Promise<number> {
    return this.repo().countBy({ role });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  async companyIds(accountId: string, tx?: Tx): Promise<string[]> {
    const rows = await this.manager(tx).getRepository(AccountCompanyAccessEntity).findBy({ accountId });
    return rows.map((r) => r.companyId);
  }

  /** The companies of several accounts (restricted ones; unrestricted accounts have no rows). */
  async companyIdsOf(accountIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!accountIds.length) return out;
    const rows = await this.manager()
      .getRepository(AccountCompanyAccessEntity)
      .findBy({ accountId: In(accountIds) });
    for (const r of rows) out.set(r.accountId, [...(out.get(r.accountId) ?? []), r.companyId]);
    return out;
  }

  async replaceCompanyAccess(accountId: string, companyIds: string[], tx: Tx): Promise<void> {
    const access = tx.manager.getRepository(AccountCompanyAccessEntity);
    await access.delete({ accountId });
    if (companyIds.length) await access.insert(companyIds.map((companyId) => ({ accountId, companyId })));
  }
}
