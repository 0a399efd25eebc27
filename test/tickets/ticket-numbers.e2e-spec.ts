import { FakeClock } from '@switchboard/core';
import { createTestApp } from '@switchboard/testing';
import { bearer, seedCompany } from './tickets.helper';

jest.setTimeout(60_000);

describe('ticket numbers', () => {
  it('stay unique and gap-free when two instances create tickets concurrently (PostgreSQL)', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      console.warn(
        'SKIPPED: set TEST_DATABASE_URL to run the two-instance ticket number test on PostgreSQL (SQLite has a single writer).',
      );
      return;
    }
    const clock = new FakeClock();
    const a = await createTestApp({ clock, instanceId: 'numbers-a' });
    const b = await createTestApp({ clock, database: a.database, seed: false, instanceId: 'numbers-b' });
    try {
      const { contact } = await seedCompany(a);
      const create = (app: typeof a, i: number) =>
        app
          .http()
          .post('/api/tickets')
          .set(bearer(a.technicianToken))
          .send({ title: `Concurrent ${i}`, description: 'x', requesterId: contact.id });
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => create(i % 2 ? b : a, i)));
      expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
      const numbers = results.map((r) => r.body.number as number).sort((x, y) => x - y);
      expect(new Set(numbers).size).toBe(60);
      expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => numbers[0] + i));
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('are sequential on one instance (any driver)', async () => {
    const t = await createTestApp();
    try {
      const { contact } = await seedCompany(t);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t
            .http()
            .post('/api/tickets')
            .set(bearer(t.technicianToken))
            .send({ title: `T${i}`, description: 'x', requesterId: contact.id }),
        ),
      );
      const numbers = results.map((r) => r.body.number as number).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await t.close();
    }
  });
});
