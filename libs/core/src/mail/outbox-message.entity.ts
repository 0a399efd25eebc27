import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN, JSON_COLUMN } from '../database/column-types.js';

/** The record of every mail the core sent (and, until a transport exists, the only delivery). */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column({ ...JSON_COLUMN })
  to: string[];

  @Column({ ...JSON_COLUMN })
  cc: string[];

  @Column('varchar', { length: 1000 })
  subject: string;

  @Column('text')
  text: string;

  @Column('text')
  html: string;

  @Column({ ...JSON_COLUMN })
  headers: Record<string, string>;

  @Index()
  @Column('varchar', { length: 300 })
  messageId: string;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  ticketId: string | null;

  /** Name of the transport that delivered it, or null when only recorded. */
  @Column('varchar', { length: 100, nullable: true })
  transport: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
