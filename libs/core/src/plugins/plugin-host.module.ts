import { Module } from '@nestjs/common';
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
 * DomainEventBus and ContactService from the core's (global) modules.
 */
@Module({
  controllers: [PluginsController],
  providers: [
    PluginLoader,
    PluginRegistry,
    PluginLifecycle,
    PluginContextFactory,
    PluginHttpClient,
    PluginInstallationRepository,
    PluginKvRepository,
    PluginHostService,
  ],
  exports: [PluginHostService, PluginRegistry],
})
export class PluginHostModule {}
