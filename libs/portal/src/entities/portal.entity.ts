import { DATE_COLUMN, JSON_COLUMN } from '@switchboard/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PortalStatus = 'active' | 'inactive';
/** pool: every technician sees Unassigned (cases); queue: offers to the queue's agents (libs/routing). */
export type PortalRouting = 'pool' | 'queue';

/**
 * Proactive chat (#14): the embed widget invites the visitor after `delaySeconds` on a page whose
 * address contains one of `urlContains` (any page when empty); `message` replaces the default
 * invitation text (with `messageFr` for French visitors).
 */
export interface PortalProactive {
  delaySeconds: number;
  urlContains: string[];
  message: string | null;
  messageFr: string | null;
}

export interface PortalColors {
  primary?: string;
  background?: string;
  text?: string;
}

/** A company's customer portal (at most one per company; subdomain unique installation-wide). */
@Entity('portals')
export class PortalEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 36 })
  companyId: string;

  /** Lower-cased DNS label; the unique index is the final word on races. */
  @Index({ unique: true })
  @Column('varchar', { length: 63 })
  subdomain: string;

  @Column('varchar', { length: 16 })
  status: PortalStatus;

  @Column('varchar', { length: 200 })
  name: string;

  @Column({ ...JSON_COLUMN, nullable: true })
  colors: PortalColors | null;

  @Column('varchar', { length: 2000, nullable: true })
  logoUrl: string | null;

  @Column('text', { nullable: true })
  welcomeText: string | null;

  /** The live chat channel plugin's per-instance config (validated against its instanceConfig). */
  @Column({ ...JSON_COLUMN, nullable: true })
  channelConfig: Record<string, unknown> | null;

  /** Technicians may ask this portal's visitors to share their screen (issue #19; off by default). */
  @Column('boolean', { default: false })
  screenSharing: boolean;
  /** Proactive invitation rules of the embed widget; null: off. */
  @Column({ ...JSON_COLUMN, nullable: true })
  proactive: PortalProactive | null;

  @Column('varchar', { length: 8, default: 'pool' })
  routing: PortalRouting;

  /** The queue that takes this portal's chats when routing is `queue`. */
  @Column('varchar', { length: 36, nullable: true })
  queueId: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;

  @Column({ ...DATE_COLUMN })
  updatedAt: Date;
}
