import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { DATE_COLUMN } from '../database/column-types.js';
import { CompanyEntity } from './company.entity.js';

/** An end user's computer running the helpdesk agent. */
@Entity('devices')
export class DeviceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  companyId: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'companyId' })
  company?: Relation<CompanyEntity>;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 100, default: '' })
  os: string;

  @Column('boolean', { default: true })
  helpdeskAgentEnabled: boolean;

  /** The contact usually at this device; skips identity confirmation in agent chat. */
  @Column('varchar', { length: 36, nullable: true })
  contactId: string | null;

  /** SHA-256 of the device token; the token itself is shown once and never stored. */
  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column({ ...DATE_COLUMN, nullable: true })
  lastSeenAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
