import { Global, Module } from '@nestjs/common';
import { ChannelHooksController } from './channels/channel-hooks.controller.js';
import { ChannelHooksService } from './channels/channel-hooks.service.js';
import { ChannelInstanceRepository } from './channels/channel-instance.repository.js';
import { ChannelInstanceService } from './channels/channel-instance.service.js';
import { ChannelInstancesController } from './channels/channel-instances.controller.js';
import { PluginContextFactory } from './plugins/plugin-context.factory.js';
import { ExtensionPointBinder } from './plugins/extension-point.binder.js';
import { PluginHostService } from './plugins/plugin-host.service.js';
import { PluginHttpClient } from './plugins/plugin-http.client.js';
import { PluginInstallationRepository } from './plugins/plugin-installation.repository.js';
import { PluginKvRepository } from './plugins/plugin-kv.repository.js';
import { PluginLifecycle } from './plugins/plugin-lifecycle.service.js';
import { PluginLoader } from './plugins/plugin-loader.service.js';
import { PluginRegistry } from './plugins/plugin-registry.service.js';
import { PluginsController } from './plugins/plugins.controller.js';
import { SecretSettings } from './plugins/secret-settings.service.js';

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
    ExtensionPointBinder,
    PluginHttpClient,
    PluginInstallationRepository,
    PluginKvRepository,
    PluginHostService,
    SecretSettings,
    ChannelInstanceRepository,
    ChannelInstanceService,
    ChannelHooksService,
  ],
  exports: [PluginHostService, PluginRegistry, ChannelInstanceService],
})
export class PluginHostModule {}
