import { mask } from '@switchboard/masking';
import type { QueryRunner } from 'typeorm';

/**
 * #13.2 backfill of tickets.searchText (title and description with every PII entity masked), in id
 * order by pages so a large table is not read at once. Same text as TicketRepository.searchTextOf.
 */
export async function backfillTicketSearchText(queryRunner: QueryRunner, postgres: boolean): Promise<void> {
  const p = (i: number) => (postgres ? `$${i}` : '?');
  let after = '';
  for (;;) {
    const rows: { id: string; title: string; description: string }[] = await queryRunner.query(
      `SELECT "id", "title", "description" FROM "tickets" WHERE "id" > ${p(1)} ORDER BY "id" LIMIT 500`,
      [after],
    );
    if (!rows.length) return;
    for (const r of rows)
      await queryRunner.query(`UPDATE "tickets" SET "searchText" = ${p(1)} WHERE "id" = ${p(2)}`, [
        mask(`${r.title}\n${r.description}`).text,
        r.id,
      ]);
    after = rows[rows.length - 1].id;
  }
}
