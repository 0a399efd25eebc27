import { PortalEntity } from './portal.entity.js';

export { PortalEntity };

/** The portal lib's tables; the app adds them to its schema. */
export const PORTAL_ENTITIES = [PortalEntity];
