import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { ActorKind } from '../ticket.types.js';
import { TicketEntity } from './ticket.entity.js';

/** One line of a ticket's activity log: who changed what, from what to what, when. */
@Entity('ticket_activities')
@Index(['ticketId', 'id'])
export class TicketActivityEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticketId' })
  ticket?: Relation<TicketEntity>;

  @Column('varchar', { length: 30 })
  action: string;

  @Column('varchar', { length: 12 })
  actorKind: ActorKind;

  @Column('varchar', { length: 36, nullable: true })
  actorId: string | null;

  @Column('varchar', { length: 200 })
  actorName: string;

  @Column({ ...JSON_COLUMN, nullable: true })
  fromValue: unknown;

  @Column({ ...JSON_COLUMN, nullable: true })
  toValue: unknown;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
