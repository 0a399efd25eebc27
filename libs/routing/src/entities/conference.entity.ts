import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConferenceState } from '../routing.types.js';

/**
 * A second agent asked into a queue-routed chat by the agent who accepted it (#14). Every move is a
 * conditional UPDATE on `state`; the unique `openKey` (the conversation id while ringing or joined,
 * null after) keeps one open conference per conversation even when two instances request at once.
 */
@Entity('routing_conferences')
@Index(['conversationId', 'requestedAt'])
export class ConferenceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 36 })
  queueId: string;

  @Column('varchar', { length: 36 })
  requestedById: string;

  /** Names as they were at the request (shown in the pane and the pop-up without a lookup). */
  @Column('varchar', { length: 200 })
  requestedByName: string;

  @Column('varchar', { length: 36 })
  agentId: string;

  @Column('varchar', { length: 200 })
  agentName: string;

  @Column('varchar', { length: 16 })
  state: ConferenceState;

  @Index({ unique: true })
  @Column('varchar', { length: 36, nullable: true })
  openKey: string | null;

  @Column({ ...DATE_COLUMN })
  requestedAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  joinedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  endedAt: Date | null;

  @Column({ ...DATE_COLUMN })
  expiresAt: Date;
}
