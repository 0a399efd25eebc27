import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN, JSON_COLUMN, type MailAttachmentRef, type OutboxStatus } from '@switchboard/core';

/** The record of every mail the core sent (and, until a transport exists, the only delivery). */
@Entity('outbox_messages')
@Index(['status', 'id'])
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

  /** Name of the transport that delivered it (or last tried), or null when only recorded. */
  @Column('varchar', { length: 100, nullable: true })
  transport: string | null;

  /** recorded (no transport) | queued (first attempt under way) | sent | retrying (deadline row scheduled) | failed (gave up; admins may retry). */
  @Column('varchar', { length: 12, default: 'recorded' })
  status: OutboxStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  sentAt: Date | null;

  @Column({ ...JSON_COLUMN, nullable: true })
  attachments: MailAttachmentRef[] | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
