import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import { SessionTokenService } from './session-token.service.js';
import { extractPrefixedToken } from './token-extractor.js';

/** For portal visitor routes (mark them @Public() too): `Authorization: Portal <token>`. */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(private readonly tokens: SessionTokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string>; user?: unknown }>();
    const token = extractPrefixedToken(req.headers, 'Portal');
    const principal = token ? this.tokens.verifyPortalToken(token) : null;
    if (!principal) throw new UnauthorizedError('A valid portal session is required');
    req.user = principal;
    return true;
  }
}
