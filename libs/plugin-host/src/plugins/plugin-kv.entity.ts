import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A plugin's private key/value entry. Every query is filtered by pluginId (scoping). */
@Entity('plugin_kv')
@Index(['pluginId', 'key'], { unique: true })
export class PluginKvEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 64 })
  pluginId: string;

  @Column('varchar', { length: 200 })
  key: string;

  /** JSON text: portable across SQLite and PostgreSQL, and any JSON value (even a bare string). */
  @Column('text')
  value: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
