import { DynamicModule, Module } from '@nestjs/common';
import { AiComposeModule } from '@switchboard/ai-compose';
import { CASE_ENTITIES, CasesModule } from '@switchboard/cases';
import { AGENT_CHAT_ENTITIES, AgentChatModule } from '@switchboard/agent-chat';
import { CHAT_ENTITIES, ChatModule } from '@switchboard/chat';
import { AppConfig, Clock, CORE_ENTITIES, CoreModule } from '@switchboard/core';
import { MaskingModule } from '@switchboard/masking';
import { NOTIFY_ENTITIES, NotifyModule } from '@switchboard/notify';
import { PLUGIN_HOST_ENTITIES, PluginHostModule } from '@switchboard/plugin-host';
import { PORTAL_ENTITIES, PortalModule } from '@switchboard/portal';
import { SearchModule } from '@switchboard/search';
import { ROUTING_ENTITIES, RoutingModule } from '@switchboard/routing';
import { TICKET_ENTITIES, TicketsModule } from '@switchboard/tickets';
import { DemoDataService } from './bootstrap/demo-data.service.js';
import { DemoLoginsController } from './bootstrap/demo-logins.controller.js';
import { FirstStartService } from './bootstrap/first-start.service.js';
import { HealthController } from './operations/health.controller.js';
import { HealthRepository } from './operations/health.repository.js';
import { HealthService } from './operations/health.service.js';
import { ShutdownService } from './operations/shutdown.service.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

/** Every table of the installation: the core's and each lib's. Migrations are generated from this. */
export const APP_SCHEMA = {
  entities: [
    ...CORE_ENTITIES,
    ...PLUGIN_HOST_ENTITIES,
    ...NOTIFY_ENTITIES,
    ...TICKET_ENTITIES,
    ...CHAT_ENTITIES,
    ...ROUTING_ENTITIES,
    ...PORTAL_ENTITIES,
    ...CASE_ENTITIES,
    ...AGENT_CHAT_ENTITIES,
  ],
  migrations: { sqlite: SQLITE_MIGRATIONS, postgres: POSTGRES_MIGRATIONS },
};

/** Composition only: the core, the floor above it (plugin host, notify), the feature libs, the first-start seeds. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, schema: APP_SCHEMA, clock }),
        PluginHostModule,
        NotifyModule,
        MaskingModule,
        TicketsModule,
        ChatModule,
        RoutingModule,
        CasesModule,
        PortalModule,
        AgentChatModule,
        AiComposeModule,
        SearchModule,
      ],
      // Operations (health, graceful stop) and the seeds are the installation's, not the kernel's.
      controllers: [HealthController, DemoLoginsController],
      providers: [HealthRepository, HealthService, ShutdownService, FirstStartService, DemoDataService],
    };
  }
}
