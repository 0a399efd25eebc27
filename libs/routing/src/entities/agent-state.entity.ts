import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgentState } from '../routing.types.js';

/**
 * A technician's contact-centre state (id = account id). `activeChats` counts claimed slots; a
 * routing decision increments it in one conditional UPDATE, so two instances never exceed
 * `maxChats`. `idleSince` orders "longest idle" (the last time a slot freed or the agent became Available).
 */
@Entity('routing_agent_states')
export class AgentStateEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 16 })
  state: AgentState;

  @Column('integer', { default: 0 })
  activeChats: number;

  @Column('integer', { default: 3 })
  maxChats: number;

  @Column({ ...DATE_COLUMN })
  stateSince: Date;

  @Column({ ...DATE_COLUMN })
  idleSince: Date;
}
