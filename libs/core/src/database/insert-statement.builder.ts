import { DateUtils } from 'typeorm';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** An INSERT's text and its bound values, ready for `queryRunner.query`. */
export interface InsertStatement {
  sql: string;
  params: unknown[];
}

interface Plan {
  columns: ColumnMetadata[];
  /** `INSERT INTO "table"("a", "b") VALUES ` (with `OR IGNORE` on SQLite when asked). */
  head: string;
  ignoreHead: string;
  /** Row placeholders per row count: `($1, $2), ($3, $4)` on PostgreSQL, `(?, ?), (?, ?)` on SQLite. */
  values: Map<number, string>;
}

const MAX_CACHED_ROW_COUNTS = 64;

/**
 * INSERTs of whole entities without TypeORM's query builder, whose per-statement work (column
 * list, parameter naming and the regex passes over the text) was ~60 µs of the ~150 µs each
 * statement cost the Node process on the inbound-mail path (#20.5). The text is built once per
 * entity and row count; each value goes through the driver's own `preparePersistentValue` as
 * the builder does, so stored values are the same. Returns null (the caller falls back to the
 * builder) for whatever this does not mirror: generated, version or discriminator columns, tree
 * tables, or a row that leaves undefined a column with a default (the builder would write it).
 */
export class InsertStatementBuilder {
  private readonly plans = new WeakMap<EntityMetadata, Plan | null>();
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  build<E extends ObjectLiteral>(
    target: EntityTarget<E>,
    rows: E[],
    options: { orIgnore?: boolean } = {},
  ): InsertStatement | null {
    if (!rows.length) return null;
    const plan = this.plan(this.dataSource.getMetadata(target));
    if (!plan) return null;
    const driver = this.dataSource.driver;
    const params: unknown[] = [];
    for (const row of rows) {
      for (const column of plan.columns) {
        const raw: unknown = column.getEntityValue(row);
        if (typeof raw === 'function') return null;
        if (raw === undefined) {
          // The builder writes DEFAULT (PostgreSQL) or the column's default (SQLite): NULL when it has none.
          if (column.default !== undefined) return null;
          params.push(null);
          continue;
        }
        params.push(this.bindable(driver.preparePersistentValue(raw, column)));
      }
    }
    const sql = (options.orIgnore && !this.postgres ? plan.ignoreHead : plan.head) + this.values(plan, rows.length);
    return { sql: options.orIgnore && this.postgres ? `${sql} ON CONFLICT DO NOTHING` : sql, params };
  }

  private plan(metadata: EntityMetadata): Plan | null {
    const cached = this.plans.get(metadata);
    if (cached !== undefined) return cached;
    const columns = metadata.columns.filter((c) => c.isInsert);
    const unsupported =
      metadata.treeType !== undefined ||
      metadata.inheritancePattern !== undefined ||
      columns.some((c) => c.isGenerated || c.isVersion || c.isDiscriminator || c.embeddedMetadata);
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const table = metadata.tablePath.split('.').map(escape).join('.');
    const list = columns.map((c) => escape(c.databaseName)).join(', ');
    const plan: Plan | null =
      unsupported || !columns.length
        ? null
        : {
            columns,
            head: `INSERT INTO ${table}(${list}) VALUES `,
            ignoreHead: `INSERT OR IGNORE INTO ${table}(${list}) VALUES `,
            values: new Map(),
          };
    this.plans.set(metadata, plan);
    return plan;
  }

  private values(plan: Plan, rowCount: number): string {
    const cached = plan.values.get(rowCount);
    if (cached) return cached;
    const width = plan.columns.length;
    const rows: string[] = [];
    for (let r = 0; r < rowCount; r++) {
      const marks: string[] = [];
      for (let c = 1; c <= width; c++) marks.push(this.postgres ? `$${r * width + c}` : '?');
      rows.push(`(${marks.join(', ')})`);
    }
    const text = rows.join(', ');
    if (plan.values.size < MAX_CACHED_ROW_COUNTS) plan.values.set(rowCount, text);
    return text;
  }

  /**
   * What TypeORM's SQLite driver does to a parameter beyond `preparePersistentValue` (it inlines
   * numbers as literals): an integer bound as a JS number would be a REAL, stored as '3.0' in a
   * text column; bound as a BigInt it is an INTEGER, as the literal was.
   */
  private bindable(value: unknown): unknown {
    if (this.postgres) return value;
    if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value);
    return value;
  }
}
