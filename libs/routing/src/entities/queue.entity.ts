import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A contact-centre queue: which companies' chats it takes, who answers them, and its timers. */
@Entity('routing_queues')
export class QueueEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** Unique (case-insensitive through `nameKey`): admins pick queues by name. */
  @Column('varchar', { length: 100 })
  name: string;

  @Index({ unique: true })
  @Column('varchar', { length: 100 })
  nameKey: string;

  @Column({ ...JSON_COLUMN })
  companyIds: string[];

  @Column({ ...JSON_COLUMN })
  memberIds: string[];

  /** How long an offer waits for Accept before RONA. */
  @Column('integer', { default: 20 })
  offerTimeoutSeconds: number;

  /** How long a contact waits in the queue before it overflows to a support request. */
  @Column('integer', { default: 600 })
  maxWaitSeconds: number;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
