import {
  And,
  DataSource,
  EntityManager,
  EntityTarget,
  FindOperator,
  FindOptionsWhere,
  MoreThan,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { DeferredInserts } from './deferred-inserts.js';
import { InsertStatementBuilder, type InsertStatement } from './insert-statement.builder.js';
import { Tx } from './tx.js';

export interface PageQuery {
  limit?: number;
  /** The last id of the previous page; ids are time-ordered, so this is a stable keyset cursor. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Shared plumbing of the repositories: the only classes that touch TypeORM. */
export abstract class BaseRepository<E extends ObjectLiteral & { id: string }> {
  /** One per data source: the prepared INSERT texts are shared by every repository on it. */
  private static readonly inserts = new WeakMap<DataSource, InsertStatementBuilder>();

  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<E>,
  ) {}

  /** The transaction's manager, or the data source's outside one. */
  protected manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  protected repo(tx?: Tx): Repository<E> {
    return this.manager(tx).getRepository(this.target);
  }

  findById(id: string, tx?: Tx): Promise<E | null> {
    return this.repo(tx).findOneBy({ id } as FindOptionsWhere<E>);
  }

  async insert(entity: E, tx?: Tx): Promise<E> {
    await this.repo(tx).insert(entity as never);
    return entity;
  }

  /**
   * Inserts without TypeORM's reload of generated and default columns (a SELECT after the INSERT
   * on SQLite): for entities whose every column the caller has set.
   */
  async insertWithoutReload(entities: E | E[], tx?: Tx): Promise<void> {
    await this.insertRows(Array.isArray(entities) ? entities : [entities], tx);
  }

  /**
   * INSERT of whole rows through a prepared text (`InsertStatementBuilder`), else TypeORM's builder.
   * `orIgnore`: a conflict on a unique index inserts nothing (`ON CONFLICT DO NOTHING` / `INSERT OR
   * IGNORE`). Resolves to the rows inserted. In a PostgreSQL transaction the prepared INSERT waits
   * for the unit's next statement that could see it and goes with its neighbours (DeferredInserts):
   * it then resolves to the rows given, an error surfacing at that statement.
   */
  protected async insertRows(rows: E[], tx?: Tx, options: { orIgnore?: boolean } = {}): Promise<number> {
    if (!rows.length) return 0;
    return this.sendInsert(rows, tx, options, this.prepared(rows, options));
  }

  /**
   * Whole rows (every column with a default set) through the prepared INSERT, deferred in a
   * PostgreSQL transaction like insertRows; false when the rows need TypeORM's builder (nothing sent).
   */
  protected async insertIfWhole(rows: E[], tx?: Tx): Promise<boolean> {
    const prepared = rows.length ? this.prepared(rows, {}) : null;
    if (!prepared) return false;
    await this.sendInsert(rows, tx, {}, prepared);
    return true;
  }

  private async sendInsert(
    rows: E[],
    tx: Tx | undefined,
    options: { orIgnore?: boolean },
    prepared: InsertStatement | null,
  ): Promise<number> {
    let sql: string;
    let params: unknown[];
    const deferred = options.orIgnore ? undefined : DeferredInserts.of(tx?.manager.queryRunner);
    if (prepared && deferred) {
      deferred.add(prepared.sql, prepared.params, this.dataSource.getMetadata(this.target).tableName);
      return rows.length;
    }
    if (prepared) ({ sql, params } = prepared);
    else {
      const insert = this.repo(tx)
        .createQueryBuilder()
        .insert()
        .values(rows as never)
        .updateEntity(false);
      [sql, params] = (options.orIgnore ? insert.orIgnore() : insert).getQueryAndParameters();
    }
    const runner = tx?.manager.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      // The structured result carries the affected rows on both drivers (changes / rowCount).
      const result = (await runner.query(sql, params, true)) as { affected?: number };
      return result.affected ?? 0;
    } finally {
      if (!tx?.manager.queryRunner) await runner.release();
    }
  }

  private prepared(rows: E[], options: { orIgnore?: boolean }) {
    let builder = BaseRepository.inserts.get(this.dataSource);
    if (!builder) BaseRepository.inserts.set(this.dataSource, (builder = new InsertStatementBuilder(this.dataSource)));
    return builder.build(this.target, rows, options);
  }

  save(entity: E, tx?: Tx): Promise<E> {
    return this.repo(tx).save(entity as never) as unknown as Promise<E>;
  }

  async deleteById(id: string, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx).delete({ id } as FindOptionsWhere<E>);
    return (result.affected ?? 0) > 0;
  }

  protected async page(
    where: FindOptionsWhere<E> | FindOptionsWhere<E>[],
    query: PageQuery,
    tx?: Tx,
  ): Promise<Page<E>> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const withCursor = (w: FindOptionsWhere<E>) => {
      if (!query.cursor) return w;
      const existing = (w as { id?: FindOperator<string> }).id;
      return { ...w, id: existing ? And(existing, MoreThan(query.cursor)) : MoreThan(query.cursor) };
    };
    const items = await this.repo(tx).find({
      where: Array.isArray(where) ? where.map(withCursor) : withCursor(where),
      order: { id: 'ASC' } as never,
      take: limit + 1,
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}
