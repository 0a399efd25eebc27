import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN } from '../database/column-types.js';

/**
 * One inbound message a channel handed to the core, keyed by the channel's external id (an
 * email's Message-ID): the unique index is the de-duplication across SMTP retries, webhook
 * retries, IMAP re-reads and instances. Also the per-sender rate limit's counter.
 */
@Entity('channel_inbound_messages')
@Index(['channel', 'externalId'], { unique: true })
@Index(['channel', 'fromAddress', 'createdAt'])
export class InboundMessageEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** The channel type (`email`). */
  @Column('varchar', { length: 32 })
  channel: string;

  @Column('varchar', { length: 500 })
  externalId: string;

  @Column('varchar', { length: 64 })
  pluginId: string;

  @Column('varchar', { length: 36, nullable: true })
  instanceId: string | null;

  /** Lower-cased sender address. */
  @Column('varchar', { length: 320 })
  fromAddress: string;

  /** `processing` while the pipeline runs, then the InboundResult status. */
  @Column('varchar', { length: 16 })
  status: string;

  @Column('varchar', { length: 40, nullable: true })
  reason: string | null;

  @Column('integer', { nullable: true })
  ticketNumber: number | null;

  @Column('varchar', { length: 36, nullable: true })
  commentId: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
