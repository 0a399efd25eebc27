export { PortalModule } from './portal.module.js';
export { PORTAL_ENTITIES } from './entities/index.js';
export { PORTAL_CHANNEL, PORTAL_PLUGIN_ID } from './portal.types.js';
export type {
  PortalView,
  PublicPortalView,
  PublicCaseView,
  PortalConversationMeta,
  DeviceInfo,
  CaseType,
} from './portal.types.js';
