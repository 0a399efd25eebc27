// Benchmark: GET /api/tickets (filters + cursor pages) on 100,000 tickets, PostgreSQL, through
// the real HTTP app. Run: node -r ./scripts/register.cjs bench/tickets/ticket-list.bench.ts
// (not part of npm test). Uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
// as the admin connection; createTestApp makes and drops a fresh database.
import './bench-env.js';
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompanyService, newId } from '@switchboard/core';
import { registerAppFactory, createTestApp, REPO_ROOT } from '@switchboard/testing';
import { TicketCounterRepository } from '@switchboard/tickets';
import { DataSource } from 'typeorm';

registerAppFactory(async (config, clock) =>
  (await import('../../apps/api/src/app.module.js')).AppModule.forRoot(config, clock),
);

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const COMPANIES = 50;
const CONTACTS_PER_COMPANY = 40;
const TECHNICIANS = 25;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

// Seeded PRNG: the same data every run.
let state = 42;
const rnd = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[], weights?: number[]): T => {
  if (!weights) return xs[Math.floor(rnd() * xs.length)];
  let r = rnd() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) < 0) return xs[i];
  return xs[xs.length - 1];
};
const WORDS = [
  'printer',
  'vpn',
  'laptop',
  'outlook',
  'password',
  'wifi',
  'monitor',
  'invoice',
  'backup',
  'server',
  'slow',
  'crash',
  'license',
  'phone',
  'scanner',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const t = await createTestApp();
  try {
    const ds = t.get(DataSource);
    const companies = [];
    for (let i = 0; i < COMPANIES; i++) companies.push(await t.get(CompanyService).create({ name: `Bench Co ${i}` }));
    const contacts: { id: string; companyId: string }[] = [];
    const contactRows: unknown[][] = [];
    for (const c of companies)
      for (let j = 0; j < CONTACTS_PER_COMPANY; j++) {
        const id = newId();
        contacts.push({ id, companyId: c.id });
        contactRows.push([
          id,
          c.id,
          `First${j}`,
          `Last${j}`,
          `u${j}@${c.id.slice(0, 8)}.example`,
          `u${j}@${c.id.slice(0, 8)}.example`,
        ]);
      }
    await bulk(ds, 'contacts', ['id', 'companyId', 'firstName', 'lastName', 'email', 'emailKey'], contactRows);
    const techIds = [t.technician.id, t.admin.id];
    for (let i = 0; i < TECHNICIANS; i++) techIds.push(newId());
    await bulk(
      ds,
      'accounts',
      ['id', 'name', 'email', 'passwordHash', 'role'],
      techIds.slice(2).map((id, i) => [id, `Tech ${i}`, `tech${i}@bench.local`, 'x', 'technician']),
    );

    const started = Date.now();
    const statuses = ['open', 'pending', 'resolved', 'closed'] as const;
    const cats = { open: 'open', pending: 'pending', resolved: 'done', closed: 'done' } as const;
    const base = Date.UTC(2024, 0, 1);
    const span = 365 * 24 * 3600 * 1000;
    const rows: unknown[][] = [];
    for (let n = 1; n <= TICKETS; n++) {
      const contact = pick(contacts);
      const status = pick(statuses, [20, 10, 30, 40]);
      const priority = pick(['low', 'medium', 'high', 'critical'] as const, [30, 45, 20, 5]);
      const created = base + Math.floor((n / TICKETS) * span);
      const updated = created + Math.floor(rnd() * 7 * 24 * 3600 * 1000);
      rows.push([
        newId(created),
        n,
        `${pick(WORDS)} ${pick(WORDS)} issue ${n}`,
        `The ${pick(WORDS)} does not work since ${pick(WORDS)} update.`,
        status,
        cats[status],
        priority,
        { low: 1, medium: 2, high: 3, critical: 4 }[priority],
        pick(['minor', 'moderate', 'major', 'site_down'], [60, 25, 12, 3]),
        pick(['incident', 'problem', 'request', 'change'], [55, 10, 30, 5]),
        pick(['unread', 'read', 'waiting_for_contact', 'waiting_for_technician']),
        pick(['web', 'email', 'portal', 'chat'], [20, 50, 20, 10]),
        contact.id,
        contact.companyId,
        rnd() < 0.15 ? null : pick(techIds),
        '[]',
        '[]',
        new Date(created).toISOString(),
        new Date(updated).toISOString(),
      ]);
      if (rows.length === 2000) await bulk(ds, 'tickets', TICKET_COLUMNS, rows.splice(0));
    }
    if (rows.length) await bulk(ds, 'tickets', TICKET_COLUMNS, rows.splice(0));
    await t.get(TicketCounterRepository).set('tickets', TICKETS);
    await ds.query('ANALYZE');
    const loadSeconds = (Date.now() - started) / 1000;
    console.log(`inserted ${TICKETS} tickets in ${loadSeconds.toFixed(1)} s`);

    const h = { Authorization: `Bearer ${t.technicianToken}` };
    const company = companies[7].id;
    const scenarios: { name: string; query: Record<string, string> }[] = [
      { name: 'default (-updated)', query: {} },
      { name: 'status=open', query: { status: 'open' } },
      { name: 'status=category:open + assignee=me', query: { status: 'category:open', assignee: 'me' } },
      { name: 'company + -created', query: { company, sort: '-created' } },
      { name: 'priority=critical + type=incident', query: { priority: 'critical', type: 'incident' } },
      { name: 'sort=-priority', query: { sort: '-priority' } },
      { name: 'requester', query: { requester: contacts[123].id } },
      { name: 'text q=printer', query: { q: 'printer' } },
    ];
    const results: Record<string, unknown>[] = [];
    for (const s of scenarios) {
      const first: number[] = [];
      const deep: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let cursor: string | null = null;
        for (let page = 0; page < 5; page++) {
          const t0 = process.hrtime.bigint();
          const res: { status: number; body: { nextCursor: string | null } } = await t
            .http()
            .get('/api/tickets')
            .query({ ...s.query, limit: '50', ...(cursor ? { cursor } : {}) })
            .set(h);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${JSON.stringify(res.body)}`);
          (page === 0 ? first : deep).push(ms);
          cursor = res.body.nextCursor;
          if (!cursor) break;
        }
      }
      first.sort((a, b) => a - b);
      deep.sort((a, b) => a - b);
      const all = [...first, ...deep].sort((a, b) => a - b);
      const r = {
        scenario: s.name,
        requests: all.length,
        p50: +percentile(all, 50).toFixed(1),
        p95: +percentile(all, 95).toFixed(1),
        firstPageP50: +percentile(first, 50).toFixed(1),
        cursorPagesP50: deep.length ? +percentile(deep, 50).toFixed(1) : null,
        cursorPagesP95: deep.length ? +percentile(deep, 95).toFixed(1) : null,
      };
      results.push(r);
      console.log(
        `${s.name.padEnd(40)} p50 ${String(r.p50).padStart(6)} ms   p95 ${String(r.p95).padStart(6)} ms   (cursor pages p50 ${r.cursorPagesP50} / p95 ${r.cursorPagesP95})`,
      );
    }
    const out = {
      date: new Date().toISOString(),
      tickets: TICKETS,
      pageSize: 50,
      pagesPerRound: 5,
      rounds: ROUNDS,
      loadSeconds,
      database: 'postgresql',
      results,
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'bench/results/ticket-list.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('wrote bench/results/ticket-list.json');
  } finally {
    await t.close();
  }
}

const TICKET_COLUMNS = [
  'id',
  'number',
  'title',
  'description',
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

/** One multi-row INSERT per batch (PostgreSQL placeholders). */
async function bulk(ds: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const params: unknown[] = [];
    const values = chunk
      .map(
        (row) =>
          `(${row
            .map((v) => {
              params.push(v);
              return `$${params.length}`;
            })
            .join(', ')})`,
      )
      .join(', ');
    await ds.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, params);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
