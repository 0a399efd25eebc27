import { DATE_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An identity confirmation for agent chat: the person at a device says who they are, we mail a
 * code to that address, they type it in. Only the code's hash is kept; single use, 15 minutes,
 * a bounded number of guesses.
 */
@Entity('agent_chat_identity_tokens')
@Index(['deviceId', 'createdAt'])
@Index(['emailKey', 'createdAt'])
export class IdentityTokenEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  deviceId: string;

  @Column('varchar', { length: 36 })
  companyId: string;

  @Column('varchar', { length: 100 })
  firstName: string;

  @Column('varchar', { length: 100 })
  lastName: string;

  @Column('varchar', { length: 320 })
  email: string;

  @Column('varchar', { length: 320 })
  emailKey: string;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  /** The helpdesk agent's language ('en' | 'fr'), given to the contact on confirmation; null: unknown. */
  @Column('varchar', { length: 5, nullable: true })
  language: string | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column({ ...DATE_COLUMN })
  expiresAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  usedAt: Date | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
