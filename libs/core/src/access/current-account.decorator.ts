import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import type { AccountPrincipal, DevicePrincipal, PortalPrincipal } from './principal.js';

function principalOf(ctx: ExecutionContext): unknown {
  return ctx.switchToHttp().getRequest<{ user?: unknown }>().user;
}

export const CurrentAccount = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountPrincipal => {
  const p = principalOf(ctx) as AccountPrincipal | undefined;
  if (p?.kind !== 'account') throw new UnauthorizedError();
  return p;
});

export const CurrentDevice = createParamDecorator((_: unknown, ctx: ExecutionContext): DevicePrincipal => {
  const p = principalOf(ctx) as DevicePrincipal | undefined;
  if (p?.kind !== 'device') throw new UnauthorizedError();
  return p;
});

export const CurrentPortalVisitor = createParamDecorator((_: unknown, ctx: ExecutionContext): PortalPrincipal => {
  const p = principalOf(ctx) as PortalPrincipal | undefined;
  if (p?.kind !== 'portal') throw new UnauthorizedError();
  return p;
});
