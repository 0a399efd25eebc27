// The plugin host's public surface: loading, installations, the SDK backend and channel instances.
// It sits right above the core; the feature libs and the app import it only from here.
import { ChannelInstanceEntity } from './channels/channel-instance.entity.js';
import { PluginInstallationEntity } from './plugins/plugin-installation.entity.js';
import { PluginKvEntity } from './plugins/plugin-kv.entity.js';

export { PluginHostModule } from './plugin-host.module.js';
export { PluginHostService } from './plugins/plugin-host.service.js';
export { PluginRegistry, type PluginRuntime } from './plugins/plugin-registry.service.js';
export { PluginHttpClient } from './plugins/plugin-http.client.js';
export { PluginInstallationEntity, type PluginStatus } from './plugins/plugin-installation.entity.js';
export { PluginKvEntity } from './plugins/plugin-kv.entity.js';
export { PluginLoadError } from './plugins/plugin-load.error.js';
export type { PluginView } from './plugins/plugin.views.js';
export { ChannelInstanceService, type ChannelInstanceView } from './channels/channel-instance.service.js';

/** The plugin host's tables (the app's APP_SCHEMA collects them). */
export const PLUGIN_HOST_ENTITIES = [PluginInstallationEntity, PluginKvEntity, ChannelInstanceEntity];
