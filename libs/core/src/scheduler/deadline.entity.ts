import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DATE_COLUMN, JSON_COLUMN } from '../database/column-types.js';

export type DeadlineState = 'pending' | 'running' | 'failed';

/**
 * A timer as a row: "do <kind> with <payload> at <dueAt>". Any instance's sweep may fire it;
 * the claim is one atomic UPDATE, so exactly one does. Fired timers are deleted.
 */
@Entity('deadlines')
@Index(['state', 'dueAt'])
export class DeadlineEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 80 })
  kind: string;

  /** Optional identity ("chat.idle:<id>"): scheduling the same key again moves the timer. */
  @Index({ unique: true })
  @Column('varchar', { length: 200, nullable: true })
  key: string | null;

  @Column({ ...JSON_COLUMN, nullable: true })
  payload: Record<string, unknown> | null;

  @Column({ ...DATE_COLUMN })
  dueAt: Date;

  @Column('varchar', { length: 16, default: 'pending' })
  state: DeadlineState;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('integer', { default: 5 })
  maxAttempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('varchar', { length: 120, nullable: true })
  claimedBy: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  claimedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
