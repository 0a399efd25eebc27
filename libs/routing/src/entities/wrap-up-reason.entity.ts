import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why a conversation ended, picked by the agent in the wrap-up dialog. Inactive reasons stay for history. */
@Entity('routing_wrap_up_reasons')
export class WrapUpReasonEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  label: string;

  // French label (#16): the admin's own column stays the default; this one shows to French readers when set.
  @Column('varchar', { length: 100, nullable: true })
  labelFr: string | null;

  @Index({ unique: true })
  @Column('varchar', { length: 100 })
  labelKey: string;

  @Column('boolean', { default: true })
  active: boolean;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
