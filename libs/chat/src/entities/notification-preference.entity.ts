import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How a technician wants to hear about incoming conversations (portal chats, agent chat
 * requests, queue offers). No row = the defaults. Keyed by account, one row each.
 */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('boolean', { default: true })
  inApp: boolean;

  @Column('boolean', { default: true })
  browser: boolean;

  @Column('boolean', { default: false })
  email: boolean;

  @Column('boolean', { default: true })
  sound: boolean;
}
