import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { buildDataSourceOptions, SchemaDefinition } from './data-source-options.js';
import { ensureSqliteFullText } from './full-text/full-text.schema.js';
import { DatabaseLifecycle } from './database-lifecycle.service.js';
import { TransactionRunner } from './transaction-runner.service.js';

export class DatabaseConnectionError extends Error {
  constructor(target: string, cause: Error) {
    super(`Cannot open the database at ${target}: ${cause.message}`);
    this.name = 'DatabaseConnectionError';
  }
}

/** Opens the data source, runs pending migrations at start, and closes it on shutdown. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaDefinition): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const dataSource = new DataSource(buildDataSourceOptions(config, schema));
            const target = config.driver === 'postgres' ? redact(config.databaseUrl ?? '') : config.sqlitePath;
            try {
              await dataSource.initialize();
            } catch (error) {
              throw new DatabaseConnectionError(target, error as Error);
            }
            const ran = await dataSource.runMigrations({ transaction: 'each' });
            if (ran.length) new Logger('Database').log(`Applied ${ran.length} migration(s) on ${config.driver}`);
            // A migration that rebuilt a table dropped its full-text triggers: repair the index now.
            if (config.driver !== 'postgres') {
              const rebuilt = await ensureSqliteFullText(dataSource);
              if (rebuilt.length) new Logger('Database').log(`Rebuilt the full-text index of ${rebuilt.join(', ')}`);
            }
            return dataSource;
          },
        },
        TransactionRunner,
        DatabaseLifecycle,
      ],
      exports: [DataSource, TransactionRunner],
    };
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
