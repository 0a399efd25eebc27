import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntitySchema } from 'typeorm';
import { TransactionRunner } from './transaction-runner.service.js';

const Note = new EntitySchema<{ id: number; text: string }>({
  name: 'note',
  columns: { id: { type: Number, primary: true, generated: true }, text: { type: String } },
});

// A real SQLite file: the defect lives in how TypeORM shares better-sqlite3's one connection.
describe('SqliteConnectionGate (through TransactionRunner)', () => {
  let dir: string;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  const tick = () => new Promise((r) => setTimeout(r, 1));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-gate-'));
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'gate.sqlite'),
      logging: false,
      entities: [Note],
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await dataSource.query('CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)');
    await dataSource.query('INSERT INTO counter (id, n) VALUES (1, 0)');
    runner = new TransactionRunner(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = async (): Promise<number> => (await dataSource.query('SELECT n FROM counter WHERE id = 1'))[0].n;
  const notes = async (): Promise<string[]> =>
    ((await dataSource.query('SELECT text FROM note ORDER BY id')) as { text: string }[]).map((r) => r.text);

  it('runs concurrent transactions one after another: no "transaction within a transaction", no lost update', async () => {
    const increments = Array.from({ length: 25 }, () =>
      runner.run(async ({ manager }) => {
        const [{ n }] = await manager.query('SELECT n FROM counter WHERE id = 1');
        await tick(); // another transaction would start here without the gate
        await manager.query('UPDATE counter SET n = ? WHERE id = 1', [n + 1]);
      }),
    );
    await expect(Promise.all(increments)).resolves.toHaveLength(25);
    expect(await read()).toBe(25);
  });

  it("a rollback undoes only its own transaction's writes", async () => {
    const kept = runner.run(async ({ manager }) => {
      await manager.query("INSERT INTO note (text) VALUES ('kept')");
      await tick();
      await tick();
    });
    const failed = runner.run(async ({ manager }) => {
      await manager.query("INSERT INTO note (text) VALUES ('rolled back')");
      await tick();
      throw new Error('conflict');
    });
    await expect(failed).rejects.toThrow('conflict');
    await kept;
    expect(await notes()).toEqual(['kept']);
  });

  it('a transaction opened inside another is a savepoint of it', async () => {
    await runner.run(async ({ manager }) => {
      await manager.query("INSERT INTO note (text) VALUES ('outer')");
      await expect(
        runner.run(async (inner) => {
          await inner.manager.query("INSERT INTO note (text) VALUES ('inner')");
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await notes()).toEqual(['outer']);
  });

  it('statements outside a transaction wait for it instead of joining it (and being rolled back with it)', async () => {
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    const failing = runner.run(async ({ manager }) => {
      await manager.query("INSERT INTO note (text) VALUES ('rolled back')");
      inside();
      await tick();
      await tick();
      throw new Error('conflict');
    });
    await started;
    const outside = dataSource.query("INSERT INTO note (text) VALUES ('outside')");
    await expect(failing).rejects.toThrow('conflict');
    await outside;
    expect(await notes()).toEqual(['outside']);
  });

  it("TypeORM's own transactions (save) and explicit ones do not collide", async () => {
    const work = Array.from(
      { length: 10 },
      (_, i) =>
        i % 2
          ? runner.run(async ({ manager }) => {
              await manager.query(`INSERT INTO note (text) VALUES ('tx ${i}')`);
              await tick();
            })
          : dataSource.getRepository(Note).save({ text: `own ${i}` }), // save() opens its own transaction
    );
    await Promise.all(work);
    expect(await notes()).toHaveLength(10);
  });
});
