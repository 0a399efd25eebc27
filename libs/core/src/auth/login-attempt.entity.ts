import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN } from '../database/column-types.js';

/** Failed-login counters when there is no Redis (see LoginLockoutService); the key is a hash. */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn('varchar', { length: 80 })
  key: string;

  @Column('int')
  failures: number;

  @Column({ ...DATE_COLUMN })
  windowStart: Date;

  @Column({ ...DATE_COLUMN, nullable: true })
  lockedUntil: Date | null;
}
