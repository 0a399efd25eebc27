import { LoginAttemptEntity } from './login-attempt.entity.js';
import { SystemSecretEntity } from './system-secret.entity.js';

/** The auth folder's tables. */
export const AUTH_ENTITIES = [SystemSecretEntity, LoginAttemptEntity];
