import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RuleAction, RuleConditions, RuleTrigger } from '../automation/automation.types.js';

/** Trigger + conditions + actions, evaluated in the transaction of the triggering change. */
@Entity('automation_rules')
export class AutomationRuleEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('boolean', { default: false })
  enabled: boolean;

  @Index()
  @Column('varchar', { length: 30 })
  trigger: RuleTrigger;

  @Column({ ...JSON_COLUMN })
  conditions: RuleConditions;

  @Column({ ...JSON_COLUMN })
  actions: RuleAction[];

  @Column('integer', { default: 0 })
  position: number;

  /** Set on seeded rules so seeding is idempotent across instances and restarts. */
  @Index({ unique: true })
  @Column('varchar', { length: 60, nullable: true })
  systemKey: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
