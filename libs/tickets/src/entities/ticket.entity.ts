import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  ActivityStatus,
  CcEntry,
  Sentiment,
  StatusCategory,
  TicketImpact,
  TicketPriority,
  TicketSource,
  TicketType,
} from '../ticket.types.js';

/**
 * A ticket. Requester/company/assignee are plain ids (no FK): contacts and accounts belong to the
 * core and may be removed; the ticket keeps its history. Indexes serve the list's keyset pages.
 */
@Entity('tickets')
// Full-text expression indexes (#20), hand-written in the PostgreSQL migration: kept, not generated.
@Index('IDX_fts_tickets_raw_words', { synchronize: false })
@Index('IDX_fts_tickets_raw_trgm', { synchronize: false })
@Index('IDX_fts_tickets_masked_words', { synchronize: false })
@Index('IDX_fts_tickets_masked_trgm', { synchronize: false })
@Index(['updatedAt', 'id'])
@Index(['createdAt', 'id'])
@Index(['priorityRank', 'id'])
@Index(['status', 'updatedAt', 'id'])
@Index(['companyId', 'updatedAt', 'id'])
@Index(['assigneeId', 'updatedAt', 'id'])
@Index(['requesterId', 'updatedAt', 'id'])
// A company's or a technician's tickets by date or priority (#20: at 1M tickets, sorting their
// 20,000+ rows for each page took 50-300 ms on PostgreSQL; these walk in order and stop at 50).
@Index(['companyId', 'createdAt', 'id'])
@Index(['companyId', 'priorityRank', 'id'])
@Index(['assigneeId', 'createdAt', 'id'])
@Index(['assigneeId', 'priorityRank', 'id'])
// One requester's tickets by date, priority or number (#20: at 1M, ~500 rows fetched and sorted per page, 8-80 ms).
@Index(['requesterId', 'createdAt', 'id'])
@Index(['requesterId', 'priorityRank', 'id'])
@Index(['requesterId', 'number'])
// The "negative tickets" triage list (?sentiment=negative, newest activity first) pages on it.
@Index(['sentiment', 'updatedAt', 'id'])
// Saved views' counts (#15): open/pending × assignee (me, none, anyone) are COUNTs on this index alone.
@Index(['statusCategory', 'assigneeId'])
export class TicketEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index({ unique: true })
  @Column('integer')
  number: number;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('text')
  description: string;

  /**
   * Title and description with every PII entity masked (all types, whatever the company's policy):
   * what search matches for viewers who see the ticket masked (#13.2). Written by TicketRepository on
   * every insert and save; null until backfilled (then masked search simply does not match).
   */
  @Column('text', { nullable: true })
  searchText: string | null;

  @Column('varchar', { length: 40 })
  status: string;

  /** Copied from the status so `category:open` filters need no join. */
  @Column('varchar', { length: 10 })
  statusCategory: StatusCategory;

  @Column('varchar', { length: 10 })
  priority: TicketPriority;

  @Column('smallint')
  priorityRank: number;

  @Column('varchar', { length: 20 })
  impact: TicketImpact;

  @Index()
  @Column('varchar', { length: 20 })
  type: TicketType;

  @Column('varchar', { length: 36, nullable: true })
  productFamilyId: string | null;

  @Column('varchar', { length: 30 })
  activityStatus: ActivityStatus;

  @Column('varchar', { length: 20 })
  source: TicketSource;

  @Column('varchar', { length: 10, nullable: true })
  sentiment: Sentiment | null;

  /** The latest satisfaction score the requester gave (1–5, #18.4), for the badge in the header. */
  @Column('integer', { nullable: true })
  csatScore: number | null;

  /**
   * Null for a ticket without a contact: the automatic ticket of a chat with a device nobody has
   * identified on (#15). The company then comes from the channel, not from the requester.
   */
  @Column('varchar', { length: 36, nullable: true })
  requesterId: string | null;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 36, nullable: true })
  assigneeId: string | null;

  @Column({ ...JSON_COLUMN })
  cc: CcEntry[];

  @Column('integer', { nullable: true })
  mergedIntoNumber: number | null;

  /** Message-IDs of the ticket's outbound mails (capped), for In-Reply-To/References threading. */
  @Column({ ...JSON_COLUMN })
  mailReferences: string[];

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
