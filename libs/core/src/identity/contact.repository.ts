import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In, IsNull, Raw } from 'typeorm';
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

  /** Sets the language of a contact that has none (one conditional UPDATE: no read, no transaction); true when set. */
  async setLanguageIfUnset(id: string, language: string): Promise<boolean> {
    const result = await this.repo().update({ id, language: IsNull() }, { language });
    return (result.affected ?? 0) > 0;
  }

  findByIds(ids: string[]): Promise<ContactEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  list(query: PageQuery & { companyIds?: string[]; search?: string }): Promise<Page<ContactEntity>> {
    if (query.companyIds && query.companyIds.length === 0) return Promise.resolve({ items: [], nextCursor: null });
    const base: FindOptionsWhere<ContactEntity> = query.companyIds ? { companyId: In(query.companyIds) } : {};
    if (!query.search) return this.page(base, query);
    // LOWER(..) LIKE: case-insensitive on SQLite and PostgreSQL alike (ILIKE is PostgreSQL only).
    const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = Raw((alias) => `LOWER(${alias}) LIKE :pattern ESCAPE '\\'`, { pattern });
    return this.page(
      [
        { ...base, firstName: like },
        { ...base, lastName: like },
        { ...base, emailKey: like },
      ],
      query,
    );
  }
}
