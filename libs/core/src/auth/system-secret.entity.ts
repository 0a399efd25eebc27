import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets generated on first start when none is configured, shared by every instance. */
@Entity('system_secrets')
export class SystemSecretEntity {
  @PrimaryColumn('varchar', { length: 100 })
  key: string;

  @Column('varchar', { length: 200 })
  value: string;
}
