import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccountRole } from '../access/principal.js';

export type Availability = 'available' | 'unavailable';
/** Permissions an admin may grant to a technician (admins hold them all implicitly). */
export const ACCOUNT_PERMISSIONS = ['pii.reveal'] as const;
export type AccountPermission = (typeof ACCOUNT_PERMISSIONS)[number];
/** A signature is a few lines, not a letterhead. */
export const SIGNATURE_MAX = 1000;

/** A technician or admin who signs in to the web UI. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Index({ unique: true })
  @Column('varchar', { length: 320 })
  email: string;

  @Column('varchar', { length: 100 })
  passwordHash: string;

  @Column('varchar', { length: 20 })
  role: AccountRole;

  @Column('varchar', { length: 20, default: 'unavailable' })
  availability: Availability;

  /** Plain-text sign-off under the technician's email replies (and AI drafts); null: their name. */
  @Column('varchar', { length: SIGNATURE_MAX, nullable: true })
  signature: string | null;

  /** The console's language ('en' | 'fr'); null: the browser's. */
  @Column('varchar', { length: 5, nullable: true })
  language: string | null;

  /** False restricts the account to the companies listed in account_company_access. */
  @Column('boolean', { default: true })
  allCompanies: boolean;

  @Column('boolean', { default: true })
  active: boolean;

  /** Granted permissions (comma list); null = none. */
  @Column('simple-array', { nullable: true })
  permissions: string[] | null;

  /**
   * Bumped when every session must end (password change, deactivation): tokens carry the version
   * they were issued at (`sv`), and one from an older version is refused, on HTTP and sockets.
   */
  @Column('int', { default: 0 })
  sessionVersion: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
