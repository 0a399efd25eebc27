import type { Socket } from 'socket.io';
import type { AccountPrincipal, DevicePrincipal, PortalPrincipal } from '../access/principal.js';
import { UnauthorizedError } from '../errors/unauthorized.error.js';

/** The principal the namespace middleware authenticated; any gateway on /agent, /device or /portal can use these. */
export function accountOf(socket: Socket): AccountPrincipal {
  const p = socket.data?.principal as AccountPrincipal | undefined;
  if (p?.kind !== 'account') throw new UnauthorizedError();
  return p;
}

export function deviceOf(socket: Socket): DevicePrincipal {
  const p = socket.data?.principal as DevicePrincipal | undefined;
  if (p?.kind !== 'device') throw new UnauthorizedError();
  return p;
}

export function portalVisitorOf(socket: Socket): PortalPrincipal {
  const p = socket.data?.principal as PortalPrincipal | undefined;
  if (p?.kind !== 'portal') throw new UnauthorizedError();
  return p;
}
