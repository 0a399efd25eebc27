import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

export interface SchemaDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: { sqlite: Function[]; postgres: Function[] };
}

/** One place that turns configuration into TypeORM options, used by the app, tests and the migration script. */
export function buildDataSourceOptions(config: AppConfig, schema: SchemaDefinition): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error'] as ('error' | 'warn')[],
  };
  if (config.driver === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      migrations: schema.migrations.postgres,
      poolSize: 20,
      // A wrong host must fail the boot quickly rather than hang.
      connectTimeoutMS: 5000,
      extra: { connectionTimeoutMillis: 5000 },
    };
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqlitePath,
    migrations: schema.migrations.sqlite,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      // WAL lets readers run beside the single writer; busy_timeout waits for a lock instead of failing.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
