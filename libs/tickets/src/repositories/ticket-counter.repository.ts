import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tx } from '@switchboard/core';

/**
 * Human ticket numbers. One upsert statement both creates the counter row and increments it;
 * inside the creating transaction the row lock serializes concurrent creators on PostgreSQL
 * (SQLite has a single writer anyway), so numbers are unique and gap-free across instances.
 */
@Injectable()
export class TicketCounterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async next(name: string, tx: Tx): Promise<number> {
    // Same statement on both drivers (SQLite >= 3.35 has upsert + RETURNING); only placeholders differ.
    const rows: { value: number | string }[] = await tx.manager.query(
      `INSERT INTO ticket_counters (id, value) VALUES (${this.p(1)}, 1) ON CONFLICT (id) DO UPDATE SET value = ticket_counters.value + 1 RETURNING value`,
      [name],
    );
    return Number(rows[0].value);
  }

  /** Bulk loaders (benchmark, imports) move the counter past the numbers they wrote. */
  async set(name: string, value: number, tx?: Tx): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).query(
      `INSERT INTO ticket_counters (id, value) VALUES (${this.p(1)}, ${this.p(2)}) ON CONFLICT (id) DO UPDATE SET value = excluded.value`,
      [name, value],
    );
  }

  private p(i: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${i}` : '?';
  }
}
