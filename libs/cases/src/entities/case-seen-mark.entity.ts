import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a technician last opened the Unassigned column (the red dot = newer unassigned cases). Id = account id. */
@Entity('case_seen_marks')
export class CaseSeenMarkEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column({ ...DATE_COLUMN })
  seenAt: Date;
}
