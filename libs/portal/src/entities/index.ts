import { PortalSignInEntity } from './portal-sign-in.entity.js';
import { PortalTicketReadEntity } from './portal-ticket-read.entity.js';
import { PortalEntity } from './portal.entity.js';
import { ScreenSessionEntity } from './screen-session.entity.js';

export { PortalEntity, PortalSignInEntity, PortalTicketReadEntity, ScreenSessionEntity };

/** The portal lib's tables; the app adds them to its schema. */
export const PORTAL_ENTITIES = [PortalEntity, PortalSignInEntity, PortalTicketReadEntity, ScreenSessionEntity];
