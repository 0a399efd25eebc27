import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '@switchboard/core';
import { DataSource, In, LessThan, MoreThan, Not, type FindOptionsWhere } from 'typeorm';
import { CaseEntity, type CaseStatus } from '../entities/case.entity.js';

export interface CaseListQuery {
  view: 'unassigned' | 'mine' | 'all';
  accountId: string;
  companyIds?: string[];
  limit: number;
  cursor?: string;
}

@Injectable()
export class CaseRepository extends BaseRepository<CaseEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CaseEntity);
  }

  /** Newest first; ids are time-ordered, so `id < cursor` is a stable keyset. */
  async list(q: CaseListQuery): Promise<{ items: CaseEntity[]; nextCursor: string | null }> {
    const where: FindOptionsWhere<CaseEntity> = {};
    if (q.companyIds) where.companyId = In(q.companyIds);
    if (q.view === 'unassigned') where.status = 'unassigned';
    if (q.view === 'mine') Object.assign(where, { assigneeId: q.accountId, status: Not('resolved') });
    if (q.cursor) where.id = LessThan(q.cursor);
    const items = await this.repo().find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const more = items.length > q.limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  /**
   * The compare-and-set behind "Assign to me" (and the other transitions): one UPDATE guarded by
   * the expected status, so of two technicians (even on two instances) exactly one wins. With `tx`,
   * part of a caller's transaction (a transfer's release).
   */
  async transition(id: string, from: CaseStatus, changes: Partial<CaseEntity>, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx).update({ id, status: from }, changes as never);
    return (result.affected ?? 0) > 0;
  }

  async patch(id: string, changes: Partial<CaseEntity>): Promise<void> {
    await this.repo().update({ id }, changes as never);
  }

  countUnseen(after: Date | null, companyIds?: string[]): Promise<number> {
    const where: FindOptionsWhere<CaseEntity> = { status: 'unassigned' };
    if (after) where.createdAt = MoreThan(after);
    if (companyIds) where.companyId = In(companyIds);
    return this.repo().countBy(where);
  }

  countByContact(contactId: string, exceptId: string): Promise<number> {
    return this.repo().countBy({ contactId, id: Not(exceptId) });
  }

  /** A contact's newest cases (the ticket sidebar's "chats"); served by the contactId index. */
  listByContact(contactId: string, limit: number): Promise<CaseEntity[]> {
    return this.repo().find({ where: { contactId }, order: { id: 'DESC' }, take: limit });
  }
}
