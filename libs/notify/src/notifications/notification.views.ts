import type { NotificationEntity } from './notification.entity.js';

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

/** What the `notification` socket event carries (the web shell's AppNotification). */
export interface NotificationPush {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  link?: string;
}

export const toNotificationView = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  title: n.title,
  body: n.body,
  link: n.link,
  read: !!n.readAt,
  createdAt: new Date(n.createdAt).toISOString(),
});
