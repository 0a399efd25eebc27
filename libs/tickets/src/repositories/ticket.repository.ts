import { Injectable } from '@nestjs/common';
import { BaseRepository, Page } from '@switchboard/core';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { TicketEntity } from '../entities/ticket.entity.js';
import type { StatusCategory } from '../ticket.types.js';
import { Tx } from '@switchboard/core';

export type TicketSortKey = 'created' | 'updated' | 'priority' | 'number';

export interface TicketListQuery {
  statuses?: string[];
  statusCategories?: StatusCategory[];
  assigneeId?: string | null;
  requesterId?: string;
  companyId?: string;
  /** Restricted technicians: only these companies (undefined = all). */
  companyIds?: string[];
  type?: string;
  priority?: string;
  text?: string;
  sort: TicketSortKey;
  direction: 'ASC' | 'DESC';
  limit: number;
  cursor?: { value: string | number; id: string };
}

const SORT_COLUMN: Record<TicketSortKey, keyof TicketEntity> = {
  created: 'createdAt',
  updated: 'updatedAt',
  priority: 'priorityRank',
  number: 'number',
};

@Injectable()
export class TicketRepository extends BaseRepository<TicketEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TicketEntity);
  }

  findByNumber(number: number, tx?: Tx): Promise<TicketEntity | null> {
    return this.repo(tx).findOneBy({ number });
  }

  /** Row lock on PostgreSQL so concurrent updates of one ticket serialize (SQLite: single writer). */
  async lockByNumber(number: number, tx: Tx): Promise<TicketEntity | null> {
    const qb = this.repo(tx).createQueryBuilder('t').where('t.number = :number', { number });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findByNumbers(numbers: number[]): Promise<TicketEntity[]> {
    return numbers.length ? this.repo().findBy({ number: In(numbers) }) : Promise.resolve([]);
  }

  /**
   * Keyset pagination on (sort column, id): `WHERE (col, id) < (:v, :id)` — a row-value
   * comparison both PostgreSQL and SQLite (>= 3.15) evaluate with the composite indexes.
   */
  async list(query: TicketListQuery): Promise<Page<TicketEntity> & { lastSortValue: string | number | null }> {
    if (query.companyIds && query.companyIds.length === 0) return { items: [], nextCursor: null, lastSortValue: null };
    const column = SORT_COLUMN[query.sort];
    const qb = this.repo().createQueryBuilder('t');
    this.applyFilters(qb, query);
    if (query.cursor) {
      const op = query.direction === 'DESC' ? '<' : '>';
      const value =
        column === 'createdAt' || column === 'updatedAt'
          ? new Date(String(query.cursor.value))
          : Number(query.cursor.value);
      qb.andWhere(`(t.${column}, t.id) ${op} (:cursorValue, :cursorId)`, {
        cursorValue: value,
        cursorId: query.cursor.id,
      });
    }
    qb.orderBy(`t.${column}`, query.direction)
      .addOrderBy('t.id', query.direction)
      .limit(query.limit + 1);
    const items = await qb.getMany();
    const more = items.length > query.limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    const lastValue = last ? last[column] : null;
    return {
      items,
      nextCursor: more && last ? last.id : null,
      lastSortValue: lastValue instanceof Date ? lastValue.toISOString() : (lastValue as number | null),
    };
  }

  private applyFilters(qb: SelectQueryBuilder<TicketEntity>, q: TicketListQuery): void {
    if (q.companyIds) qb.andWhere('t.companyId IN (:...companyIds)', { companyIds: q.companyIds });
    if (q.statuses?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: q.statuses });
    if (q.statusCategories?.length)
      qb.andWhere('t.statusCategory IN (:...categories)', { categories: q.statusCategories });
    if (q.assigneeId === null) qb.andWhere('t.assigneeId IS NULL');
    else if (q.assigneeId) qb.andWhere('t.assigneeId = :assigneeId', { assigneeId: q.assigneeId });
    if (q.requesterId) qb.andWhere('t.requesterId = :requesterId', { requesterId: q.requesterId });
    if (q.companyId) qb.andWhere('t.companyId = :companyId', { companyId: q.companyId });
    if (q.type) qb.andWhere('t.type = :type', { type: q.type });
    if (q.priority) qb.andWhere('t.priority = :priority', { priority: q.priority });
    if (q.text) {
      // Portable search: LOWER(..) LIKE with escaped wildcards (ESCAPE works on both drivers).
      const pattern = `%${q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where("LOWER(t.title) LIKE :text ESCAPE '\\'", { text: pattern }).orWhere(
            "LOWER(t.description) LIKE :text ESCAPE '\\'",
            { text: pattern },
          );
        }),
      );
    }
  }

  /** Compare-and-set, so concurrent readers publish the transition once. */
  async transitionActivityStatus(id: string, from: string, to: string): Promise<boolean> {
    const result = await this.repo().update(
      { id, activityStatus: from as TicketEntity['activityStatus'] },
      { activityStatus: to as TicketEntity['activityStatus'] },
    );
    return (result.affected ?? 0) > 0;
  }

  countByStatus(status: string): Promise<number> {
    return this.repo().countBy({ status });
  }

  /** Status renamed to another category: keep the denormalized column in step. */
  async updateCategory(status: string, category: StatusCategory): Promise<void> {
    await this.repo().update({ status }, { statusCategory: category });
  }

  async insertMany(rows: TicketEntity[], tx?: Tx): Promise<void> {
    if (rows.length) await this.repo(tx).insert(rows);
  }
}
