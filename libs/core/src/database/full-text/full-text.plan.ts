import type { DataSource, EntityManager } from 'typeorm';

/** How many matching ids the probe reads before it calls a search term common (see planFullText). */
export const FULL_TEXT_PROBE_LIMIT = 2000;

/**
 * Runs a newest-first full-text read with a plan chosen from the data rather than from the
 * planner's estimate. PostgreSQL estimates every tsvector/trigram match at a constant ~4% of the
 * table whatever the term (#20), so it cannot choose between walking the sort index (right when
 * matches are dense) and a bitmap of the matches + sort (right when they are rare): a rare term
 * walked 1M rows computing the document per row, a common one sorted 1.6M matches, minutes each.
 *
 * So we ask the index: `probe` (the read's filters, selecting `id`, no order) runs with bitmap
 * scans only and reads at most `limit` ids (it must apply the LIMIT it is given). Fewer → `run(manager, ids)` reads just those ids
 * (exact, no document recomputed); `limit` reached → the term is common and `run(manager, null)`
 * runs with bitmap scans off, so the sort index is walked and meets matches densely.
 * SQLite (FTS5 rowid lookups, no such estimate) runs `run(manager, null)` unchanged.
 */
export async function planFullText<T>(
  dataSource: DataSource,
  probe: (manager: EntityManager, limit: number) => Promise<{ id: string }[]>,
  run: (manager: EntityManager, ids: string[] | null) => Promise<T>,
  limit = FULL_TEXT_PROBE_LIMIT,
): Promise<T> {
  if (dataSource.options.type !== 'postgres') return run(dataSource.manager, null);
  // SET LOCAL lasts until the end of the transaction: the settings never leak to the pool.
  return dataSource.transaction(async (manager) => {
    await manager.query(
      'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off',
    );
    const ids = (await probe(manager, limit)).map((row) => row.id);
    if (ids.length < limit) {
      await manager.query(
        'SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on; SET LOCAL enable_indexonlyscan = on',
      );
      return run(manager, ids);
    }
    await manager.query('SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off');
    return run(manager, null);
  });
}
