import { AUTH_ENTITIES } from './auth/auth.entities.js';
import { CHANNEL_INBOUND_ENTITIES } from './channels/channel-inbound.entities.js';
import { FILES_ENTITIES } from './files/files.entities.js';
import { IDENTITY_ENTITIES } from './identity/identity.entities.js';
import { DeadlineEntity } from './scheduler/deadline.entity.js';
import { SETTINGS_ENTITIES } from './settings/settings.entities.js';

/**
 * The kernel's tables, collected from each folder's list at the top of the lib (database/ sits at
 * the bottom and knows no entity). The app composes them with the other libs' lists.
 */
export const CORE_ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...SETTINGS_ENTITIES,
  DeadlineEntity,
  ...AUTH_ENTITIES,
  ...FILES_ENTITIES,
  ...CHANNEL_INBOUND_ENTITIES,
];
