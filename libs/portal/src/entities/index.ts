import { PortalEntity } from './portal.entity.js';
import { ScreenSessionEntity } from './screen-session.entity.js';

export { PortalEntity, ScreenSessionEntity };

/** The portal lib's tables; the app adds them to its schema. */
export const PORTAL_ENTITIES = [PortalEntity, ScreenSessionEntity];
