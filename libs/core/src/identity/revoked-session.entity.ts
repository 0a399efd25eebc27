import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN } from '../database/column-types.js';

/**
 * A technician session ended before its token expired (logout). Kept until the token's own expiry,
 * after which the token is refused anyway and the row is pruned: the table stays small.
 */
@Entity('revoked_sessions')
export class RevokedSessionEntity {
  /** The token's `sid` claim. */
  @PrimaryColumn('varchar', { length: 36 })
  sessionId: string;

  @Column('varchar', { length: 36 })
  accountId: string;

  @Index()
  @Column({ ...DATE_COLUMN })
  expiresAt: Date;
}
