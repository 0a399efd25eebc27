import { Global, Module } from '@nestjs/common';
import { ChannelHooksController } from '../channels/channel-hooks.controller.js';
import { ChannelHooksService } from '../channels/channel-hooks.service.js';
import { ChannelInstanceRepository } from '../channels/channel-instance.repository.js';
import { ChannelInstanceService } from '../channels/channel-instance.service.js';
import { ChannelInstancesController } from '../channels/channel-instances.controller.js';
import { PluginContextFactory } from './plugin-context.factory.js';
import { PluginHostService } from './plugin-host.service.js';
import { PluginHttpClient } from './plugin-http.client.js';
import { PluginInstallationRepository } from './plugin-installation.repository.js';
import { PluginKvRepository } from './plugin-kv.repository.js';
import { PluginLifecycle } from './plugin-lifecycle.service.js';
import { PluginLoader } from './plugin-loader.service.js';
import { PluginRegistry } from './plugin-registry.service.js';
import { PluginsController } from './plugins.controller.js';

/**
 * Loads the configured plugins and exposes the admin API. Needs AppConfig, DataSource,
 * DomainEventBus, ContactService and the inbound pipeline from the core's (global) modules. Global
 * because channel libs (portal, agent chat, chat) look up their channel plugin in the PluginRegistry.
 */
@Global()
@Module({
  // Channel instances and hooks live with the plugin host: they resolve adapters through it.
  controllers: [PluginsController, ChannelInstancesController, ChannelHooksController],
  providers: [
    PluginLoader,
    PluginRegistry,
    PluginLifecycle,
    PluginContextFactory,
    PluginHttpClient,
    PluginInstallationRepository,
    PluginKvRepository,
    PluginHostService,
    ChannelInstanceRepository,
    ChannelInstanceService,
    ChannelHooksService,
  ],
  exports: [PluginHostService, PluginRegistry, ChannelInstanceService],
})
export class PluginHostModule {}
