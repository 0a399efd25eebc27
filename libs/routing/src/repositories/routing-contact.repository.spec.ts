// The routing contact's read memo (an agent's End and its listeners read one contact once), on a real
// SQLite file: one SELECT per contact inside a read scope, a fresh one after any write of this
// repository (won or lost), none kept outside a scope, copies handed out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inReadScope } from '@switchboard/core';
import { DataSource, type Logger } from 'typeorm';
import { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { RoutingContactRepository } from './routing-contact.repository.js';

// Column types are fixed from the environment when entities load: on a PostgreSQL run they are
// PostgreSQL's, which this SQLite file cannot take (the e2e suites cover the End path there).
const onSqliteTypes = !process.env.TEST_DATABASE_URL?.startsWith('postgres');

(onSqliteTypes ? describe : describe.skip)('RoutingContactRepository.findById in a read scope', () => {
  let dir: string;
  let ds: DataSource;
  let repo: RoutingContactRepository;
  const selects: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'routing-contact-'));
    const logger: Logger = {
      logQuery: (q) => void (/^SELECT/i.test(q.trim()) && selects.push(q)),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    ds = new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'db.sqlite'),
      entities: [RoutingContactEntity],
      synchronize: true,
      logging: ['query'],
      logger,
    });
    await ds.initialize();
    repo = new RoutingContactRepository(ds);
    await repo.insert(
      Object.assign(new RoutingContactEntity(), {
        id: 'c1',
        queueId: 'q1',
        companyId: 'co',
        arrivedAt: new Date(0),
        proactive: false,
        state: 'accepted',
        offeredTo: 'a1',
        offerExpiresAt: null,
        triedIds: ['a0'],
        transferFromId: null,
        transferToId: null,
        leftAt: null,
      }),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => (selects.length = 0));

  it('reads a contact once per scope and hands out copies', async () => {
    await inReadScope(async () => {
      const [a, b] = [await repo.findById('c1'), await repo.findById('c1')];
      expect(a).toMatchObject({ id: 'c1', state: 'accepted' });
      expect(a).not.toBe(b);
      a!.triedIds.push('changed');
      expect((await repo.findById('c1'))!.triedIds).toEqual(['a0']);
    });
    expect(selects).toHaveLength(1);
  });

  it('reads again after a write of this repository, whether the write won or not', async () => {
    await inReadScope(async () => {
      const c = (await repo.findById('c1'))!;
      expect(await repo.move({ ...c, state: 'waiting' }, { state: 'withdrawn' })).toBe(false); // lost: not waiting
      await repo.findById('c1');
      expect(await repo.move(c, { state: 'wrapped' as never })).toBe(true);
      expect((await repo.findById('c1'))!.state).toBe('wrapped');
    });
    expect(selects).toHaveLength(3);
  });

  it('keeps nothing outside a scope, nor after the scope ended', async () => {
    await repo.findById('c1');
    await repo.findById('c1');
    let later: Promise<unknown> = Promise.resolve();
    await inReadScope(async () => {
      await repo.findById('c1');
      later = new Promise((r) => setTimeout(r, 5)).then(() => repo.findById('c1'));
    });
    await later;
    expect(selects).toHaveLength(4);
  });
});
