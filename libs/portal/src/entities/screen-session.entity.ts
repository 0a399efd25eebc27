import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ScreenSessionStatus = 'requested' | 'active' | 'ended';

/**
 * One screen sharing session of a portal chat (issue #19). A row, not socket memory, so the two
 * sockets of a session may sit on different instances: every relayed signal is checked against it.
 */
@Entity('screen_sessions')
@Index(['conversationId', 'status'])
export class ScreenSessionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 36 })
  technicianId: string;

  @Column('varchar', { length: 200 })
  technicianName: string;

  /** The technician's socket that asked: the only one that gets the visitor's signals. */
  @Column('varchar', { length: 64 })
  technicianSocketId: string;

  /** The visitor's socket that accepted (null while requested). */
  @Column('varchar', { length: 64, nullable: true })
  visitorSocketId: string | null;

  @Column('varchar', { length: 16 })
  status: ScreenSessionStatus;

  /** The admin setting at request time (the visitor was told). */
  @Column('boolean', { default: false })
  recording: boolean;

  @Column('varchar', { length: 32, nullable: true })
  endedReason: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  startedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  endedAt: Date | null;
}
