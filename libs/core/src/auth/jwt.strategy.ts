import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-jwt';
import { UnauthorizedError } from '../errors/unauthorized.error.js';
import type { AccountPrincipal } from '../access/principal.js';
import { SessionTokenService } from './session-token.service.js';
import { extractAccountToken } from './token-extractor.js';
import { AuthSecrets } from './auth-secrets.js';

/**
 * passport-jwt reads the token (bearer or cookie) and checks the signature; expiry and the
 * account's current state are checked by SessionTokenService against the injectable clock.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secrets: AuthSecrets,
    private readonly tokens: SessionTokenService,
  ) {
    super({
      jwtFromRequest: (req: Request) =>
        extractAccountToken(req.headers, (req as Request & { cookies?: Record<string, string> }).cookies),
      secretOrKey: secrets.jwtKey as unknown as Buffer,
      audience: 'switchboard:account',
      ignoreExpiration: true,
      passReqToCallback: true,
    });
  }

  async validate(req: Request): Promise<AccountPrincipal> {
    const token = extractAccountToken(req.headers, (req as Request & { cookies?: Record<string, string> }).cookies);
    const principal = token ? await this.tokens.verifyAccountToken(token) : null;
    if (!principal) throw new UnauthorizedError('Your session has expired or is no longer valid');
    return principal;
  }
}
