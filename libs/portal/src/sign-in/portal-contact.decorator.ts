import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '@switchboard/core';

/** A signed-in portal contact: the session (sign-in row), its portal and company, the contact. */
export interface PortalContact {
  sessionId: string;
  portalId: string;
  companyId: string;
  contactId: string;
}

/** The contact PortalContactGuard authenticated. */
export const CurrentPortalContact = createParamDecorator((_: unknown, ctx: ExecutionContext): PortalContact => {
  const contact = ctx.switchToHttp().getRequest<{ portalContact?: PortalContact }>().portalContact;
  if (!contact) throw new UnauthorizedError('A portal session is required');
  return contact;
});
