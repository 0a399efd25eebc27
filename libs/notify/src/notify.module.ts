import { Module } from '@nestjs/common';
import { MailModule } from './mail/mail.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';

/** Outbound notice: the mail outbox with its delivery, and in-app notifications (which also mail). */
@Module({
  imports: [MailModule, NotificationsModule],
  exports: [MailModule, NotificationsModule],
})
export class NotifyModule {}
