import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WrapUpCause } from '../routing.types.js';

/**
 * An agent's wrap-up of a queue-routed conversation: opened when the agent's part ended (they ended
 * it, the customer did, a transfer or conference ended it for them), closed when they submit a reason.
 * While open it holds the agent's chat slot (Webex: the agent is in wrap-up until they submit).
 */
@Entity('routing_wrap_ups')
@Index(['accountId', 'wrappedAt'])
@Index(['queueId', 'wrappedAt'])
export class WrapUpEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  conversationId: string;

  @Column('varchar', { length: 36 })
  accountId: string;

  @Column('varchar', { length: 36 })
  queueId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 20 })
  cause: WrapUpCause;

  /**
   * `<conversationId>:<accountId>` while open, null once submitted: the unique index lets one
   * wrap-up be open per agent and conversation even when two instances open it at once.
   */
  @Index({ unique: true })
  @Column('varchar', { length: 80, nullable: true })
  openKey: string | null;

  /** Whether submitting frees one of the agent's chat slots. */
  @Column('boolean', { default: true })
  holdsSlot: boolean;

  @Column({ ...DATE_COLUMN })
  openedAt: Date;

  /** When the conversation was accepted by this agent (handle time = openedAt - acceptedAt). */
  @Column({ ...DATE_COLUMN, nullable: true })
  acceptedAt: Date | null;

  @Column('varchar', { length: 36, nullable: true })
  reasonId: string | null;

  /** The reason's label when it was picked (the reason may be renamed or deleted later). */
  @Column('varchar', { length: 100, nullable: true })
  reasonLabel: string | null;

  @Column('varchar', { length: 1000, nullable: true })
  note: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  wrappedAt: Date | null;
}
