import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccountRole } from '../access/principal.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import type { Principal } from '../access/principal.js';
import { IS_PUBLIC } from '../access/public.decorator.js';
import { ROLES } from '../access/roles.decorator.js';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(ROLES, targets);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (user?.kind === 'account' && roles.includes(user.role)) return true;
    throw new ForbiddenError(`This action requires the ${roles.join(' or ')} role`);
  }
}
