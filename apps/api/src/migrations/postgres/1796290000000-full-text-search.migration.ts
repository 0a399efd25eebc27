import { createPostgresFullText, dropPostgresFullText } from '@switchboard/core';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (#20): extensions, text search configurations, functions and GIN expression
// indexes the generator cannot express; the entities declare the indexes with synchronize: false.
export class FullTextSearch1796290000000 implements MigrationInterface {
  name = 'FullTextSearch1796290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPostgresFullText(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPostgresFullText(queryRunner);
  }
}
