import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per sequence ('tickets'): incremented atomically inside the creating transaction. */
@Entity('ticket_counters')
export class TicketCounterEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('integer')
  value: number;
}
