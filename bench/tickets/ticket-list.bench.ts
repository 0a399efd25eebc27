// Benchmark (#20.1, #20.2): the ticket list (GET /api/tickets: every filter and every sort the web
// UI offers, first page and keyset cursor pages), the saved-view counts (GET /api/ticket-views)
// and search (GET /api/search), through the real HTTP app, each figure against its target, with
// the plan of every SQL statement the requests ran (PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); SQLite:
// EXPLAIN QUERY PLAN) in the output and in bench/results/ticket-list-plans-<driver>.txt.
// Not part of npm test. Run from the repository root:
//   node -r ./scripts/register.cjs bench/tickets/ticket-list.bench.ts                  # PostgreSQL, 100k
//   BENCH_DB=sqlite node -r ./scripts/register.cjs bench/tickets/ticket-list.bench.ts  # SQLite
//   BENCH_TICKETS=1000000 BENCH_COMMENTS=5 BENCH_KEEP=1 node -r ./scripts/register.cjs bench/tickets/ticket-list.bench.ts
// Knobs: BENCH_TICKETS (100000), BENCH_COMMENTS (average comments per ticket, 2), BENCH_ROUNDS (10
// rounds of a first page + 2 cursor pages per scenario), BENCH_ONLY (substring of scenario names), BENCH_SKIP (comma list of substrings),
// SWITCHBOARD_VIEW_COUNT_LIMIT is passed to the app (view counts' limit, default 1000).
// BENCH_KEEP=1 keeps the seeded database (PostgreSQL database bench_list_<tickets>_<comments>,
// SQLite file under /tmp/switchboard-bench-<tickets>-<comments>/) and reuses it on the next run: the
// app still runs its migrations on start, so a new index is built on the kept data.
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is the admin connection.
// Data: 50 companies × 40 contacts, 40 technicians (+1 restricted to 3 companies), 5% of tickets
// open and 5% pending (mostly the newest), 10% with Cc, sentiment on half, a seeded PRNG (the same data every run).
import './bench-env.js';
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { CompanyService, dropSqliteFullText, ensureSqliteFullText, newId } from '@switchboard/core';
import { registerAppFactory, createTestApp, REPO_ROOT, type TestApp } from '@switchboard/testing';
import { TicketCounterRepository } from '@switchboard/tickets';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const KEEP = process.env.BENCH_KEEP === '1';
const ONLY = process.env.BENCH_ONLY;
const SKIP = process.env.BENCH_SKIP;
const SQLITE = process.env.BENCH_DB === 'sqlite';
const DRIVER = SQLITE ? 'sqlite' : 'postgres';
const COMPANIES = 50;
const CONTACTS_PER_COMPANY = 40;
const TECHNICIANS = 40;
/** Targets (#20): list and counts p95 < 20 ms (PostgreSQL) / 50 ms (SQLite); search p95 < 50 ms. */
const LIST_TARGET = SQLITE ? 50 : 20;
const SEARCH_TARGET = 50;

let state = 42;
const rnd = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[], weights?: number[]): T => {
  if (!weights) return xs[Math.floor(rnd() * xs.length)];
  let r = rnd() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) < 0) return xs[i];
  return xs[xs.length - 1];
};
const WORDS = ['printer', 'vpn', 'laptop', 'outlook', 'password', 'wifi', 'monitor', 'invoice', 'backup', 'server'];
const FR = ['imprimante', 'réseau', 'écran', 'mot de passe', 'sauvegarde', 'facture', 'serveur', 'lenteur'];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Where the data lives: a fresh database, or the kept one of this size (BENCH_KEEP=1). */
async function database(): Promise<{ url: string; dataDir: string } | undefined> {
  if (!KEEP) return undefined;
  if (SQLITE) {
    const dir = `/tmp/switchboard-bench-${TICKETS}-${COMMENTS}`;
    mkdirSync(dir, { recursive: true });
    return { url: `sqlite:${join(dir, 'switchboard.sqlite')}`, dataDir: dir };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `bench_list_${TICKETS}_${COMMENTS}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dataDir = `/tmp/switchboard-bench-pg-${TICKETS}-${COMMENTS}`;
  mkdirSync(dataDir, { recursive: true });
  return { url: url.toString(), dataDir };
}

interface Seeded {
  companies: string[];
  contacts: string[];
  techs: string[];
  restricted: string;
  seedSeconds: number | null;
  indexSeconds: number | null;
}

async function main(): Promise<void> {
  const db = await database();
  const migrateStart = Date.now();
  // SWITCHBOARD_VIEW_COUNT_LIMIT passes through (e.g. 100000000 to measure uncapped view counts).
  const env = process.env.SWITCHBOARD_VIEW_COUNT_LIMIT
    ? { env: { SWITCHBOARD_VIEW_COUNT_LIMIT: process.env.SWITCHBOARD_VIEW_COUNT_LIMIT } }
    : {};
  const t = await createTestApp(db ? { database: db, seed: false, ...env } : env);
  const bootSeconds = (Date.now() - migrateStart) / 1000;
  const ds = t.get(DataSource);
  try {
    const seeded = await seed(t, ds);
    const [{ count: commentCount }] = await ds.query('SELECT COUNT(*) AS count FROM "ticket_comments"');
    console.log(
      `${DRIVER}: ${TICKETS} tickets, ${commentCount} comments; ` +
        (seeded.seedSeconds === null
          ? `reused the kept database (app start with migrations ${bootSeconds.toFixed(1)} s)`
          : `seeded in ${seeded.seedSeconds.toFixed(1)} s (of which index builds ${seeded.indexSeconds!.toFixed(1)} s)`),
    );
    const results = await measure(t, ds, seeded);
    const out = {
      date: new Date().toISOString(),
      database: DRIVER,
      tickets: TICKETS,
      comments: Number(commentCount),
      rounds: ROUNDS,
      seedSeconds: seeded.seedSeconds,
      indexSeconds: seeded.indexSeconds,
      loadAverage: (await import('node:os')).loadavg(),
      results,
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, `bench/results/ticket-list-${DRIVER}.json`), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote bench/results/ticket-list-${DRIVER}.json and bench/results/ticket-list-plans-${DRIVER}.txt`);
  } finally {
    await t.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding: indexes dropped during the load and built once at the end (much faster than keeping
// GIN/FTS indexes up to date row by row); PostgreSQL loads through unnest() arrays, SQLite through
// one prepared statement in large transactions.

async function seed(t: TestApp, ds: DataSource): Promise<Seeded> {
  const existing = (await ds.query(
    `SELECT "id", "allCompanies" FROM "accounts" WHERE "email" LIKE 'tech%@bench.local' ORDER BY "email"`,
  )) as { id: string; allCompanies: boolean | number }[];
  if (existing.length) {
    const [{ max }] = await ds.query('SELECT MAX("number") AS max FROM "tickets"');
    if (Number(max) !== TICKETS) throw new Error(`kept database is incomplete (${max} tickets): drop it and rerun`);
    const companies = ((await ds.query('SELECT "id" FROM "companies" ORDER BY "name"')) as { id: string }[]).map(
      (r) => r.id,
    );
    const contacts = ((await ds.query('SELECT "id" FROM "contacts" ORDER BY "email"')) as { id: string }[]).map(
      (r) => r.id,
    );
    const restricted = existing.find((a) => !a.allCompanies)!.id;
    return {
      companies,
      contacts,
      techs: existing.filter((a) => a.allCompanies).map((a) => a.id),
      restricted,
      seedSeconds: null,
      indexSeconds: null,
    };
  }
  const started = Date.now();
  const companies: string[] = [];
  for (let i = 0; i < COMPANIES; i++)
    companies.push((await t.get(CompanyService).create({ name: `Bench Co ${String(i).padStart(2, '0')}` })).id);
  const contacts: { id: string; companyId: string }[] = [];
  const contactRows: unknown[][] = [];
  for (const c of companies)
    for (let j = 0; j < CONTACTS_PER_COMPANY; j++) {
      const id = newId();
      const email = `u${String(j).padStart(2, '0')}.${c.slice(-6)}@bench.example`;
      contacts.push({ id, companyId: c });
      contactRows.push([id, c, `First${j}`, `Last${j}`, email, email, `+33 6 ${String(10_000_000 + contacts.length)}`]);
    }
  await load(ds, 'contacts', ['id', 'companyId', 'firstName', 'lastName', 'email', 'emailKey', 'phone'], contactRows);
  const techs: string[] = [];
  for (let i = 0; i < TECHNICIANS; i++) techs.push(newId());
  const restricted = newId();
  await load(
    ds,
    'accounts',
    ['id', 'name', 'email', 'passwordHash', 'role', 'allCompanies'],
    [
      ...techs.map((id, i) => [id, `Tech ${i}`, `tech${String(i).padStart(2, '0')}@bench.local`, 'x', 'technician', 1]),
      [restricted, 'Tech restricted', 'techzz@bench.local', 'x', 'technician', 0],
    ].map((r) => (SQLITE ? r : r.map((v, i) => (i === 5 ? v === 1 : v)))),
  );
  await load(
    ds,
    'account_company_access',
    ['accountId', 'companyId'],
    companies.slice(0, 3).map((c) => [restricted, c]),
  );

  const dropped = await dropIndexes(ds, ['tickets', 'ticket_comments']);
  const base = Date.UTC(2024, 0, 1);
  const span = 365 * 24 * 3600 * 1000;
  const date = (ms: number) => (SQLITE ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : new Date(ms));
  const tickets: unknown[][] = [];
  const comments: unknown[][] = [];
  const flush = async () => {
    await load(ds, 'tickets', TICKET_COLUMNS, tickets.splice(0));
    await load(ds, 'ticket_comments', COMMENT_COLUMNS, comments.splice(0));
  };
  for (let n = 1; n <= TICKETS; n++) {
    const contact = pick(contacts);
    // 10% not done (5% open, 5% pending), as a real queue: most of them among the newest 10% of
    // tickets, a tail of old stragglers (the "oldest open first" sort must find those cheaply).
    const notDone = n > TICKETS * 0.9 ? 0.6 : 0.4 / 9;
    const r = rnd();
    const status = r < notDone / 2 ? 'open' : r < notDone ? 'pending' : pick(['resolved', 'closed'], [45, 55]);
    const category = status === 'open' ? 'open' : status === 'pending' ? 'pending' : 'done';
    const priority = pick(['low', 'medium', 'high', 'critical'] as const, [30, 45, 20, 5]);
    const created = base + Math.floor((n / TICKETS) * span);
    // Open and pending tickets are the recent ones more often than not, as in a real queue.
    const updated = created + Math.floor(rnd() * 7 * 24 * 3600 * 1000);
    const french = rnd() < 0.3;
    const title = french ? `${pick(FR)} en panne ${pick(FR)}` : `${pick(WORDS)} ${pick(WORDS)} issue`;
    const description = french
      ? `Le ${pick(FR)} ne fonctionne plus depuis la mise à jour, commande ${800_000_000 + n}.`
      : `The ${pick(WORDS)} does not work since the ${pick(WORDS)} update, order ${800_000_000 + n}.`;
    const id = newId(created);
    const cc = rnd() < 0.1 ? [{ kind: 'contact', id: pick(contacts).id }] : [];
    tickets.push([
      id,
      n,
      title,
      description,
      `${title}\n${description}`,
      status,
      category,
      priority,
      { low: 1, medium: 2, high: 3, critical: 4 }[priority],
      pick(['minor', 'moderate', 'major', 'site_down'], [60, 25, 12, 3]),
      pick(['incident', 'problem', 'request', 'change'], [55, 10, 30, 5]),
      pick(['unread', 'read', 'waiting_for_contact', 'waiting_for_technician']),
      pick(['web', 'email', 'portal', 'chat'], [20, 50, 20, 10]),
      rnd() < 0.5 ? null : pick(['positive', 'negative', 'neutral'], [20, 30, 50]),
      contact.id,
      contact.companyId,
      rnd() < 0.15 ? null : pick(techs),
      JSON.stringify(cc),
      '[]',
      date(created),
      date(updated),
    ]);
    const k = Math.floor(rnd() * (2 * COMMENTS + 1));
    for (let c = 0; c < k; c++)
      comments.push([
        newId(created + c + 1),
        id,
        rnd() < 0.8 ? 'public' : 'internal',
        rnd() < 0.001
          ? 'The capybara firmware was replaced'
          : `Restarted the ${pick(WORDS)}, please check the ${pick(WORDS)} again (ref ${900_000 + n}).`,
        'technician',
        'Tech',
        'web',
        '[]',
        '[]',
        '[]',
        date(created + c + 1),
      ]);
    if (tickets.length >= 20_000) await flush();
    if (n % 100_000 === 0) console.log(`  ${n} tickets, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await flush();
  const indexStart = Date.now();
  await createIndexes(ds, dropped);
  if (SQLITE) {
    // The FTS5 tables were dropped for the load: rebuilt from the tables in one pass.
    await ensureSqliteFullText(ds);
  }
  await t.get(TicketCounterRepository).set('tickets', TICKETS);
  await ds.query(SQLITE ? 'ANALYZE' : 'VACUUM ANALYZE');
  const now = Date.now();
  return {
    companies,
    contacts: contacts.map((c) => c.id),
    techs,
    restricted,
    seedSeconds: (now - started) / 1000,
    indexSeconds: (now - indexStart) / 1000,
  };
}

/** Drops the secondary indexes (and SQLite's FTS triggers/tables) of these tables; returns how to rebuild them. */
async function dropIndexes(ds: DataSource, tables: string[]): Promise<string[]> {
  if (SQLITE) {
    await dropSqliteFullText(ds);
    const rows = (await ds.query(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      tables,
    )) as { name: string; sql: string }[];
    for (const r of rows) await ds.query(`DROP INDEX "${r.name}"`);
    return rows.map((r) => r.sql);
  }
  const rows = (await ds.query(
    `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  )) as { name: string; sql: string }[];
  for (const r of rows) await ds.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

async function createIndexes(ds: DataSource, statements: string[]): Promise<void> {
  if (!SQLITE) await ds.query("SET maintenance_work_mem = '1GB'");
  for (const sql of statements) {
    const t0 = Date.now();
    await ds.query(sql);
    console.log(`  index ${((Date.now() - t0) / 1000).toFixed(1)} s  ${sql.slice(0, 110)}`);
  }
}

/** Bulk insert: PostgreSQL one INSERT … SELECT FROM unnest(arrays) per 20,000 rows; SQLite a prepared statement. */
async function load(ds: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const cols = columns.map((c) => `"${c}"`).join(', ');
  if (SQLITE) {
    const sqlite = (
      ds.driver as unknown as {
        databaseConnection: {
          prepare(sql: string): { run(...v: unknown[]): void };
          transaction(f: () => void): () => void;
        };
      }
    ).databaseConnection;
    const insert = sqlite.prepare(`INSERT INTO "${table}" (${cols}) VALUES (${columns.map(() => '?').join(', ')})`);
    sqlite.transaction(() => {
      for (const row of rows) insert.run(...row);
    })();
    return;
  }
  const types = (await ds.query(
    `SELECT column_name AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = $1::regclass AND a.attname = c.column_name
     WHERE c.table_name = $2`,
    [`"${table}"`, table],
  )) as { name: string; type: string }[];
  const typeOf = new Map(types.map((r) => [r.name, r.type]));
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const arrays = columns.map((_, j) => chunk.map((r) => r[j]));
    const select = columns
      .map((c, j) => {
        const type = typeOf.get(c)!;
        // jsonb arrays travel as text[] (node-postgres would send a JS array of strings as-is).
        return type === 'jsonb' ? `$${j + 1}::text[]` : `$${j + 1}::${type.replace(/\(.*\)/, '')}[]`;
      })
      .join(', ');
    const casts = columns.map((c) => (typeOf.get(c) === 'jsonb' ? `"${c}"::jsonb` : `"${c}"`)).join(', ');
    await ds.query(
      `INSERT INTO "${table}" (${cols}) SELECT ${casts} FROM unnest(${select}) AS u(${cols})`,
      arrays.map((a) => a),
    );
  }
}

const TICKET_COLUMNS = [
  'id',
  'number',
  'title',
  'description',
  'searchText',
  'status',
  'statusCategory',
  'priority',
  'priorityRank',
  'impact',
  'type',
  'activityStatus',
  'source',
  'sentiment',
  'requesterId',
  'companyId',
  'assigneeId',
  'cc',
  'mailReferences',
  'createdAt',
  'updatedAt',
];
const COMMENT_COLUMNS = [
  'id',
  'ticketId',
  'visibility',
  'body',
  'authorKind',
  'authorName',
  'source',
  'cc',
  'notify',
  'attachments',
  'createdAt',
];

// ---------------------------------------------------------------------------------------------
// Measuring: every statement a request runs is captured (the DataSource's logger) so its plan can
// be printed next to its timing.

interface Scenario {
  name: string;
  path: string;
  query: Record<string, string>;
  target: number;
  /** Follow nextCursor for 2 more pages per round (lists). */
  pages: boolean;
  token: string;
}

async function measure(t: TestApp, ds: DataSource, seeded: Seeded): Promise<Record<string, unknown>[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  let capturing = false;
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (sql: string, params?: unknown[], runner?: never) => {
    if (capturing) captured.push({ sql, params: params ?? [] });
    return original(sql, params, runner);
  };

  const me = seeded.techs[0];
  const token = t.tokenFor(me);
  const restrictedToken = t.tokenFor(seeded.restricted);
  // Saved views of `me` (#15): replayed by GET /api/ticket-views next to the 4 built-in ones.
  const h = { Authorization: `Bearer ${token}` };
  const own = (await t.http().get('/api/ticket-views').set(h)).body as { builtIn: boolean; id: string }[];
  for (const v of own.filter((x) => !x.builtIn)) await t.http().delete(`/api/ticket-views/${v.id}`).set(h).expect(204);
  const savedViews: Record<string, string>[] = [
    { company: seeded.companies[7] },
    { priority: 'critical', status: 'category:open,category:pending' },
    { sentiment: 'negative', status: 'category:open' },
    { type: 'problem' },
    { assignee: seeded.techs[3], status: 'category:open,category:pending' },
    { q: 'printer', status: 'category:open,category:pending' },
  ];
  for (const [i, filters] of savedViews.entries())
    await t
      .http()
      .post('/api/ticket-views')
      .set(h)
      .send({ name: `Bench view ${i}`, filters })
      .expect(201);

  const filters: [string, Record<string, string>][] = [
    ['no filter', {}],
    ['status=open', { status: 'open' }],
    ['status=resolved', { status: 'resolved' }],
    ['status=category:open', { status: 'category:open' }],
    ['status=category:pending', { status: 'category:pending' }],
    ['status=not done', { status: 'category:open,category:pending' }],
    ['status=category:done', { status: 'category:done' }],
    ['assignee=me', { assignee: 'me' }],
    ['assignee=none', { assignee: 'none' }],
    ['assignee=<tech>', { assignee: seeded.techs[5] }],
    ['company', { company: seeded.companies[7] }],
    ['requester', { requester: seeded.contacts[123] }],
    ['type=problem', { type: 'problem' }],
    ['priority=critical', { priority: 'critical' }],
    ['sentiment=negative', { sentiment: 'negative' }],
    ['q=printer', { q: 'printer' }],
    ['q=0012345 (number fragment)', { q: '0012345' }],
    ['view mine: not done + me', { status: 'category:open,category:pending', assignee: 'me' }],
    ['view unassigned: not done + none', { status: 'category:open,category:pending', assignee: 'none' }],
    ['open + critical + company', { status: 'category:open', priority: 'critical', company: seeded.companies[7] }],
  ];
  const sorts = ['-updated', '-created', 'created', '-priority', '-number'];
  const scenarios: Scenario[] = [];
  for (const [name, query] of filters)
    for (const sort of sorts)
      scenarios.push({
        name: `list ${name} sort=${sort}`,
        path: '/api/tickets',
        query: { ...query, sort, limit: '50' },
        target: name.startsWith('q=') ? SEARCH_TARGET : LIST_TARGET,
        pages: true,
        token,
      });
  for (const sort of sorts)
    scenarios.push({
      name: `list restricted tech (3 companies) sort=${sort}`,
      path: '/api/tickets',
      query: { sort, limit: '50' },
      target: LIST_TARGET,
      pages: true,
      token: restrictedToken,
    });
  scenarios.push(
    {
      name: 'ticket-views (4 built-in + 6 saved counts)',
      path: '/api/ticket-views',
      query: {},
      target: LIST_TARGET,
      pages: false,
      token,
    },
    {
      name: 'ticket-views restricted tech (4 built-in)',
      path: '/api/ticket-views',
      query: {},
      target: LIST_TARGET,
      pages: false,
      token: restrictedToken,
    },
  );
  for (const q of ['printer', 'vpn backup', 'capybaras', 'imprimantes', '0012345', 'last12'])
    scenarios.push({
      name: `search "${q}"`,
      path: '/api/search',
      query: { q },
      target: SEARCH_TARGET,
      pages: false,
      token,
    });

  const planFile: string[] = [];
  const results: Record<string, unknown>[] = [];
  const budgetMs = 8000;
  for (const s of scenarios.filter(
    (x) => (!ONLY || x.name.includes(ONLY)) && !SKIP?.split(',').some((k) => x.name.includes(k)),
  )) {
    const get = async (cursor?: string) => {
      const t0 = process.hrtime.bigint();
      const res = await t
        .http()
        .get(s.path)
        .query({ ...s.query, ...(cursor ? { cursor } : {}) })
        .set({ Authorization: `Bearer ${s.token}` });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${JSON.stringify(res.body)}`);
      return { ms, next: (res.body as { nextCursor?: string | null }).nextCursor ?? null };
    };
    // Warm-up, capturing the statements of a first page and of a cursor page for their plans.
    captured.length = 0;
    capturing = true;
    const warm = await get();
    const firstSql = captured.splice(0);
    const cursorSql = s.pages && warm.next ? (await get(warm.next), captured.splice(0)) : [];
    capturing = false;
    const first: number[] = [];
    const deep: number[] = [];
    const begin = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      let cursor: string | null = null;
      for (let page = 0; page < (s.pages ? 3 : 1); page++) {
        const r = await get(cursor ?? undefined);
        (page === 0 ? first : deep).push(r.ms);
        cursor = r.next;
        if (!cursor) break;
      }
      // Slow scenarios (before the fixes) would take minutes: at least 3 rounds, then a time budget.
      if (round >= 2 && Date.now() - begin > budgetMs) break;
    }
    // The same statements replayed straight on the database: the SQL share of a request, which the
    // shared machine's load (other processes on its 2 cores) distorts less than the HTTP figure.
    const sqlMs: number[] = [];
    for (let i = 0; i < Math.max(10, first.length); i++)
      for (const set of cursorSql.length ? [firstSql, cursorSql] : [firstSql]) {
        const t0 = process.hrtime.bigint();
        for (const { sql, params } of set) if (/^\s*SELECT/i.test(sql)) await ds.query(sql, params);
        sqlMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (Date.now() - begin > 2 * budgetMs && sqlMs.length >= 6) break;
      }
    sqlMs.sort((a, b) => a - b);
    const all = [...first, ...deep].sort((a, b) => a - b);
    first.sort((a, b) => a - b);
    deep.sort((a, b) => a - b);
    const p95 = +percentile(all, 95).toFixed(1);
    const sqlP95 = +percentile(sqlMs, 95).toFixed(1);
    const r = {
      scenario: s.name,
      requests: all.length,
      p50: +percentile(all, 50).toFixed(1),
      p95,
      target: s.target,
      ok: p95 < s.target,
      sqlStatements: firstSql.length,
      sqlP50: +percentile(sqlMs, 50).toFixed(1),
      sqlP95,
      sqlOk: sqlP95 < s.target,
      firstPageP95: +percentile(first, 95).toFixed(1),
      cursorPagesP95: deep.length ? +percentile(deep, 95).toFixed(1) : null,
    };
    results.push(r);
    console.log(
      `${s.name.padEnd(58)} HTTP p50 ${String(r.p50).padStart(7)} p95 ${String(r.p95).padStart(7)} ${r.ok ? 'ok    ' : 'MISSED'}` +
        ` | SQL p50 ${String(r.sqlP50).padStart(7)} p95 ${String(r.sqlP95).padStart(7)} ${r.sqlOk ? 'ok    ' : 'MISSED'} (target p95 < ${s.target} ms)` +
        (deep.length ? `  [HTTP first p95 ${r.firstPageP95}, cursor p95 ${r.cursorPagesP95}]` : ''),
    );
    const plans = [
      ...(await explainAll(ds, firstSql, 'first page')),
      ...(await explainAll(ds, cursorSql, 'cursor page')),
    ];
    planFile.push(`==== ${s.name}  (p50 ${r.p50} ms, p95 ${r.p95} ms, target < ${s.target} ms)\n${plans.join('\n')}\n`);
    // Written as it goes: a run stopped early keeps the plans measured so far.
    writeFileSync(join(REPO_ROOT, `bench/results/ticket-list-plans-${DRIVER}.txt`), planFile.join('\n'));
  }
  const plansText = planFile.join('\n');
  console.log(`\n${plansText}`);
  mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, `bench/results/ticket-list-plans-${DRIVER}.txt`), plansText);
  return results;
}

/** The plan of each captured statement that reads tickets/comments/contacts/messages (not the auth lookups). */
async function explainAll(ds: DataSource, statements: { sql: string; params: unknown[] }[], label: string) {
  const out: string[] = [];
  for (const { sql, params } of statements) {
    if (!/^\s*SELECT/i.test(sql) || !/"(tickets|ticket_comments|contacts|conversation_messages)"/.test(sql)) continue;
    const prefix = SQLITE ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
    const rows = (await ds.query(prefix + sql, params)) as Record<string, unknown>[];
    const plan = rows.map((r) => (SQLITE ? `  ${String(r.detail)}` : `  ${String(r['QUERY PLAN'])}`)).join('\n');
    out.push(`-- ${label}: ${sql.replace(/\s+/g, ' ').slice(0, 600)}\n${plan}`);
  }
  return out;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
