import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AttachmentMeta, AuthorKind, CcEntry, CommentSource, Visibility } from '../ticket.types.js';
import { TicketEntity } from './ticket.entity.js';

/** A public reply or an internal note on a ticket. */
@Entity('ticket_comments')
// Full-text expression indexes (#20), hand-written in the PostgreSQL migration: kept, not generated.
@Index('IDX_fts_ticket_comments_raw_words', { synchronize: false })
@Index('IDX_fts_ticket_comments_raw_trgm', { synchronize: false })
@Index(['ticketId', 'id'])
// The global search walks the newest comments in this order when a term is common (#20).
@Index(['createdAt', 'id'])
export class TicketCommentEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticketId' })
  ticket?: Relation<TicketEntity>;

  @Column('varchar', { length: 10 })
  visibility: Visibility;

  @Column('text')
  body: string;

  @Column('varchar', { length: 10 })
  authorKind: AuthorKind;

  @Column('varchar', { length: 36, nullable: true })
  authorId: string | null;

  /** Name at the time of writing: the log stays readable when the person is gone. */
  @Column('varchar', { length: 200 })
  authorName: string;

  @Column('varchar', { length: 20 })
  source: CommentSource;

  @Column('boolean', { default: false })
  truncated: boolean;

  @Column({ ...JSON_COLUMN })
  cc: CcEntry[];

  @Column({ ...JSON_COLUMN })
  notify: string[];

  @Column({ ...JSON_COLUMN })
  attachments: AttachmentMeta[];

  /** Message-ID of the email this comment came from or was sent as (email threading looks it up). */
  @Index()
  @Column('varchar', { length: 300, nullable: true })
  messageId: string | null;

  /** The stored original message (.eml) of an inbound email: `GET .../comments/:id/original`. */
  @Column('varchar', { length: 36, nullable: true })
  originalFileId: string | null;

  /**
   * The ticket's opening message (the first mail of an email ticket, #15): it is the ticket's Request,
   * shown once as the Request card with its files and original, never as a second message.
   */
  @Column('boolean', { default: false })
  opening: boolean;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
