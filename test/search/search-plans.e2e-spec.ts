import { CompanyService, FULL_TEXT_PROBE_LIMIT, FULL_TEXT_WINDOW_ROWS, newId } from '@switchboard/core';
import { createTestApp, type TestApp } from '@switchboard/testing';
import { TicketCounterRepository } from '@switchboard/tickets';
import { DataSource } from 'typeorm';

/**
 * #20: the plans the search and the list's q choose on PostgreSQL from the data (planFullText) —
 * a dense term read from the newest rows, a rare one from the probed ids, a common one absent from
 * the newest rows by an unbounded walk — must all return the same rows, in the same order, as the
 * plain query (what SQLite runs). Enough rows to take each path.
 */
describe('#20 search plans (dense, rare, common but old)', () => {
  let t: TestApp;
  // Older tickets hold "printer" (more than the probe reads), the newest window holds "quiet",
  // "zanzibar" is in three tickets and three comments.
  const OLD = FULL_TEXT_PROBE_LIMIT + 100;
  const TOTAL = OLD + FULL_TEXT_WINDOW_ROWS + 100;
  const RARE = [5, 1500, OLD + 50];

  const list = async (q: string, cursor?: string) =>
    (
      await t
        .http()
        .get('/api/tickets')
        .query({ q, limit: 50, ...(cursor ? { cursor } : {}) })
        .set({ Authorization: `Bearer ${t.technicianToken}` })
        .expect(200)
    ).body as { items: { number: number }[]; nextCursor: string | null };
  const search = async (q: string) =>
    (
      await t
        .http()
        .get('/api/search')
        .query({ q })
        .set({ Authorization: `Bearer ${t.technicianToken}` })
        .expect(200)
    ).body as { tickets: { number: number; matchedIn: string }[] };
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from - i);

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.get(DataSource);
    const company = await t.get(CompanyService).create({ name: 'Plans Co' });
    const contactId = newId();
    await bulk(
      ds,
      'contacts',
      ['id', 'companyId', 'firstName', 'lastName', 'email', 'emailKey'],
      [[contactId, company.id, 'Pat', 'Plans', 'pat@plans.example', 'pat@plans.example']],
      [],
    );
    const base = Date.UTC(2025, 0, 1);
    const tickets: unknown[][] = [];
    const comments: unknown[][] = [];
    for (let n = 1; n <= TOTAL; n++) {
      // SQLite stores datetimes as "YYYY-MM-DD HH:MM:SS.SSS" (what TypeORM writes and compares).
      const iso = new Date(base + n * 60_000).toISOString();
      const at = ds.options.type === 'postgres' ? iso : iso.replace('T', ' ').replace('Z', '');
      const id = newId(base + n * 60_000);
      const title = n <= OLD ? `printer jam ${n}` : `quiet desk ${n}`;
      const description = RARE.includes(n) ? 'Seen in zanzibar' : 'Nothing else';
      tickets.push([id, n, title, description, `${title}\n${description}`, company.id, contactId, at, at]);
      comments.push([
        newId(base + n * 60_000 + 1),
        id,
        RARE.includes(n) ? 'zanzibar again' : `printer ${n} checked`,
        at,
      ]);
    }
    await bulk(
      ds,
      'tickets',
      ['id', 'number', 'title', 'description', 'searchText', 'companyId', 'requesterId', 'createdAt', 'updatedAt'],
      tickets,
      [
        ['status', 'open'],
        ['statusCategory', 'open'],
        ['priority', 'medium'],
        ['priorityRank', 2],
        ['impact', 'minor'],
        ['type', 'incident'],
        ['activityStatus', 'read'],
        ['source', 'email'],
        ['cc', '[]'],
        ['mailReferences', '[]'],
      ],
    );
    await bulk(ds, 'ticket_comments', ['id', 'ticketId', 'body', 'createdAt'], comments, [
      ['visibility', 'public'],
      ['authorKind', 'technician'],
      ['authorName', 'Tech'],
      ['source', 'web'],
      ['cc', '[]'],
      ['notify', '[]'],
      ['attachments', '[]'],
    ]);
    await t.get(TicketCounterRepository).set('tickets', TOTAL);
    await ds.query('ANALYZE');
  });
  afterAll(() => t?.close());

  it('a dense term: the newest page, and the next page by cursor', async () => {
    const first = await list('quiet');
    expect(first.items.map((i) => i.number)).toEqual(range(TOTAL, 50));
    const second = await list('quiet', first.nextCursor!);
    expect(second.items.map((i) => i.number)).toEqual(range(TOTAL - 50, 50));
    expect((await search('quiet')).tickets.map((h) => h.number)).toEqual(range(TOTAL, 5));
  });

  it('a rare term: exactly its matches, newest first, in the list and in tickets and comments of the search', async () => {
    const page = await list('zanzibar');
    expect(page.items.map((i) => i.number)).toEqual([...RARE].reverse());
    expect(page.nextCursor).toBeNull();
    const hits = (await search('zanzibar')).tickets;
    expect(hits.map((h) => h.number)).toEqual([...RARE].reverse());
  });

  it('a common term absent from the newest rows: the newest of its matches', async () => {
    expect((await list('printer')).items.map((i) => i.number)).toEqual(range(OLD, 50));
    // The search: the newest "printer" tickets and the newer tickets whose comment says "printer".
    const hits = (await search('printer')).tickets;
    expect(hits.map((h) => h.number)).toEqual(range(TOTAL, 5));
    expect(hits.every((h) => h.matchedIn === 'comment')).toBe(true);
  });

  it('a fragment (substring) in the list: the tickets holding it', async () => {
    expect((await list('rinter jam 150')).items.map((i) => i.number)).toEqual([...range(1509, 10), 150]);
  });
});

/** Multi-row INSERTs with constant columns appended (placeholders per driver). */
async function bulk(
  ds: DataSource,
  table: string,
  columns: string[],
  rows: unknown[][],
  constants: [string, unknown][],
) {
  const postgres = ds.options.type === 'postgres';
  const all = [...columns, ...constants.map(([c]) => c)];
  const per = Math.floor(30_000 / all.length);
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const values = rows
      .slice(i, i + per)
      .map(
        (row) =>
          `(${[...row, ...constants.map(([, v]) => v)].map((v) => (params.push(v), postgres ? `$${params.length}` : '?')).join(', ')})`,
      )
      .join(', ');
    await ds.query(`INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, params);
  }
}
