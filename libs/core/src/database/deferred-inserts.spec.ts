import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntitySchema, type Logger } from 'typeorm';
import { BaseRepository } from './base.repository.js';
import { DeferredInserts } from './deferred-inserts.js';
import { Tx } from './tx.js';

const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : null;
const parents = `deferred_parent_${process.pid}`;
const children = `deferred_child_${process.pid}`;
const others = `deferred_other_${process.pid}`;

interface Row {
  id: string;
  label: string;
}
interface ChildRow extends Row {
  parentId: string;
}

const Parent = new EntitySchema<Row>({
  name: parents,
  columns: { id: { type: 'varchar', length: 26, primary: true }, label: { type: 'varchar', length: 40 } },
});
const Child = new EntitySchema<ChildRow>({
  name: children,
  columns: {
    id: { type: 'varchar', length: 26, primary: true },
    label: { type: 'varchar', length: 40 },
    parentId: { type: 'varchar', length: 26 },
  },
});
const Other = new EntitySchema<Row>({
  name: others,
  columns: { id: { type: 'varchar', length: 26, primary: true }, label: { type: 'varchar', length: 40 } },
});

class Rows<E extends { id: string }> extends BaseRepository<E> {
  constructor(ds: DataSource, target: EntitySchema<E>) {
    super(ds, target);
  }
}

/** Every statement TypeORM sends, in order (the deferral sits in front of the runner's query). */
class Recorder implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query.replace(/\s+/g, ' '));
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function open(url: string | null): Promise<{ ds: DataSource; log: Recorder; close: () => Promise<void> }> {
  const log = new Recorder();
  const dir = url ? null : mkdtempSync(join(tmpdir(), 'deferred-'));
  const ds = await new DataSource({
    ...(url
      ? { type: 'postgres' as const, url }
      : { type: 'better-sqlite3' as const, database: join(dir!, 'db.sqlite') }),
    entities: [Parent, Child, Other],
    logging: ['query'],
    logger: log,
  }).initialize();
  await ds.query(`DROP TABLE IF EXISTS "${children}"`);
  await ds.query(`DROP TABLE IF EXISTS "${parents}"`);
  await ds.query(`DROP TABLE IF EXISTS "${others}"`);
  await ds.query(`CREATE TABLE "${parents}" (id varchar(26) PRIMARY KEY, label varchar(40) NOT NULL)`);
  await ds.query(`CREATE TABLE "${others}" (id varchar(26) PRIMARY KEY, label varchar(40) NOT NULL)`);
  await ds.query(
    `CREATE TABLE "${children}" (id varchar(26) PRIMARY KEY, label varchar(40) NOT NULL, ` +
      `"parentId" varchar(26) NOT NULL REFERENCES "${parents}"(id))`,
  );
  return {
    ds,
    log,
    close: async () => {
      await ds.query(`DROP TABLE IF EXISTS "${children}"`);
      await ds.query(`DROP TABLE IF EXISTS "${parents}"`);
      await ds.query(`DROP TABLE IF EXISTS "${others}"`);
      await ds.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const parent = (id: string): Row => ({ id, label: `p ${id}` });
const child = (id: string, parentId: string): ChildRow => ({ id, label: `c ${id}`, parentId });

(postgresUrl ? describe : describe.skip)('DeferredInserts (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof open>>;
  let P: Rows<Row>;
  let C: Rows<ChildRow>;
  let O: Rows<Row>;
  const unit = <T>(work: (tx: Tx) => Promise<T>) => db.ds.transaction((m) => work(new Tx(m)));
  const count = async (table: string) =>
    Number(((await db.ds.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: string }[])[0].n);
  const sent = (from: number) => db.log.statements.slice(from);

  beforeAll(async () => {
    db = await open(postgresUrl);
    P = new Rows(db.ds, Parent);
    C = new Rows(db.ds, Child);
    O = new Rows(db.ds, Other);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.ds.query(`DELETE FROM "${children}"`);
    await db.ds.query(`DELETE FROM "${parents}"`);
    await db.ds.query(`DELETE FROM "${others}"`);
  });

  it('a parent and its children go as one statement at COMMIT, foreign keys satisfied', async () => {
    const from = db.log.statements.length;
    await unit(async (tx) => {
      await P.insertWithoutReload(parent('p1'), tx);
      await C.insertWithoutReload([child('c1', 'p1'), child('c2', 'p1')], tx);
      await C.insertWithoutReload(child('c3', 'p1'), tx);
    });
    const statements = sent(from);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toBe('START TRANSACTION');
    expect(statements[1]).toMatch(
      /^WITH s0 AS \(INSERT INTO "deferred_parent_\d+".*\), s1 AS \(INSERT INTO .*\) INSERT INTO/,
    );
    expect(statements[2]).toBe('COMMIT');
    expect(await count(parents)).toBe(1);
    expect(await count(children)).toBe(3);
    const [c3] = (await db.ds.query(`SELECT * FROM "${children}" WHERE id = 'c3'`)) as ChildRow[];
    expect(c3).toEqual({ id: 'c3', label: 'c c3', parentId: 'p1' });
  });

  it('a SELECT of another table runs first; one naming a pending table flushes and sees the rows', async () => {
    await O.insertWithoutReload(parent('o0'));
    const from = db.log.statements.length;
    await unit(async (tx) => {
      await P.insertWithoutReload(parent('p1'), tx);
      expect(await O.findById('o0', tx)).toMatchObject({ id: 'o0' });
      expect(sent(from)).toHaveLength(2); // START, the SELECT of the other table: the INSERT still waits
      expect(await P.findById('p1', tx)).toMatchObject({ id: 'p1', label: 'p p1' });
    });
    expect(sent(from)).toEqual([
      'START TRANSACTION',
      expect.stringMatching(/^SELECT .* FROM "deferred_other_/),
      expect.stringMatching(/^INSERT INTO "deferred_parent_/),
      expect.stringMatching(/^SELECT .* FROM "deferred_parent_/),
      'COMMIT',
    ]);
  });

  it('an UPDATE flushes first: it finds the row', async () => {
    await unit(async (tx) => {
      await P.insertWithoutReload(parent('p1'), tx);
      // Through the runner, as repositories send theirs (the structured result carries the count).
      const updated = (await tx.manager.queryRunner!.query(
        `UPDATE "${parents}" SET label = 'renamed' WHERE id = 'p1'`,
        [],
        true,
      )) as { affected: number };
      expect(updated.affected).toBe(1);
    });
    expect(((await db.ds.query(`SELECT label FROM "${parents}"`)) as Row[])[0].label).toBe('renamed');
  });

  it('a constraint error surfaces at the flushing statement and the whole unit rolls back', async () => {
    await expect(
      unit(async (tx) => {
        await P.insertWithoutReload(parent('p1'), tx);
        await C.insertWithoutReload(child('c1', 'missing'), tx);
      }),
    ).rejects.toThrow(/foreign key/);
    expect(await count(parents)).toBe(0);
    expect(await count(children)).toBe(0);
  });

  it('a unit that throws sends none of its waiting INSERTs', async () => {
    const from = db.log.statements.length;
    await expect(
      unit(async (tx) => {
        await P.insertWithoutReload(parent('p1'), tx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(sent(from)).toEqual(['START TRANSACTION', 'ROLLBACK']);
    expect(await count(parents)).toBe(0);
  });

  it('a savepoint: what came before it is kept when the inner unit rolls back', async () => {
    await unit(async (tx) => {
      await P.insertWithoutReload(parent('p1'), tx);
      await expect(
        tx.manager.transaction(async (inner) => {
          await P.insertWithoutReload(parent('p2'), new Tx(inner));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await P.insertWithoutReload(parent('p3'), tx);
    });
    expect(((await db.ds.query(`SELECT id FROM "${parents}" ORDER BY id`)) as Row[]).map((r) => r.id)).toEqual([
      'p1',
      'p3',
    ]);
  });

  it('concurrent statements of one unit wait for the flush (one connection, in order)', async () => {
    await unit(async (tx) => {
      await P.insertWithoutReload(parent('p1'), tx);
      const [a, b] = await Promise.all([P.findById('p1', tx), C.insertWithoutReload(child('c1', 'p1'), tx)]);
      expect(a).toMatchObject({ id: 'p1' });
      expect(b).toBeUndefined();
    });
    expect(await count(children)).toBe(1);
  });

  it('outside a transaction nothing waits', async () => {
    const from = db.log.statements.length;
    await P.insertWithoutReload(parent('p1'));
    expect(sent(from)).toHaveLength(1);
    expect(await count(parents)).toBe(1);
  });
});

describe('DeferredInserts (SQLite)', () => {
  it('is not installed: SQLite is in-process, every INSERT goes at once', async () => {
    const db = await open(null);
    try {
      const P = new Rows(db.ds, Parent);
      await db.ds.transaction(async (m) => {
        const tx = new Tx(m);
        expect(DeferredInserts.of(m.queryRunner)).toBeUndefined();
        const from = db.log.statements.length;
        await P.insertWithoutReload(parent('p1'), tx);
        expect(db.log.statements.slice(from)).toHaveLength(1);
      });
    } finally {
      await db.close();
    }
  });
});
