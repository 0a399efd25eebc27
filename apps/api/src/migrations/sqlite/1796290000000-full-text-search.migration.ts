import { dropSqliteFullText, ensureSqliteFullText } from '@switchboard/core';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (#20): FTS5 tables (words, trigrams) and their triggers, which TypeORM does not
// model; every start checks them again (a later table rebuild drops the triggers).
export class FullTextSearch1796290000000 implements MigrationInterface {
  name = 'FullTextSearch1796290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await ensureSqliteFullText(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSqliteFullText(queryRunner);
  }
}
