import { FULL_TEXT_SOURCES, pgDocument, type FullTextSource } from './full-text.sources.js';

/** Runs one statement (a migration's QueryRunner or a DataSource). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

const SOURCES: FullTextSource[] = Object.values(FULL_TEXT_SOURCES);

/**
 * PostgreSQL objects, hand-written in the migration (the generator cannot express them):
 * `sb_fold` (lower + unaccent, IMMUTABLE so it can be indexed), two text search configurations
 * that strip accents before the English and French Snowball stemmers, and `sb_words` (both
 * stemmings of a text in one tsvector, so one GIN index serves either language).
 */
export async function createPostgresFullText(run: SqlRunner): Promise<void> {
  await run.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  await run.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await run.query(
    `CREATE OR REPLACE FUNCTION sb_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
  );
  for (const [name, stem] of [
    ['sb_english', 'english'],
    ['sb_french', 'french'],
  ]) {
    await run.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${name} CASCADE`);
    await run.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${stem})`);
    await run.query(
      `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}_stem`,
    );
  }
  await run.query(
    `CREATE OR REPLACE FUNCTION sb_words(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT to_tsvector('sb_english'::regconfig, coalesce($1, '')) || to_tsvector('sb_french'::regconfig, coalesce($1, '')) $$`,
  );
  for (const source of SOURCES)
    for (const [set, columns] of columnSets(source)) {
      const doc = pgDocument(columns);
      await run.query(
        `CREATE INDEX IF NOT EXISTS "IDX_fts_${source.table}_${set}_words" ON "${source.table}" USING gin (sb_words(${doc}))`,
      );
      await run.query(
        `CREATE INDEX IF NOT EXISTS "IDX_fts_${source.table}_${set}_trgm" ON "${source.table}" USING gin (sb_fold(${doc}) gin_trgm_ops)`,
      );
    }
}

export async function dropPostgresFullText(run: SqlRunner): Promise<void> {
  for (const source of SOURCES)
    for (const [set] of columnSets(source)) {
      await run.query(`DROP INDEX IF EXISTS "IDX_fts_${source.table}_${set}_words"`);
      await run.query(`DROP INDEX IF EXISTS "IDX_fts_${source.table}_${set}_trgm"`);
    }
  await run.query('DROP FUNCTION IF EXISTS sb_words(text)');
  await run.query('DROP TEXT SEARCH CONFIGURATION IF EXISTS sb_english');
  await run.query('DROP TEXT SEARCH CONFIGURATION IF EXISTS sb_french');
  await run.query('DROP FUNCTION IF EXISTS sb_fold(text)');
}

function columnSets(source: FullTextSource): [string, string[]][] {
  return source.masked
    ? [
        ['raw', source.raw],
        ['masked', source.masked],
      ]
    : [['raw', source.raw]];
}

/** SQLite: the words table and the substring table of a source. */
export const sqliteFtsTables = (source: FullTextSource) => ({
  words: `${source.table}_fts_w`,
  trigrams: `${source.table}_fts_t`,
});

const TRIGGERS = ['ai', 'ad', 'au'] as const;

/**
 * SQLite: creates the FTS5 tables and their triggers where missing, and rebuilds an index whose
 * triggers are gone. A generated SQLite migration that changes a table rebuilds it (create,
 * copy, drop, rename), which drops its triggers and renumbers its rowids: the index is then
 * rebuilt from the table here, at the next start (the migration run and every boot call this).
 */
export async function ensureSqliteFullText(run: SqlRunner): Promise<string[]> {
  const rows = (await run.query(
    "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE '%_fts_%'",
  )) as { name: string }[];
  const present = new Set(rows.map((r) => r.name));
  const rebuilt: string[] = [];
  for (const source of SOURCES) {
    const { words, trigrams } = sqliteFtsTables(source);
    const complete =
      present.has(words) && present.has(trigrams) && TRIGGERS.every((t) => present.has(`${source.table}_fts_${t}`));
    if (complete) continue;
    await dropSqliteSource(run, source);
    const cols = source.columns.map((c) => `"${c}"`).join(', ');
    const content = `content='${source.table}', content_rowid='rowid'`;
    await run.query(
      `CREATE VIRTUAL TABLE "${words}" USING fts5(${cols}, ${content}, tokenize='porter unicode61 remove_diacritics 2')`,
    );
    await run.query(
      `CREATE VIRTUAL TABLE "${trigrams}" USING fts5(${cols}, ${content}, tokenize='trigram remove_diacritics 1')`,
    );
    const values = (row: string) => source.columns.map((c) => `${row}."${c}"`).join(', ');
    const add = (table: string) => `INSERT INTO "${table}"(rowid, ${cols}) VALUES (new.rowid, ${values('new')});`;
    const remove = (table: string) =>
      `INSERT INTO "${table}"("${table}", rowid, ${cols}) VALUES ('delete', old.rowid, ${values('old')});`;
    const t = source.table;
    await run.query(`CREATE TRIGGER "${t}_fts_ai" AFTER INSERT ON "${t}" BEGIN ${add(words)} ${add(trigrams)} END`);
    await run.query(
      `CREATE TRIGGER "${t}_fts_ad" AFTER DELETE ON "${t}" BEGIN ${remove(words)} ${remove(trigrams)} END`,
    );
    await run.query(
      `CREATE TRIGGER "${t}_fts_au" AFTER UPDATE OF ${cols} ON "${t}" BEGIN ${remove(words)} ${remove(trigrams)} ${add(words)} ${add(trigrams)} END`,
    );
    await run.query(`INSERT INTO "${words}"("${words}") VALUES ('rebuild')`);
    await run.query(`INSERT INTO "${trigrams}"("${trigrams}") VALUES ('rebuild')`);
    rebuilt.push(source.table);
  }
  return rebuilt;
}

export async function dropSqliteFullText(run: SqlRunner): Promise<void> {
  for (const source of SOURCES) await dropSqliteSource(run, source);
}

async function dropSqliteSource(run: SqlRunner, source: FullTextSource): Promise<void> {
  const { words, trigrams } = sqliteFtsTables(source);
  for (const t of TRIGGERS) await run.query(`DROP TRIGGER IF EXISTS "${source.table}_fts_${t}"`);
  await run.query(`DROP TABLE IF EXISTS "${words}"`);
  await run.query(`DROP TABLE IF EXISTS "${trigrams}"`);
}
