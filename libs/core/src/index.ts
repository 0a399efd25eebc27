// The core's public surface. Other libs and the app import only from here.
export { AppLogger } from './logging/app-logger.service.js';
export { CoreModule, type CoreModuleOptions } from './core.module.js';
export { AppConfig, ConfigError, type PluginReference } from './config/app-config.js';
export { Clock } from './clock/clock.js';
export { SystemClock } from './clock/system-clock.js';
export { FakeClock } from './clock/fake-clock.js';
export { newId, isId } from './ids/id.js';

export { DomainError } from './errors/domain.error.js';
export { NotFoundError } from './errors/not-found.error.js';
export { ValidationFailedError, type FieldErrors } from './errors/validation-failed.error.js';
export { ForbiddenError } from './errors/forbidden.error.js';
export { ConflictError } from './errors/conflict.error.js';
export { UnauthorizedError } from './errors/unauthorized.error.js';
export { validateDto } from './validation/validate-dto.js';

export { CORE_ENTITIES } from './database/core-entities.js';
export { DATE_COLUMN, JSON_COLUMN } from './database/column-types.js';
export { usesPostgres, isPostgresUrl } from './database/database-url.js';
export { buildDataSourceOptions, type SchemaDefinition } from './database/data-source-options.js';
export { BaseRepository, type Page, type PageQuery } from './database/base.repository.js';
export { TransactionRunner } from './database/transaction-runner.service.js';
export { Tx } from './database/tx.js';
export { DatabaseConnectionError } from './database/database.module.js';

export { DomainEventBus, type DomainEventMap, type DomainEventName } from './events/domain-event-bus.service.js';

export { Public } from './auth/public.decorator.js';
export { Roles } from './auth/roles.decorator.js';
export { CurrentAccount, CurrentDevice, CurrentPortalVisitor } from './auth/current-account.decorator.js';
export { DeviceTokenGuard } from './auth/device-token.guard.js';
export { PortalSessionGuard } from './auth/portal-session.guard.js';
export { SessionTokenService } from './auth/session-token.service.js';
export type { AccountPrincipal, DevicePrincipal, PortalPrincipal, Principal } from './auth/principal.js';

export { AccessPolicy } from './identity/access-policy.service.js';
export { AccountService } from './identity/account.service.js';
export { CompanyService } from './identity/company.service.js';
export { ContactService } from './identity/contact.service.js';
export { DeviceService } from './identity/device.service.js';
export { TechnicianDirectory, type TechnicianEntry } from './identity/technician-directory.service.js';
export type { AccountRole, Availability } from './identity/account.entity.js';
export type { AccountView, CompanyView, ContactView, DeviceView } from './identity/identity.views.js';

export { SettingsService, type SettingView } from './settings/settings.service.js';
export {
  SettingsRegistry,
  type SettingsMap,
  type SettingKey,
  type SettingDefinition,
} from './settings/settings.registry.js';

export {
  DeadlineScheduler,
  type DueTimer,
  type TimerHandler,
  type ScheduleInput,
  type TimerDefinition,
  type TimerHandle,
} from './scheduler/deadline-scheduler.service.js';

export { RealtimeService, type Audience } from './realtime/realtime.service.js';
export { WsErrorFilter } from './realtime/ws-error.filter.js';
export { WsPayloadPipe } from './realtime/ws-payload.pipe.js';
export { EmptyPayloadDto } from './realtime/empty-payload.dto.js';
export { wsOk, type WsAck } from './realtime/ws-response.js';
export { accountOf, deviceOf, portalVisitorOf } from './realtime/socket-principal.js';
export { HttpErrorFilter } from './errors/http-error.filter.js';

export { RedisConnection } from './redis/redis-connection.service.js';
export { InstanceBus } from './redis/instance-bus.service.js';
export { FileService, MAX_FILE_BYTES, sanitizeName, type FileView, type StoreFileInput } from './files/file.service.js';
export { FileStorage } from './files/file-storage.port.js';
export { DemoDataService, DEMO_PASSWORD, type DemoCredentials } from './bootstrap/demo-data.service.js';
export { configureHttp } from './http/configure-http.js';
export { WebPages, type PageResolver, type PageRequest } from './http/web-pages.registry.js';

// plugins:begin
export * from './plugins/index.js';
// plugins:end

// mail:begin
export { MailPort } from './mail/mail.port.js';
export { MailTransportRegistry } from './mail/mail-transport.registry.js';
export { OutboxService, type OutboxMessageView } from './mail/outbox.service.js';
export {
  MailDelivery,
  MAIL_RETRY_BACKOFF_MS,
  MAIL_MAX_ATTEMPTS,
  MAX_MAIL_BYTES,
} from './mail/mail-delivery.service.js';
export { mailDomain, newMessageId, addressOf } from './mail/mail-address.js';
export type {
  OutboundMail,
  SentMail,
  MailTransport,
  DeliverableMail,
  MailAttachmentRef,
  OutboxStatus,
} from './mail/outbound-mail.js';
// mail:end

// notifications:begin
export {
  NotificationService,
  escapeHtml,
  type NotificationInput,
  type NotifyOptions,
} from './notifications/notification.service.js';
export type { NotificationView, NotificationPush } from './notifications/notification.views.js';
// notifications:end

// privacy:begin
export * from './privacy/index.js';
// privacy:end

// tickets-core:begin
// tickets-core:end
