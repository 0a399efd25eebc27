import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN } from '../database/column-types.js';

/**
 * A one-time code an admin hands to the person installing the helpdesk agent: the agent
 * exchanges it for the device token (`switchboard-agent enroll <url> <code>`). Only a hash is
 * kept; a code works once and expires.
 */
@Entity('device_enrolment_codes')
export class DeviceEnrolmentEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  deviceId: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  codeHash: string;

  @Column({ ...DATE_COLUMN })
  expiresAt: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  usedAt: Date | null;

  @Column('varchar', { length: 36, nullable: true })
  createdById: string | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
