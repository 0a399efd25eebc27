// Benchmark (#20): GET /api/search and the ticket list (default sort, filters, q) on N tickets with
// comments, through the real HTTP app, with the query plans (PostgreSQL: EXPLAIN ANALYZE; SQLite:
// EXPLAIN QUERY PLAN). Not part of npm test.
//   node -r ./scripts/register.cjs bench/search/search.bench.ts                 # PostgreSQL, 100k tickets
//   BENCH_DB=sqlite node -r ./scripts/register.cjs bench/search/search.bench.ts # SQLite
//   BENCH_TICKETS=1000000 BENCH_ROUNDS=20 node -r ./scripts/register.cjs bench/search/search.bench.ts  # 1M
// Knobs: BENCH_TICKETS (100000), BENCH_COMMENTS (2 per ticket on average), BENCH_ROUNDS (30).
// Data: 50 companies × 40 contacts, 40 technicians, 5% of tickets open, a seeded PRNG.
import './bench-env.js';
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompanyService, fullTextMatch, newId, parseSearchText } from '@switchboard/core';
import { registerAppFactory, createTestApp, REPO_ROOT } from '@switchboard/testing';
import { TicketCounterRepository } from '@switchboard/tickets';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const COMPANIES = 50;
const CONTACTS_PER_COMPANY = 40;
const TECHNICIANS = 40;

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

async function main(): Promise<void> {
  const t = await createTestApp();
  const ds = t.get(DataSource);
  const postgres = ds.options.type === 'postgres';
  try {
    const companies = [];
    for (let i = 0; i < COMPANIES; i++) companies.push(await t.get(CompanyService).create({ name: `Bench Co ${i}` }));
    const contacts: { id: string; companyId: string }[] = [];
    const contactRows: unknown[][] = [];
    for (const c of companies)
      for (let j = 0; j < CONTACTS_PER_COMPANY; j++) {
        const id = newId();
        const email = `u${j}.${c.id.slice(-6)}@bench.example`;
        contacts.push({ id, companyId: c.id });
        contactRows.push([
          id,
          c.id,
          `First${j}`,
          `Last${j}`,
          email,
          email,
          `+33 6 ${String(10_000_000 + contacts.length)}`,
        ]);
      }
    await bulk(ds, 'contacts', ['id', 'companyId', 'firstName', 'lastName', 'email', 'emailKey', 'phone'], contactRows);
    const techIds: string[] = [];
    for (let i = 0; i < TECHNICIANS; i++) techIds.push(newId());
    await bulk(
      ds,
      'accounts',
      ['id', 'name', 'email', 'passwordHash', 'role'],
      techIds.map((id, i) => [id, `Tech ${i}`, `tech${i}@bench.local`, 'x', 'technician']),
    );

    const started = Date.now();
    const base = Date.UTC(2024, 0, 1);
    const span = 365 * 24 * 3600 * 1000;
    const tickets: unknown[][] = [];
    const comments: unknown[][] = [];
    for (let n = 1; n <= TICKETS; n++) {
      const contact = pick(contacts);
      const status = rnd() < 0.05 ? 'open' : pick(['pending', 'resolved', 'closed'], [5, 40, 55]);
      const category = status === 'open' ? 'open' : status === 'pending' ? 'pending' : 'done';
      const priority = pick(['low', 'medium', 'high', 'critical'] as const, [30, 45, 20, 5]);
      const created = base + Math.floor((n / TICKETS) * span);
      const updated = created + Math.floor(rnd() * 7 * 24 * 3600 * 1000);
      const french = rnd() < 0.3;
      const title = french ? `${pick(FR)} en panne ${pick(FR)}` : `${pick(WORDS)} ${pick(WORDS)} issue`;
      const description = french
        ? `Le ${pick(FR)} ne fonctionne plus depuis la mise à jour, commande ${800_000_000 + n}.`
        : `The ${pick(WORDS)} does not work since the ${pick(WORDS)} update, order ${800_000_000 + n}.`;
      const id = newId(created);
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
        'minor',
        'incident',
        'read',
        'email',
        contact.id,
        contact.companyId,
        rnd() < 0.15 ? null : pick(techIds),
        '[]',
        '[]',
        new Date(created).toISOString(),
        new Date(updated).toISOString(),
      ]);
      const k = Math.floor(rnd() * (2 * COMMENTS + 1));
      for (let c = 0; c < k; c++)
        comments.push([
          newId(created + c + 1),
          id,
          'public',
          rnd() < 0.001
            ? 'The capybara firmware was replaced'
            : `Restarted the ${pick(WORDS)}, please check the ${pick(WORDS)} again (ref ${900_000 + n}).`,
          'technician',
          'Tech',
          'web',
          '[]',
          '[]',
          '[]',
          new Date(created + c + 1).toISOString(),
        ]);
      // Tickets first: the comments reference them.
      if (tickets.length >= 2000 || comments.length >= 2000) {
        await bulk(ds, 'tickets', TICKET_COLUMNS, tickets.splice(0));
        await bulk(ds, 'ticket_comments', COMMENT_COLUMNS, comments.splice(0));
      }
    }
    if (tickets.length) await bulk(ds, 'tickets', TICKET_COLUMNS, tickets.splice(0));
    if (comments.length) await bulk(ds, 'ticket_comments', COMMENT_COLUMNS, comments.splice(0));
    await t.get(TicketCounterRepository).set('tickets', TICKETS);
    await ds.query(postgres ? 'ANALYZE' : 'ANALYZE');
    const loadSeconds = (Date.now() - started) / 1000;
    const [{ count }] = await ds.query('SELECT COUNT(*) AS count FROM "ticket_comments"');
    console.log(
      `${postgres ? 'postgresql' : 'sqlite'}: inserted ${TICKETS} tickets, ${count} comments in ${loadSeconds.toFixed(1)} s`,
    );

    const h = { Authorization: `Bearer ${t.technicianToken}` };
    const time = async (path: string, query: Record<string, string>): Promise<number> => {
      const t0 = process.hrtime.bigint();
      const res = await t.http().get(path).query(query).set(h);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return ms;
    };
    const scenarios: { name: string; path: string; query: Record<string, string> }[] = [
      { name: 'search common word "printer"', path: '/api/search', query: { q: 'printer' } },
      { name: 'search two words "vpn backup"', path: '/api/search', query: { q: 'vpn backup' } },
      { name: 'search rare stem "capybaras"', path: '/api/search', query: { q: 'capybaras' } },
      { name: 'search French stem "imprimantes"', path: '/api/search', query: { q: 'imprimantes' } },
      { name: 'search number fragment "0012345"', path: '/api/search', query: { q: '0012345' } },
      { name: 'search contact "last12"', path: '/api/search', query: { q: 'last12' } },
      { name: 'list default (-updated)', path: '/api/tickets', query: { limit: '50' } },
      { name: 'list status=category:open', path: '/api/tickets', query: { status: 'category:open', limit: '50' } },
      {
        name: 'list company + -created',
        path: '/api/tickets',
        query: { company: companies[7].id, sort: '-created', limit: '50' },
      },
      { name: 'list q=printer', path: '/api/tickets', query: { q: 'printer', limit: '50' } },
      { name: 'list q=0012345 (fragment)', path: '/api/tickets', query: { q: '0012345', limit: '50' } },
    ];
    const results: Record<string, unknown>[] = [];
    for (const s of scenarios) {
      await time(s.path, s.query); // warm-up
      const ms: number[] = [];
      for (let r = 0; r < ROUNDS; r++) ms.push(await time(s.path, s.query));
      ms.sort((a, b) => a - b);
      const r = { scenario: s.name, p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1) };
      results.push(r);
      console.log(`${s.name.padEnd(40)} p50 ${String(r.p50).padStart(7)} ms   p95 ${String(r.p95).padStart(7)} ms`);
    }

    // The plans of the search's ticket and comment queries, and of the list's default page.
    const driver = postgres ? 'postgres' : 'sqlite';
    const explain = async (label: string, sql: string, params: unknown[]) => {
      const prefix = postgres ? 'EXPLAIN (ANALYZE, BUFFERS) ' : 'EXPLAIN QUERY PLAN ';
      const rows = (await ds.query(prefix + sql, params)) as Record<string, unknown>[];
      console.log(`\n-- ${label}\n${rows.map((r) => (postgres ? r['QUERY PLAN'] : `${r.detail}`)).join('\n')}`);
    };
    for (const q of ['printer', '0012345']) {
      const m = fullTextMatch(driver, 'tickets', 'raw', 't', parseSearchText(q));
      const [sql, params] = ds
        .createQueryBuilder()
        .select('t."id"')
        .from('tickets', 't')
        .where(m.where, m.params)
        .orderBy('t."updatedAt"', 'DESC')
        .limit(5)
        .getQueryAndParameters();
      await explain(`search tickets q=${q}`, sql, params);
      const c = fullTextMatch(driver, 'comments', 'raw', 'c', parseSearchText(q));
      const [csql, cparams] = ds
        .createQueryBuilder()
        .select('c."id"')
        .from('ticket_comments', 'c')
        .innerJoin('tickets', 't', 't."id" = c."ticketId"')
        .where(c.where, c.params)
        .orderBy('c."createdAt"', 'DESC')
        .limit(15)
        .getQueryAndParameters();
      await explain(`search comments q=${q}`, csql, cparams);
    }
    // The statements planFullText runs (#20), under its planner settings: the bounded walk of the
    // newest 250 rows, the probe (bitmap only, up to 2,000 ids), the read of the probed ids.
    if (postgres) {
      const inTx = async (settings: string, label: string, sql: string, params: unknown[]) => {
        await ds.transaction(async (m) => {
          await m.query(settings);
          const rows = (await m.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as Record<string, unknown>[];
          console.log(`\n-- ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
        });
      };
      const walk = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off';
      const probe =
        'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off';
      for (const q of ['printer', 'capybaras', 'imprimantes', '0012345']) {
        const search = parseSearchText(q);
        for (const [name, alias, table, sort] of [
          ['tickets', 't', 'tickets', 'updatedAt'],
          ['comments', 'c', 'ticket_comments', 'createdAt'],
        ] as const) {
          const m = fullTextMatch(driver, name, 'raw', alias, search);
          const [bound] = (await ds.query(
            `SELECT "${sort}" AS value, "id" FROM "${table}" ORDER BY "${sort}" DESC, "id" DESC OFFSET 249 LIMIT 1`,
          )) as { value: Date; id: string }[];
          const [wsql, wparams] = ds
            .createQueryBuilder()
            .select(`${alias}."id"`)
            .from(table, alias)
            .where(m.where, m.params)
            .andWhere(`(${alias}."${sort}", ${alias}."id") >= (:bv, :bid)`, { bv: bound.value, bid: bound.id })
            .orderBy(`${alias}."${sort}"`, 'DESC')
            .addOrderBy(`${alias}."id"`, 'DESC')
            .limit(15)
            .getQueryAndParameters();
          if (!search.substring)
            await inTx(walk, `planFullText ${name} q=${q}: bounded walk (250 newest)`, wsql, wparams);
          const [psql, pparams] = ds
            .createQueryBuilder()
            .select(`${alias}."id"`, 'id')
            .from(table, alias)
            .where(m.where, m.params)
            .limit(2000)
            .getQueryAndParameters();
          await inTx(probe, `planFullText ${name} q=${q}: probe (bitmap only, ≤ 2000 ids)`, psql, pparams);
          const ids = ((await ds.query(psql, pparams)) as { id: string }[]).map((r) => r.id);
          if (ids.length && ids.length < 2000) {
            const [isql, iparams] = ds
              .createQueryBuilder()
              .select(`${alias}."id"`)
              .from(table, alias)
              .where(`${alias}."id" IN (:...ids)`, { ids })
              .orderBy(`${alias}."${sort}"`, 'DESC')
              .addOrderBy(`${alias}."id"`, 'DESC')
              .limit(15)
              .getQueryAndParameters();
            await inTx('SELECT 1', `planFullText ${name} q=${q}: read of the ${ids.length} probed ids`, isql, iparams);
          }
        }
      }
    }
    await explain('list default page', 'SELECT "id" FROM "tickets" ORDER BY "updatedAt" DESC, "id" DESC LIMIT 51', []);

    const out = {
      date: new Date().toISOString(),
      database: driver,
      tickets: TICKETS,
      comments: Number(count),
      rounds: ROUNDS,
      loadSeconds,
      results,
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, `bench/results/search-${driver}.json`), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote bench/results/search-${driver}.json`);
  } finally {
    await t.close();
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

/** Multi-row INSERTs (placeholders per driver). */
async function bulk(ds: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const postgres = ds.options.type === 'postgres';
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const values = rows
      .slice(i, i + per)
      .map((row) => `(${row.map((v) => (params.push(v), postgres ? `$${params.length}` : '?')).join(', ')})`)
      .join(', ');
    await ds.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, params);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
