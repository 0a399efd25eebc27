import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { JSON_COLUMN } from '../database/column-types.js';

/** One stored override; absent rows mean "inherit" (company → global → built-in default). */
@Entity('settings')
export class SettingEntity {
  /** `global` or `company:<id>`: a plain key avoids NULLs in the primary key. */
  @PrimaryColumn('varchar', { length: 60 })
  scopeKey: string;

  @PrimaryColumn('varchar', { length: 120 })
  key: string;

  @Column({ ...JSON_COLUMN })
  value: unknown;

  @UpdateDateColumn()
  updatedAt: Date;
}
