import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CaseType = 'live_chat' | 'support_request';
export type CaseStatus = 'unassigned' | 'assigned' | 'resolved';
export type ChatStatus = 'waiting' | 'active' | 'ended';

export interface CaseDevice {
  browser: string | null;
  os: string | null;
  deviceType: string;
  language: string | null;
  userAgent: string | null;
}

/**
 * A portal submission on the technicians' dashboard. Its id IS the conversation's id (the
 * visitor's case id from the start), so a live chat that becomes a support request keeps it.
 * Customer names/email are not copied here: they live on the contact (one place to erase).
 */
@Entity('cases')
@Index(['companyId', 'status', 'createdAt'])
@Index(['assigneeId', 'status'])
export class CaseEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 36 })
  portalId: string;

  @Column({ ...JSON_COLUMN })
  portal: { id: string; name: string; subdomain: string };

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  contactId: string | null;

  /** The contact was created by this submission (deleting the case may delete it). */
  @Column('boolean', { default: false })
  contactCreated: boolean;

  @Column('varchar', { length: 20 })
  type: CaseType;

  @Column('varchar', { length: 16 })
  status: CaseStatus;

  @Column('varchar', { length: 16 })
  chatStatus: ChatStatus;

  @Column('varchar', { length: 40, nullable: true })
  endedReason: string | null;

  @Column('varchar', { length: 36, nullable: true })
  assigneeId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  assigneeName: string | null;

  @Column('text')
  question: string;

  @Column({ ...JSON_COLUMN, nullable: true })
  preview: string[] | null;

  @Column({ ...JSON_COLUMN, nullable: true })
  device: CaseDevice | null;

  @Column('varchar', { length: 36, nullable: true })
  ticketId: string | null;

  @Column('integer', { nullable: true })
  ticketNumber: number | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  submittedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  assignedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  resolvedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  endedAt: Date | null;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
