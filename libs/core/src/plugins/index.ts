import { PluginInstallationEntity } from './plugin-installation.entity.js';
import { PluginKvEntity } from './plugin-kv.entity.js';
import { ChannelInstanceEntity } from '../channels/channel-instance.entity.js';
import { InboundMessageEntity } from '../channels/inbound-message.entity.js';

export { PluginHostModule } from './plugin-host.module.js';
export { PluginHostService } from './plugin-host.service.js';
export { PluginRegistry, type PluginRuntime } from './plugin-registry.service.js';
export { PluginHttpClient } from './plugin-http.client.js';
export { PluginInstallationEntity, type PluginStatus } from './plugin-installation.entity.js';
export { PluginKvEntity } from './plugin-kv.entity.js';
export { PluginLoadError } from './plugin-load.error.js';
export type { PluginView } from './plugin.views.js';

export {
  ChannelInboundHandlers,
  type InboundContext,
  type InboundHandler,
} from '../channels/channel-inbound.handlers.js';
export { ChannelInboundService } from '../channels/channel-inbound.service.js';
export { ChannelInstanceService, type ChannelInstanceView } from '../channels/channel-instance.service.js';

/** The host's entities (CORE_ENTITIES includes them), channels included. */
export const PLUGIN_ENTITIES = [PluginInstallationEntity, PluginKvEntity, ChannelInstanceEntity, InboundMessageEntity];
