import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mailed sign-in link, then the portal session it opened (same row, same id: the session's `sub`).
 * Only the link token's SHA-256 is stored; the link is used once (`usedAt`) before `linkExpiresAt`,
 * the session ends at `sessionExpiresAt` or when revoked (sign out).
 */
@Entity('portal_sign_ins')
export class PortalSignInEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 36 })
  portalId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Index()
  @Column('varchar', { length: 36 })
  contactId: string;

  @Column({ ...DATE_COLUMN })
  linkExpiresAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  usedAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  sessionExpiresAt: Date | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  revokedAt: Date | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
