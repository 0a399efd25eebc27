import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { cookieValue, extractPrefixedToken, PORTAL_SESSION_COOKIE, UnauthorizedError } from '@switchboard/core';
import type { Request } from 'express';
import { PortalContactSessions } from './portal-contact-session.service.js';
import type { PortalContact } from './portal-contact.decorator.js';

/**
 * For `/api/portal/*` (mark them @Public() too: no technician session): `Authorization: Portal
 * <token>` or the httpOnly `sb_portal` cookie (its writes pass the origin check like the console's).
 */
@Injectable()
export class PortalContactGuard implements CanActivate {
  constructor(private readonly sessions: PortalContactSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { portalContact?: PortalContact }>();
    const headers = req.headers as Record<string, string | string[] | undefined>;
    const token =
      extractPrefixedToken(headers, 'Portal') ??
      cookieValue(headers, PORTAL_SESSION_COOKIE, req.cookies as Record<string, string> | undefined);
    const contact = await this.sessions.verify(token);
    if (!contact) throw new UnauthorizedError('Sign in to the portal first');
    req.portalContact = contact;
    return true;
  }
}
