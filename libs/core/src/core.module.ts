import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthModule } from './auth/auth.module.js';
import { DemoDataService } from './bootstrap/demo-data.service.js';
import { FirstStartService } from './bootstrap/first-start.service.js';
import { Clock } from './clock/clock.js';
import { SystemClock } from './clock/system-clock.js';
import { AppConfig } from './config/app-config.js';
import { ConfigHostModule } from './config/config-host.module.js';
import { SchemaDefinition } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { DomainEventBus } from './events/domain-event-bus.service.js';
import { FilesModule } from './files/files.module.js';
import { HealthController } from './health/health.controller.js';
import { ChatInboundPipeline } from './inbound/chat-inbound.pipeline.js';
import { WebPages } from './http/web-pages.registry.js';
import { HealthRepository } from './health/health.repository.js';
import { HealthService } from './health/health.service.js';
import { IdentityModule } from './identity/identity.module.js';
import { ShutdownService } from './lifecycle/shutdown.service.js';
import { LoggingModule } from './logging/logging.module.js';
import { MailModule } from './mail/mail.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { InstanceBus } from './redis/instance-bus.service.js';
import { RedisConnection } from './redis/redis-connection.service.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SettingsModule } from './settings/settings.module.js';
// plugins:begin
import { PluginHostModule } from './plugins/plugin-host.module.js';
// plugins:end

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
        DatabaseModule.forRoot(options.schema),
        AuthModule,
        IdentityModule,
        SettingsModule,
        PrivacyModule,
        SchedulerModule,
        RealtimeModule,
        FilesModule,
        MailModule,
        NotificationsModule,
        // plugins:begin
        PluginHostModule,
        // plugins:end
      ],
      controllers: [HealthController],
      providers: [
        WebPages,
        DomainEventBus,
        RedisConnection,
        InstanceBus,
        HealthRepository,
        HealthService,
        ShutdownService,
        FirstStartService,
        DemoDataService,
        ChatInboundPipeline,
      ],
      // PluginHostModule: channel libs (portal, agent chat) look up their channel plugin in the PluginRegistry.
      exports: [
        WebPages,
        DomainEventBus,
        RedisConnection,
        InstanceBus,
        DemoDataService,
        ChatInboundPipeline,
        IdentityModule,
        AuthModule,
        PluginHostModule,
      ],
    };
  }
}
