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
import { CompanyEntity } from './company.entity.js';

/** An end user. Identity is per company: the same address at two companies is two contacts. */
@Entity('contacts')
// Full-text expression indexes (#20), hand-written in the PostgreSQL migration: kept, not generated.
@Index('IDX_fts_contacts_raw_words', { synchronize: false })
@Index('IDX_fts_contacts_raw_trgm', { synchronize: false })
@Index(['companyId', 'emailKey'], { unique: true })
export class ContactEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  companyId: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'companyId' })
  company?: Relation<CompanyEntity>;

  @Column('varchar', { length: 100 })
  firstName: string;

  @Column('varchar', { length: 100 })
  lastName: string;

  @Column('varchar', { length: 320 })
  email: string;

  @Index()
  @Column('varchar', { length: 320 })
  emailKey: string;

  @Column('varchar', { length: 40, nullable: true })
  phone: string | null;

  /**
   * The language mails and automatic texts use for this end user ('en' | 'fr'); null: the
   * company's default. Set from the portal's or helpdesk agent's language, or detected from the
   * first inbound mail; technicians may change it.
   */
  @Column('varchar', { length: 5, nullable: true })
  language: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
