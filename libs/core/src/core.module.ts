import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthModule } from './auth/auth.module.js';
import { ChannelInboundModule } from './channels/channel-inbound.module.js';
import { Clock } from './clock/clock.js';
import { SystemClock } from './clock/system-clock.js';
import { AppConfig } from './config/app-config.js';
import { ConfigHostModule } from './config/config-host.module.js';
import { SchemaDefinition } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { DomainEventBus } from './events/domain-event-bus.service.js';
import { FilesModule } from './files/files.module.js';
import { ContentTypeGuard } from './http/content-type.guard.js';
import { WebPages } from './http/web-pages.registry.js';
import { IdentityModule } from './identity/identity.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MailTransportModule } from './mail/mail-transport.module.js';
import { AiProviderModule } from './ai/ai-provider.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { InstanceBus } from './redis/instance-bus.service.js';
import { RedisConnection } from './redis/redis-connection.service.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SecretsModule } from './secrets/secrets.module.js';
import { SettingsModule } from './settings/settings.module.js';

export interface CoreModuleOptions {
  config: AppConfig;
  schema: SchemaDefinition;
  /** Tests pass a FakeClock shared by every instance they start. */
  clock?: Clock;
}

@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigHostModule.forRoot(options.config, options.clock ?? new SystemClock()),
        LoggingModule.forRoot(options.config),
        EventEmitterModule.forRoot({ wildcard: false, maxListeners: 100 }),
        SecretsModule,
        DatabaseModule.forRoot(options.schema),
        AuthModule,
        IdentityModule,
        SettingsModule,
        PrivacyModule,
        SchedulerModule,
        RealtimeModule,
        FilesModule,
        MailTransportModule,
        AiProviderModule,
        ChannelInboundModule,
      ],
      providers: [
        WebPages,
        DomainEventBus,
        RedisConnection,
        InstanceBus,
        { provide: APP_GUARD, useClass: ContentTypeGuard },
      ],
      exports: [WebPages, DomainEventBus, RedisConnection, InstanceBus, IdentityModule, AuthModule],
    };
  }
}
