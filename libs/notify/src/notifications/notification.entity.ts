import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_COLUMN } from '@switchboard/core';

/** An in-app notification for one technician (bell in the top bar). */
@Entity('notifications')
@Index(['accountId', 'readAt', 'id'])
export class NotificationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  accountId: string;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('text')
  body: string;

  /** Path in the web UI, e.g. /tickets/42. */
  @Column('varchar', { length: 500, nullable: true })
  link: string | null;

  @Column({ ...DATE_COLUMN, nullable: true })
  readAt: Date | null;

  @Column({ ...DATE_COLUMN })
  createdAt: Date;
}
