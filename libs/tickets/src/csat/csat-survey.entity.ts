import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One satisfaction survey per resolution of a ticket (#18.4). Only the link token's SHA-256 is
 * stored (like a portal sign-in link). A newer resolution, or a reopening, supersedes the pending
 * one: its link is refused from then on. Assignee and company are copied at resolution, so the
 * report credits whoever resolved it even if the ticket is reassigned later.
 */
@Entity('csat_surveys')
@Index(['ticketId', 'resolution'], { unique: true })
@Index(['answeredAt'])
export class CsatSurveyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  /** 1 for the first resolution of the ticket, 2 after a reopen and a second resolution... */
  @Column('integer')
  resolution: number;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 36 })
  contactId: string;

  @Column('varchar', { length: 36, nullable: true })
  assigneeId: string | null;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('integer', { nullable: true })
  score: number | null;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  answeredAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  supersededAt: Date | null;

  /** When the ticket was resolved. */
  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
