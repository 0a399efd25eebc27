import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';

/** One configured instance of a channel plugin (a mailbox, a webhook endpoint): `POST /hooks/:id`. */
@Entity('channel_instances')
@Index(['pluginId'])
export class ChannelInstanceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 64 })
  pluginId: string;

  @Column('varchar', { length: 200 })
  name: string;

  /** Validated against the adapter's `instanceConfig` on every write. */
  @Column({ ...JSON_COLUMN })
  config: Record<string, string | number | boolean>;

  @Column('boolean', { default: true })
  enabled: boolean;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
