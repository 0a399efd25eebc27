import type { MigrationInterface, QueryRunner } from 'typeorm';

// Data only (#16): the built-in statuses get their French labels on an existing install (a new one
// seeds them). Only where no French label was set and the admin kept the built-in English name: a
// renamed status keeps the name its admin typed.
const LABELS: [key: string, name: string, nameFr: string][] = [
  ['open', 'Open', 'Ouvert'],
  ['pending', 'Pending', 'En attente'],
  ['resolved', 'Resolved', 'Résolu'],
  ['closed', 'Closed', 'Fermé'],
];

export class FrenchStatusLabels1796310000001 implements MigrationInterface {
  name = 'FrenchStatusLabels1796310000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [key, name, nameFr] of LABELS)
      await queryRunner.query(
        'UPDATE "ticket_statuses" SET "nameFr" = $1 WHERE "key" = $2 AND "name" = $3 AND "nameFr" IS NULL',
        [nameFr, key, name],
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [key, , nameFr] of LABELS)
      await queryRunner.query('UPDATE "ticket_statuses" SET "nameFr" = NULL WHERE "key" = $1 AND "nameFr" = $2', [
        key,
        nameFr,
      ]);
  }
}
