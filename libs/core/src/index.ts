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
export { SecretBox } from './secrets/secret-box.service.js';
export { SecretKeyError } from './secrets/secret-key.error.js';
export { SecretKeyRing } from './secrets/secret-key-ring.js';
export { validateDto } from './validation/validate-dto.js';
export { OptionalFrenchLabel } from './validation/optional-french-label.decorator.js';
export { DbIntegerPipe, MAX_DB_INTEGER } from './validation/db-integer.pipe.js';

export { CORE_ENTITIES } from './core.entities.js';
export { DATE_COLUMN, JSON_COLUMN } from './database/column-types.js';
export { usesPostgres, isPostgresUrl } from './config/database-url.js';
export { buildDataSourceOptions, type SchemaDefinition } from './database/data-source-options.js';
export { BaseRepository, type Page, type PageQuery } from './database/base.repository.js';
export { PageQueryDto } from './database/page-query.dto.js';
export { PageLimitQueryDto } from './database/page-limit-query.dto.js';
export { TransactionRunner } from './database/transaction-runner.service.js';
export { SqliteConnectionGate } from './database/sqlite-connection.gate.js';
export { Tx } from './database/tx.js';
export { forgetReads, inOpenReadScope, inReadScope, memoRead } from './database/read-scope.js';
export {
  FULL_TEXT_SOURCES,
  pgIndexNames,
  type FullTextSource,
  type FullTextSourceName,
} from './database/full-text/full-text.sources.js';
export {
  createPostgresFullText,
  dropPostgresFullText,
  ensureSqliteFullText,
  dropSqliteFullText,
} from './database/full-text/full-text.schema.js';
export {
  fullTextMatch,
  parseSearchText,
  widenSearch,
  textMatches,
  snippetOf,
  foldText,
  MAX_SEARCH_TERMS,
  MIN_SUBSTRING,
  type SearchText,
  type FullTextMatch,
} from './database/full-text/full-text.query.js';
export {
  planFullText,
  FULL_TEXT_PROBE_LIMIT,
  FULL_TEXT_WINDOW_ROWS,
  type FullTextPlan,
  type FullTextRead,
  type SortBound,
} from './database/full-text/full-text.plan.js';
export { DatabaseConnectionError } from './database/database.module.js';

export { DomainEventBus, type DomainEventMap, type DomainEventName } from './events/domain-event-bus.service.js';

export { Public } from './access/public.decorator.js';
export { Roles } from './access/roles.decorator.js';
export { CurrentAccount, CurrentDevice, CurrentPortalVisitor } from './access/current-account.decorator.js';
export { DeviceTokenGuard } from './auth/device-token.guard.js';
export { PortalSessionGuard } from './auth/portal-session.guard.js';
export { SessionTokenService } from './auth/session-token.service.js';
export { PORTAL_SESSION_COOKIE, cookieValue, extractPrefixedToken } from './auth/token-extractor.js';
export {
  type AccountRole,
  type AccountPrincipal,
  type DevicePrincipal,
  type PortalPrincipal,
  type Principal,
} from './access/principal.js';
export { Unmasked, UNMASKED } from './access/unmasked.decorator.js';

export { AccessPolicy, type CompanyScope } from './identity/access-policy.service.js';
export { AccountService } from './identity/account.service.js';
export { CompanyService } from './identity/company.service.js';
export { ContactService } from './identity/contact.service.js';
export { DeviceService } from './identity/device.service.js';
export { TechnicianDirectory, type ServeCheck, type TechnicianEntry } from './identity/technician-directory.service.js';
export type { Availability } from './identity/account.entity.js';
export type { AccountView, CompanyView, ContactView, DeviceView } from './identity/identity.views.js';
export {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  pickLanguage,
  withLanguage,
  type Language,
} from './identity/language.js';
export { AccountLanguageViewDto, AccountViewDto } from './identity/dto/account-view.dto.js';

export { SettingsService, type SettingView } from './settings/settings.service.js';
export { ContactLanguageService } from './settings/contact-language.service.js';
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
export { SocketRevocation } from './realtime/socket-revocation.service.js';
export { WsErrorFilter } from './realtime/ws-error.filter.js';
export { WsPayloadPipe } from './realtime/ws-payload.pipe.js';
export { EmptyPayloadDto } from './realtime/empty-payload.dto.js';
export { wsOk, type WsAck } from './realtime/ws-response.js';
export { accountOf, deviceOf, portalVisitorOf } from './realtime/socket-principal.js';
export { HttpErrorFilter } from './errors/http-error.filter.js';

export { RedisConnection } from './redis/redis-connection.service.js';
export { InstanceBus } from './redis/instance-bus.service.js';
export {
  FileService,
  MAX_FILE_BYTES,
  sanitizeName,
  type FileView,
  type StoreFileInput,
  type WrittenFile,
} from './files/file.service.js';
export { FileStorage } from './files/file-storage.port.js';
export { configureHttp } from './http/configure-http.js';
export { WebPages, type PageResolver, type PageRequest } from './http/web-pages.registry.js';

// inbound pipeline:begin
export { ChannelInboundModule } from './channels/channel-inbound.module.js';
export {
  ChannelInboundHandlers,
  type InboundContext,
  type InboundHandler,
} from './channels/channel-inbound.handlers.js';
export { ChannelInboundService } from './channels/channel-inbound.service.js';
// inbound pipeline:end

// mail:begin
// The mail contract only; the outbox and its delivery are in @switchboard/notify.
export { MailTransportRegistry } from './mail/mail-transport.registry.js';
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

// ai:begin
// Counters shared by every instance (Redis or the database), for rate limits that must hold across instances.
export { LoginAttemptStore, afterFailure, type AttemptRule, type AttemptState } from './auth/login-attempt.store.js';
// The AI ports only (SDK 1.4 compose and sentiment providers); the features are in @switchboard/ai-compose.
export { AiProviderRegistry, type AiPoint } from './ai/ai-provider.registry.js';
export { AiProviderModule } from './ai/ai-provider.module.js';
// ai:end

// privacy:begin
export * from './privacy/index.js';
// privacy:end

// tickets-core:begin
// tickets-core:end
// The one inbound pipeline: the resolved sender and the destination contract (plugin channels and live chat).
export { type Sender, contactIn, activeAccount } from './channels/sender.js';
export type { InboundDestination } from './channels/channel-inbound.handlers.js';
export { ChatInboundPipeline, type ChatInbound, type ChatDestination } from './channels/chat-inbound.pipeline.js';
