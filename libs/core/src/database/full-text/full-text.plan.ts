import type { DataSource, EntityManager } from 'typeorm';

/** How many matching ids the probe reads before it calls a search term common (see planFullText). */
export const FULL_TEXT_PROBE_LIMIT = 2000;
/** How many of the newest rows the first, bounded walk reads (see planFullText). */
// Each row walked recomputes its document (~20–70 µs at 200k tickets): 1,000 rows made rare terms
// pay 50–250 ms before the probe; 250 still fills a page of 50 for a term in a fifth of the rows.
export const FULL_TEXT_WINDOW_ROWS = 250;
/** The second, wider bounded walk after a full probe (see planFullText). */
// At 1M tickets / 4.5M comments a word in 3,169 comments filled the probe, and the unbounded walk
// that followed computed 488,240 comment documents (5.6 s) for 15 hits: with this walk and then the
// bitmap + sort the search takes ~240 ms. 2,000 rows here made a mid-frequency word ("imprimantes")
// fall through to the bitmap + sort (p95 101 ms); 5,000 keeps it at 57 ms (bench/tickets, #20).
export const FULL_TEXT_WIDE_ROWS = 5000;

/** The sort key (value, id) of a row: where the bounded walk stops. */
export interface SortBound {
  value: unknown;
  id: string;
}

/** The read, with either the probed ids of its matches, a bound on the walk, or neither. */
export interface FullTextRead {
  ids?: string[];
  bound?: SortBound;
}

export interface FullTextPlan<T> {
  /** The sort key of the `rows`-th newest row passing the read's other filters (no text), or null when fewer. */
  bound: (manager: EntityManager, rows: number) => Promise<SortBound | null>;
  /** The ids of rows passing the read's filters and text, no order, at most `limit` (it must apply it). */
  probe: (manager: EntityManager, limit: number) => Promise<{ id: string }[]>;
  /** The read itself: its ids only (no text condition), or its filters down to the bound, or all of it. */
  run: (manager: EntityManager, read: FullTextRead) => Promise<T>;
  /** Whether a bounded read filled its page (then it is the true first page). */
  full: (result: T) => boolean;
}

/**
 * Runs a newest-first full-text read with a plan chosen from the data rather than from the
 * planner's estimate. PostgreSQL estimates every tsvector/trigram match at a constant ~4% of the
 * table whatever the term (#20), so it cannot choose between walking the sort index (right when
 * matches are dense) and a bitmap of the matches + sort (right when they are rare): a rare term
 * walked 1M rows computing the document per row, a common one sorted 1.6M matches, minutes each.
 *
 * So, in one transaction (SET LOCAL: nothing leaks to the pool):
 * 1. walk only the newest `windowRows` rows (bitmap scans off, bounded by their sort key): a page
 *    filled there is the true first page (a dense term, a few ms) — the GIN bitmap of a common term
 *    costs as much as its matches, so it is not asked first;
 * 2. else probe the GIN indexes (bitmap scans only) for at most `probeLimit` ids: fewer → read
 *    just those ids (exact; no document recomputed);
 * 3. else the term has many matches but few among the newest rows: walk the newest `wideRows`
 *    (bounded again); a filled page is the true first page;
 * 4. else its matches are sparse (fewer than a page per `wideRows` newest rows): the bitmap of all
 *    its matches and a top-N sort, instead of a walk computing the document of every row it passes.
 * `windowRows: 0` skips steps 1 and 3 (4 becomes the unbounded walk, as before): substring searches
 * (numbers, codes) are rare, and their trigram probe is cheap while a walk computes the costliest
 * document per row.
 * SQLite (FTS5 rowid lookups, no such estimate) runs the read as written.
 */
export async function planFullText<T>(
  dataSource: DataSource,
  plan: FullTextPlan<T>,
  { windowRows = FULL_TEXT_WINDOW_ROWS, probeLimit = FULL_TEXT_PROBE_LIMIT, wideRows = FULL_TEXT_WIDE_ROWS } = {},
): Promise<T> {
  if (dataSource.options.type !== 'postgres') return plan.run(dataSource.manager, {});
  return dataSource.transaction(async (manager) => {
    if (windowRows > 0) {
      await manager.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
      const bound = await plan.bound(manager, windowRows);
      // Fewer rows than the window pass the other filters: walking them all is the bounded walk.
      if (!bound) return plan.run(manager, {});
      const page = await plan.run(manager, { bound });
      if (plan.full(page)) return page;
    } else await manager.query('SET LOCAL enable_seqscan = off');
    await manager.query(
      'SET LOCAL enable_bitmapscan = on; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off',
    );
    const ids = (await plan.probe(manager, probeLimit)).map((row) => row.id);
    if (ids.length < probeLimit) {
      await manager.query(
        'SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on; SET LOCAL enable_indexonlyscan = on',
      );
      return plan.run(manager, { ids });
    }
    await manager.query(
      'SET LOCAL enable_indexscan = on; SET LOCAL enable_indexonlyscan = on; SET LOCAL enable_bitmapscan = off',
    );
    if (windowRows === 0) return plan.run(manager, {});
    const wide = await plan.bound(manager, wideRows);
    if (!wide) return plan.run(manager, {});
    const page = await plan.run(manager, { bound: wide });
    if (plan.full(page)) return page;
    await manager.query(
      'SET LOCAL enable_bitmapscan = on; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off',
    );
    return plan.run(manager, {});
  });
}
