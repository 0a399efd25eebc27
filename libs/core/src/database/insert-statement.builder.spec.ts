import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntitySchema } from 'typeorm';
import { InsertStatementBuilder } from './insert-statement.builder.js';

interface Row {
  id: string;
  label: string;
  code: string;
  count: number;
  ratio: number;
  done: boolean;
  at: Date;
  meta: { a: (number | string)[]; b: null };
  note: string | null;
}

const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : null;
const table = `insert_builder_${process.pid}`;

const schema = (postgres: boolean) =>
  new EntitySchema<Row>({
    name: table,
    columns: {
      id: { type: 'varchar', length: 26, primary: true },
      label: { type: 'varchar', length: 40 },
      code: { type: 'varchar', length: 40 },
      count: { type: 'integer' },
      ratio: { type: 'float' },
      done: { type: 'boolean' },
      at: { type: postgres ? 'timestamptz' : 'datetime' },
      meta: { type: postgres ? 'jsonb' : 'simple-json' },
      note: { type: 'varchar', length: 40, nullable: true },
    },
  });

const Generated = new EntitySchema<{ id: number; label: string }>({
  name: `${table}_generated`,
  columns: { id: { type: Number, primary: true, generated: true }, label: { type: String } },
});

const Defaulted = new EntitySchema<{ id: string; label: string }>({
  name: `${table}_defaulted`,
  columns: { id: { type: 'varchar', length: 26, primary: true }, label: { type: 'varchar', default: 'none' } },
});

const row = (id: string, over: Partial<Row> = {}): Row => ({
  id,
  label: 'O\'Brien "quoted" ; DROP',
  // A number in a text column: TypeORM's SQLite driver inlines it as a literal, so '7' not '7.0'.
  code: 7 as unknown as string,
  count: 42,
  ratio: 2.5,
  done: true,
  at: new Date('2026-12-06T10:11:12.345Z'),
  meta: { a: [1, 'two'], b: null },
  note: null,
  ...over,
});

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('InsertStatementBuilder on %s', (_name, postgres) => {
  const run = postgres && !postgresUrl ? describe.skip : describe;
  run('against a real database', () => {
    let dir: string | null = null;
    let ds: DataSource;
    let builder: InsertStatementBuilder;
    const Entity = schema(postgres);

    beforeAll(async () => {
      if (postgres) {
        ds = new DataSource({
          type: 'postgres',
          url: postgresUrl!,
          entities: [Entity, Generated, Defaulted],
          synchronize: true,
        });
      } else {
        dir = mkdtempSync(join(tmpdir(), 'insert-builder-'));
        ds = new DataSource({
          type: 'better-sqlite3',
          database: join(dir, 'db.sqlite'),
          entities: [Entity, Generated, Defaulted],
          synchronize: true,
        });
      }
      await ds.initialize();
      builder = new InsertStatementBuilder(ds);
    });
    afterAll(async () => {
      if (postgres) {
        await ds.query(`DROP TABLE IF EXISTS "${table}"`);
        await ds.query(`DROP TABLE IF EXISTS "${table}_generated"`);
        await ds.query(`DROP TABLE IF EXISTS "${table}_defaulted"`);
      }
      await ds.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const stored = (id: string) =>
      ds.getRepository(Entity).findOneByOrFail({ id }) as Promise<Row & Record<string, unknown>>;
    const rawTypes = async (id: string) =>
      postgres
        ? null
        : (
            (await ds.query(
              `SELECT typeof(code) AS code, typeof(count) AS count, typeof(done) AS done FROM "${table}" WHERE id = ?`,
              [id],
            )) as unknown[]
          )[0];

    it("stores exactly what TypeORM's query builder stores, value for value", async () => {
      await ds
        .getRepository(Entity)
        .createQueryBuilder()
        .insert()
        .values(row('viabuilder'))
        .updateEntity(false)
        .execute();
      const statement = builder.build(Entity, [row('viaprepared')])!;
      expect(statement).not.toBeNull();
      await ds.query(statement.sql, statement.params);
      const [a, b] = [await stored('viabuilder'), await stored('viaprepared')];
      expect({ ...b, id: 'x' }).toEqual({ ...a, id: 'x' });
      expect(b.at.toISOString()).toBe('2026-12-06T10:11:12.345Z');
      expect(b.meta).toEqual({ a: [1, 'two'], b: null });
      expect(b.code).toBe('7');
      expect(await rawTypes('viaprepared')).toEqual(await rawTypes('viabuilder'));
    });

    it('inserts several rows in one statement, placeholders numbered across rows', async () => {
      const statement = builder.build(Entity, [row('multi1', { count: 1 }), row('multi2', { count: 2, done: false })])!;
      expect(statement.params).toHaveLength(18);
      await ds.query(statement.sql, statement.params);
      expect((await stored('multi1')).count).toBe(1);
      expect(await stored('multi2')).toMatchObject({ count: 2, done: false });
    });

    it('with orIgnore, a duplicate key inserts nothing and fails nothing', async () => {
      const first = builder.build(Entity, [row('dup')], { orIgnore: true })!;
      await ds.query(first.sql, first.params);
      const again = builder.build(Entity, [row('dup', { label: 'second' })], { orIgnore: true })!;
      await expect(ds.query(again.sql, again.params)).resolves.toBeDefined();
      expect((await stored('dup')).label).toBe('O\'Brien "quoted" ; DROP');
      const plain = builder.build(Entity, [row('dup')])!;
      await expect(ds.query(plain.sql, plain.params)).rejects.toThrow();
    });

    it('writes NULL for a column left undefined that has no default, as the builder does', async () => {
      const statement = builder.build(Entity, [row('partial', { note: undefined as unknown as null })])!;
      await ds.query(statement.sql, statement.params);
      expect((await stored('partial')).note).toBeNull();
    });

    it('declines what it does not mirror, so the caller uses the builder', () => {
      expect(builder.build(Defaulted, [{ id: 'd', label: undefined as unknown as string }])).toBeNull();
      expect(builder.build(Generated, [{ id: 1, label: 'x' }])).toBeNull();
      expect(builder.build(Entity, [])).toBeNull();
    });
  });
});
