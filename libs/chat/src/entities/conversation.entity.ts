import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConversationStatus } from '../chat.types.js';

/**
 * One conversation on any channel (portal live chat, agent chat, later email threads). The
 * channel-specific bits live in `meta` so routing, SLA and transfer code stays channel-agnostic.
 */
@Entity('conversations')
@Index(['companyId', 'status'])
@Index(['channel', 'channelInstanceId'])
export class ConversationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 40 })
  channel: string;

  /** The channel instance (portal id, mailbox id...), when the channel has instances. */
  @Column('varchar', { length: 36, nullable: true })
  channelInstanceId: string | null;

  @Column('varchar', { length: 16 })
  status: ConversationStatus;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  contactId: string | null;

  @Column('varchar', { length: 300, nullable: true })
  subject: string | null;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  ticketId: string | null;

  @Column({ ...JSON_COLUMN, nullable: true })
  meta: Record<string, unknown> | null;

  /** Last assigned message seq; bumped atomically by the group commit (UPDATE ... RETURNING). */
  @Column('integer', { default: 0 })
  lastSeq: number;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  lastMessageAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  endedAt: Date | null;

  @Column('varchar', { length: 40, nullable: true })
  endedReason: string | null;

  @Column('varchar', { length: 20, nullable: true })
  endedByKind: string | null;

  @Column('varchar', { length: 36, nullable: true })
  endedById: string | null;
}
