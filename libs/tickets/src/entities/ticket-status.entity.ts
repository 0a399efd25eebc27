import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StatusCategory } from '../ticket.types.js';

/** Built-in (open, pending, resolved, closed) and admin-defined statuses. */
@Entity('ticket_statuses')
export class TicketStatusEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 40 })
  key: string;

  @Column('varchar', { length: 100 })
  name: string;

  // French label (#16): the admin's own column stays the default; this one shows to French readers when set.
  @Column('varchar', { length: 100, nullable: true })
  nameFr: string | null;

  @Column('varchar', { length: 10 })
  category: StatusCategory;

  @Column('boolean', { default: false })
  builtIn: boolean;

  @Column('integer', { default: 0 })
  position: number;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
