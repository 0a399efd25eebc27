import { PluginInstallationEntity } from './plugin-installation.entity.js';
import { PluginKvEntity } from './plugin-kv.entity.js';

export { PluginHostModule } from './plugin-host.module.js';
export { PluginHostService } from './plugin-host.service.js';
export { PluginRegistry, type PluginRuntime } from './plugin-registry.service.js';
export { PluginHttpClient } from './plugin-http.client.js';
export { PluginInstallationEntity, type PluginStatus } from './plugin-installation.entity.js';
export { PluginKvEntity } from './plugin-kv.entity.js';
export { PluginLoadError } from './plugin-load.error.js';
export type { PluginView } from './plugin.views.js';

/** The host's entities (CORE_ENTITIES includes them). */
export const PLUGIN_ENTITIES = [PluginInstallationEntity, PluginKvEntity];
