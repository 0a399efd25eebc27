import { Injectable } from '@nestjs/common';
import {
  BaseRepository,
  fullTextMatch,
  Page,
  parseSearchText,
  planFullText,
  type FullTextRead,
  type SortBound,
  widenSearch,
  PiiMaskingRegistry,
  type MaskedScope,
} from '@switchboard/core';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
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
  sentiment?: string;
  text?: string;
  /** Match `text` as a substring too (the second try when its words found nothing). */
  textWidened?: boolean;
  /** Companies whose tickets the viewer sees masked: `text` matches their masked search text only. */
  maskedText?: MaskedScope;
  sort: TicketSortKey;
  direction: 'ASC' | 'DESC';
  limit: number;
  cursor?: { value: string | number; id: string };
}

/** The list's filters without its ordering and paging: what a count needs. */
export type TicketCountQuery = Omit<TicketListQuery, 'sort' | 'direction' | 'limit' | 'cursor'>;

/** Whether the list's text is matched as a substring too (a fragment, or the widened second try). */
const substringSearch = (q: TicketListQuery): boolean => {
  const parsed = parseSearchText(q.text ?? '');
  return parsed.substring || (q.textWidened === true && widenSearch(parsed) !== null);
};

const SORT_COLUMN: Record<TicketSortKey, keyof TicketEntity> = {
  created: 'createdAt',
  updated: 'updatedAt',
  priority: 'priorityRank',
  number: 'number',
};

/** A column's value in a comparable form (dates by instant, JSON columns by content). */
const comparable = (value: unknown): unknown =>
  value instanceof Date
    ? `date:${value.getTime()}`
    : value !== null && typeof value === 'object'
      ? JSON.stringify(value)
      : value;

@Injectable()
export class TicketRepository extends BaseRepository<TicketEntity> {
  /**
   * The column values of each ticket as it was locked (the row cannot change under the lock), so
   * `save` writes only what changed without TypeORM's SELECT to diff against the row.
   */
  private readonly locked = new WeakMap<TicketEntity, Map<string, unknown>>();

  constructor(
    dataSource: DataSource,
    private readonly masking: PiiMaskingRegistry,
  ) {
    super(dataSource, TicketEntity);
  }

  /** The masked search text of a ticket's current title and description (see TicketEntity.searchText). */
  searchTextOf(ticket: Pick<TicketEntity, 'title' | 'description'>): string | null {
    // No engine registered: store nothing rather than the raw text (masked search then finds nothing).
    if (!this.masking.registered) return null;
    return this.masking.current.mask(`${ticket.title ?? ''}\n${ticket.description ?? ''}`);
  }

  private withSearchText<T extends TicketEntity>(ticket: T): T {
    ticket.searchText = this.searchTextOf(ticket);
    return ticket;
  }

  override async insert(ticket: TicketEntity, tx?: Tx): Promise<TicketEntity> {
    // A whole row (the creation sets every column): the prepared INSERT, which a PostgreSQL unit of
    // work sends with the first message's rows (#20.5); else TypeORM's, which reads the defaults back.
    if (!(await this.insertIfWhole([this.withSearchText(ticket)], tx))) await super.insert(ticket, tx);
    // Inserted in an open transaction, the row is nobody else's until the commit (as if locked):
    // the save that follows in it (creation's automation) diffs against this, without a SELECT.
    if (tx) this.locked.set(ticket, this.snapshot(ticket));
    return ticket;
  }

  override insertWithoutReload(tickets: TicketEntity | TicketEntity[], tx?: Tx): Promise<void> {
    for (const ticket of Array.isArray(tickets) ? tickets : [tickets]) this.withSearchText(ticket);
    return super.insertWithoutReload(tickets, tx);
  }

  /**
   * A locked ticket: UPDATE of the changed columns only (none changed: no statement, as with
   * TypeORM's own diff). Any other ticket (a new one, one read without lock): TypeORM's save.
   */
  override async save(ticket: TicketEntity, tx?: Tx): Promise<TicketEntity> {
    const before = this.locked.get(ticket);
    // Most saves (a comment, a status) leave the text alone: mask again only when it changed.
    const textChanged =
      !before || before.get('title') !== ticket.title || before.get('description') !== ticket.description;
    if (textChanged || ticket.searchText == null) this.withSearchText(ticket);
    if (!before) return super.save(ticket, tx);
    const after = this.snapshot(ticket);
    const changes: Partial<TicketEntity> = {};
    for (const [property, value] of after)
      if (value !== before.get(property))
        Object.assign(changes, { [property]: ticket[property as keyof TicketEntity] });
    if (Object.keys(changes).length) await this.repo(tx).update({ id: ticket.id }, changes as never);
    this.locked.set(ticket, after);
    return ticket;
  }

  private snapshot(ticket: TicketEntity): Map<string, unknown> {
    const metadata = this.repo().metadata;
    return new Map(
      metadata.columns
        .filter((c) => !c.isPrimary)
        .map((c) => [c.propertyName, comparable(c.getEntityValue(ticket))] as [string, unknown]),
    );
  }

  findByNumber(number: number, tx?: Tx): Promise<TicketEntity | null> {
    return this.repo(tx).findOneBy({ number });
  }

  /** Row lock on PostgreSQL so concurrent updates of one ticket serialize (SQLite: single writer). */
  async lockByNumber(number: number, tx: Tx): Promise<TicketEntity | null> {
    const qb = this.repo(tx).createQueryBuilder('t').where('t.number = :number', { number });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const ticket = await qb.getOne();
    if (ticket) this.locked.set(ticket, this.snapshot(ticket));
    return ticket;
  }

  /** Tickets by id (a bulk action's selection); unknown ids are simply absent. */
  findByIds(ids: string[]): Promise<TicketEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByNumbers(numbers: number[]): Promise<TicketEntity[]> {
    return numbers.length ? this.repo().findBy({ number: In(numbers) }) : Promise.resolve([]);
  }

  async list(query: TicketListQuery): Promise<Page<TicketEntity> & { lastSortValue: string | number | null }> {
    if (query.companyIds && query.companyIds.length === 0) return { items: [], nextCursor: null, lastSortValue: null };
    if (!query.text) return this.listPage(this.repo().createQueryBuilder('t'), query, {});
    // A text search: the plan (ids probed from the full-text index, or a walk of the sort index)
    // is chosen from how many tickets match, not from PostgreSQL's constant estimate (#20).
    const forTicket = (manager: EntityManager) => manager.getRepository(TicketEntity).createQueryBuilder('t');
    return planFullText(
      this.dataSource,
      {
        bound: async (manager, rows) => {
          const column = SORT_COLUMN[query.sort];
          const qb = forTicket(manager).select(`t.${column}`, 'value').addSelect('t.id', 'id');
          this.applyFilters(qb, { ...query, text: undefined });
          this.applyCursor(qb, query);
          qb.orderBy(`t.${column}`, query.direction).addOrderBy('t.id', query.direction);
          return (
            (await qb
              .offset(rows - 1)
              .limit(1)
              .getRawOne<SortBound>()) ?? null
          );
        },
        probe: (manager, limit) => {
          const probe = forTicket(manager).select('t.id', 'id');
          this.applyFilters(probe, query);
          this.applyCursor(probe, query);
          return probe.limit(limit).getRawMany<{ id: string }>();
        },
        run: (manager, read) => this.listPage(forTicket(manager), query, read),
        full: (page) => page.nextCursor !== null,
      },
      { windowRows: substringSearch(query) ? 0 : undefined },
    );
  }

  /**
   * One page of the list; with `ids` (the matches of its text, probed), only those tickets and
   * without the text condition, so the page does not recompute their documents; with `bound`, only
   * the rows up to that sort key (the bounded walk, see planFullText).
   */
  private async listPage(
    qb: SelectQueryBuilder<TicketEntity>,
    query: TicketListQuery,
    { ids, bound }: FullTextRead,
  ): Promise<Page<TicketEntity> & { lastSortValue: string | number | null }> {
    if (ids?.length === 0) return { items: [], nextCursor: null, lastSortValue: null };
    const column = SORT_COLUMN[query.sort];
    if (ids) {
      this.applyFilters(qb, { ...query, text: undefined }, this.sqliteUnindexed(query));
      qb.andWhere('t.id IN (:...matchIds)', { matchIds: ids });
    } else this.applyFilters(qb, query, this.sqliteUnindexed(query));
    this.applyCursor(qb, query);
    if (bound) {
      const op = query.direction === 'DESC' ? '>=' : '<=';
      if (column === 'number') qb.andWhere(`t.${column} ${op} :boundValue`, { boundValue: bound.value });
      else
        qb.andWhere(`(t.${column}, t.id) ${op} (:boundValue, :boundId)`, {
          boundValue: bound.value,
          boundId: bound.id,
        });
    }
    // The number is unique: it alone orders the rows and keys the cursor, so its unique index
    // serves the sort and the cursor (an (number, id) pair would need a second index).
    const unique = column === 'number';
    qb.orderBy(`t.${column}`, query.direction);
    if (!unique) qb.addOrderBy('t.id', query.direction);
    qb.limit(query.limit + 1);
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

  /**
   * Keyset pagination on (sort column, id): `WHERE (col, id) < (:v, :id)` — a row-value
   * comparison both PostgreSQL and SQLite (>= 3.15) evaluate with the composite indexes.
   */
  private applyCursor(qb: SelectQueryBuilder<TicketEntity>, query: TicketListQuery): void {
    if (!query.cursor) return;
    const column = SORT_COLUMN[query.sort];
    const op = query.direction === 'DESC' ? '<' : '>';
    const value =
      column === 'createdAt' || column === 'updatedAt'
        ? new Date(String(query.cursor.value))
        : Number(query.cursor.value);
    if (column === 'number') qb.andWhere(`t.${column} ${op} :cursorValue`, { cursorValue: value });
    else
      qb.andWhere(`(t.${column}, t.id) ${op} (:cursorValue, :cursorId)`, {
        cursorValue: value,
        cursorId: query.cursor.id,
      });
  }

  /** How many tickets the list would show with these filters: one COUNT, no rows loaded (saved views, #15). */
  async count(query: TicketCountQuery): Promise<number> {
    if (query.companyIds && query.companyIds.length === 0) return 0;
    const qb = this.repo().createQueryBuilder('t');
    this.applyFilters(qb, query);
    return qb.getCount();
  }

  /**
   * The same count, stopping after `limit + 1` matches: a view of half the table costs as much as
   * one of a thousand tickets (the inner LIMIT ends the scan; COUNT over it is cheap). A result
   * above `limit` means "more than limit".
   */
  async countUpTo(query: TicketCountQuery, limit: number): Promise<number> {
    if (query.companyIds && query.companyIds.length === 0) return 0;
    const inner = this.repo().createQueryBuilder('t').select('1', 'one');
    this.applyFilters(inner, query);
    inner.limit(limit + 1);
    const row = await this.repo()
      .manager.createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(`(${inner.getQuery()})`, 'capped')
      .setParameters(inner.getParameters())
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /**
   * SQLite's planner takes an index on an equality filter over the index of the ORDER BY even when
   * the filter keeps a third of the table (status=resolved: 450,000 rows sorted in a temp B-tree for
   * one page of 50, seconds at 1M tickets, #20). For the list, these few-valued columns are then
   * written `+col` (SQLite's "do not use an index for this term") unless their index also serves the
   * sort: the page walks the sort index and filters. Counts keep the index (they read every match).
   */
  private sqliteUnindexed(q: TicketListQuery): Set<string> {
    const none = new Set<string>();
    if (this.dataSource.options.type === 'postgres') return none;
    const byUpdated = q.sort === 'updated';
    if (!byUpdated && q.statuses?.length) none.add('status');
    if (!byUpdated && q.sentiment) none.add('sentiment');
    // (statusCategory, assigneeId) is the better index when both are filtered (a few thousand rows).
    if (q.statusCategories?.length && q.assigneeId === undefined) none.add('statusCategory');
    if (q.type) none.add('type');
    return none;
  }

  private applyFilters(
    qb: SelectQueryBuilder<TicketEntity>,
    q: TicketCountQuery,
    unindexed: Set<string> = new Set(),
  ): void {
    const col = (c: string) => (unindexed.has(c) ? `+t.${c}` : `t.${c}`);
    if (q.companyIds) qb.andWhere('t.companyId IN (:...companyIds)', { companyIds: q.companyIds });
    if (q.statuses?.length) qb.andWhere(`${col('status')} IN (:...statuses)`, { statuses: q.statuses });
    if (q.statusCategories?.length)
      qb.andWhere(`${col('statusCategory')} IN (:...categories)`, { categories: q.statusCategories });
    if (q.assigneeId === null) qb.andWhere('t.assigneeId IS NULL');
    else if (q.assigneeId) qb.andWhere('t.assigneeId = :assigneeId', { assigneeId: q.assigneeId });
    if (q.requesterId) qb.andWhere('t.requesterId = :requesterId', { requesterId: q.requesterId });
    if (q.companyId) qb.andWhere('t.companyId = :companyId', { companyId: q.companyId });
    if (q.type) qb.andWhere(`${col('type')} = :type`, { type: q.type });
    if (q.priority) qb.andWhere('t.priority = :priority', { priority: q.priority });
    if (q.sentiment) qb.andWhere(`${col('sentiment')} = :sentiment`, { sentiment: q.sentiment });
    if (q.text) {
      // The full-text index (#20): stems and prefixes of words, substrings of numbers; a company the
      // viewer sees masked is matched on its masked search text only (#13.2).
      const driver = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
      const parsed = parseSearchText(q.text);
      const search = q.textWidened ? (widenSearch(parsed) ?? parsed) : parsed;
      const raw = fullTextMatch(driver, 'tickets', 'raw', 't', search);
      const masked = fullTextMatch(driver, 'tickets', 'masked', 't', search);
      const scope = q.maskedText;
      if (!scope || (!scope.byDefault && !scope.except.length)) qb.andWhere(raw.where, raw.params);
      else if (scope.byDefault && !scope.except.length) qb.andWhere(masked.where, masked.params);
      else {
        // Masked companies: all but the listed ones (byDefault), or only the listed ones.
        const inList = 't.companyId IN (:...unmaskedOrMasked)';
        const notInList = 't.companyId NOT IN (:...unmaskedOrMasked)';
        const [maskedWhere, rawWhere] = scope.byDefault ? [notInList, inList] : [inList, notInList];
        qb.andWhere(
          new Brackets((w) => {
            w.where(`(${maskedWhere} AND ${masked.where})`).orWhere(`(${rawWhere} AND ${raw.where})`);
          }),
          { ...raw.params, ...masked.params, unmaskedOrMasked: scope.except },
        );
      }
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
    for (const row of rows) this.withSearchText(row);
    if (rows.length) await this.repo(tx).insert(rows);
  }
}
