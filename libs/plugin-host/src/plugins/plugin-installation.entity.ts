import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { JSON_COLUMN } from '@switchboard/core';

export type PluginStatus = 'enabled' | 'disabled' | 'incompatible' | 'invalid_settings' | 'crashed';
export type PluginKindColumn = 'channel' | 'feature';

/**
 * One row per plugin ever loaded. `enabled` is the admin's intent; `status` is what actually
 * runs (an enabled plugin may be `invalid_settings` until configured, or `crashed`).
 */
@Entity('plugin_installations')
export class PluginInstallationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** The manifest id; the API addresses plugins by it. */
  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  pluginId: string;

  @Column('varchar', { length: 64 })
  version: string;

  @Column('varchar', { length: 16 })
  kind: PluginKindColumn;

  @Column('boolean', { default: false })
  enabled: boolean;

  @Column('varchar', { length: 32 })
  status: PluginStatus;

  @Column('text', { nullable: true })
  statusReason: string | null;

  @Column({ ...JSON_COLUMN })
  grantedPermissions: string[];

  /** Validated against the plugin's settings schema before it is stored. */
  @Column({ ...JSON_COLUMN })
  settings: Record<string, string | number | boolean>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
