import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContactRoutingState } from '../routing.types.js';

/**
 * A queue-routed conversation's place in its queue (id = conversation id). Every move is one
 * conditional UPDATE on `state` (and `offeredTo`), so two instances never offer it twice; its
 * deadlines (offer expiry, max wait) are conversation timer rows written in the same transaction.
 */
@Entity('routing_contacts')
@Index(['queueId', 'state', 'arrivedAt'])
export class RoutingContactEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  queueId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column({ ...DATE_COLUMN })
  arrivedAt: Date;

  @Column('boolean', { default: false })
  proactive: boolean;

  @Column('varchar', { length: 16 })
  state: ContactRoutingState;

  /** The agent it is offered to / accepted by. */
  @Column('varchar', { length: 36, nullable: true })
  offeredTo: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  offerExpiresAt: Date | null;

  /** Agents it was offered to already (declined or rang out): skipped while others are Available. */
  @Column({ ...JSON_COLUMN })
  triedIds: string[];

  /** The agent who transferred it (to a queue or to an agent); the next offers show "Transferred by". */
  @Column('varchar', { length: 36, nullable: true })
  transferFromId: string | null;

  /**
   * The agent a transfer targets directly (null for a queue transfer): their decline or ring-out
   * abandons the transfer (back to the queue, the transferring agent told).
   */
  @Column('varchar', { length: 36, nullable: true })
  transferToId: string | null;

  /** When it left the queue (accepted, overflowed, withdrawn): the wait estimate reads it. */
  @Column({ ...DATE_COLUMN, nullable: true })
  leftAt: Date | null;
}
