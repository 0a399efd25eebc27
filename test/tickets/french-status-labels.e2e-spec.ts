import { AppConfig, buildDataSourceOptions } from '@switchboard/core';
import { createTestApp, createTestDatabase, REPO_ROOT, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { APP_SCHEMA } from '../../apps/api/src/app.module';

/**
 * An existing install gets the French labels of the built-in statuses (#16) from a data migration:
 * only where no French label was set and the admin kept the built-in English name.
 */
describe('French labels of the built-in statuses on an existing install', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('sets them where the status is untouched; a renamed or already labelled status keeps its own', async () => {
    db = await createTestDatabase();
    const config = AppConfig.fromEnvironment(
      { DATABASE_URL: db.url, SWITCHBOARD_DATA_DIR: db.dataDir, SWITCHBOARD_PLUGINS: '' },
      REPO_ROOT,
    );
    const driver = config.driver === 'postgres' ? 'postgres' : 'sqlite';
    const all = APP_SCHEMA.migrations[driver];
    // Later migrations may follow; the install is cut just before this one.
    const at = all.findIndex((m) => /^FrenchStatusLabels/.test((m as { name: string }).name));
    expect(at).toBeGreaterThan(0);
    // The install as it was before the migration: the statuses as the earlier boot seeded them, then edited.
    const before = new DataSource(
      buildDataSourceOptions(config, {
        ...APP_SCHEMA,
        migrations: { ...APP_SCHEMA.migrations, [driver]: all.slice(0, at) },
      }),
    );
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const rows: [string, string, string | null, string][] = [
      ['open', 'Open', null, 'open'],
      ['pending', 'Waiting for you', null, 'pending'],
      ['resolved', 'Resolved', 'Réglé', 'done'],
      ['closed', 'Closed', null, 'done'],
    ];
    await before.getRepository('ticket_statuses').insert(
      rows.map(([key, name, nameFr, category], i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        key,
        name,
        nameFr,
        category,
        builtIn: true,
        position: i,
        createdAt: new Date(),
      })),
    );
    await before.destroy();

    // The real app on that database runs the pending migration at boot.
    const t = await createTestApp({ database: { url: db.url, dataDir: db.dataDir } });
    try {
      const statuses = await t
        .http()
        .get('/api/ticket-statuses')
        .set({ Authorization: `Bearer ${t.adminToken}` });
      expect(statuses.status).toBe(200);
      expect(
        statuses.body.map((s: { key: string; name: string; nameFr: string | null }) => [s.key, s.name, s.nameFr]),
      ).toEqual([
        ['open', 'Open', 'Ouvert'],
        ['pending', 'Waiting for you', null],
        ['resolved', 'Resolved', 'Réglé'],
        ['closed', 'Closed', 'Fermé'],
      ]);
    } finally {
      await t.close();
    }
  });
});
