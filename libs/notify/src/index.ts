// Outbound notice on the plugin-host floor: the mail outbox + delivery and in-app notifications.
// The mail contract (types, addresses, the transport registry a plugin fills) stays in the core.
import { OutboxMessageEntity } from './mail/outbox-message.entity.js';
import { NotificationEntity } from './notifications/notification.entity.js';

export { NotifyModule } from './notify.module.js';
export { MailPort } from './mail/mail.port.js';
export { OutboxService, type OutboxMessageView } from './mail/outbox.service.js';
export {
  MailDelivery,
  MAIL_RETRY_BACKOFF_MS,
  MAIL_MAX_ATTEMPTS,
  MAX_MAIL_BYTES,
} from './mail/mail-delivery.service.js';
export {
  NotificationService,
  escapeHtml,
  type NotificationInput,
  type NotifyOptions,
} from './notifications/notification.service.js';
export type { NotificationView, NotificationPush } from './notifications/notification.views.js';

/** The notify lib's tables (the app's APP_SCHEMA collects them). */
export const NOTIFY_ENTITIES = [OutboxMessageEntity, NotificationEntity];
