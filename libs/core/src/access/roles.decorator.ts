import { SetMetadata } from '@nestjs/common';
import type { AccountRole } from './principal.js';

export const ROLES = 'switchboard:roles';
/** Restricts a route to these roles. Without it, any signed-in account may call it. */
export const Roles = (...roles: AccountRole[]) => SetMetadata(ROLES, roles);
