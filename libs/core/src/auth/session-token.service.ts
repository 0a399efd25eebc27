import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { AccountService } from '../identity/account.service.js';
import { AuthSecrets } from './auth-secrets.js';
import type { AccountPrincipal, PortalPrincipal } from '../access/principal.js';

interface AccountClaims {
  sub: string;
  typ: 'account';
}
interface PortalClaims {
  sub: string;
  typ: 'portal';
  portalId: string;
  companyId: string;
  subject: string | null;
}

/**
 * Issues and verifies the signed tokens: technician sessions (JWT) and portal visitor sessions
 * (JWT with another secret and audience, so neither can stand in for the other).
 */
@Injectable()
export class SessionTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly secrets: AuthSecrets,
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
    private readonly clock: Clock,
  ) {}

  // Tokens are stamped and checked against the injectable clock, so expiry is testable.
  private get nowSeconds(): number {
    return Math.floor(this.clock.nowMs() / 1000);
  }

  issueAccountToken(accountId: string): string {
    const claims = { sub: accountId, typ: 'account', iat: this.nowSeconds };
    return this.jwt.sign(claims, {
      secret: this.secrets.jwtSecret,
      audience: 'switchboard:account',
      expiresIn: this.config.sessionTtlSeconds,
    });
  }

  async verifyAccountToken(token: string): Promise<AccountPrincipal | null> {
    try {
      const claims = this.jwt.verify<AccountClaims>(token, {
        secret: this.secrets.jwtSecret,
        audience: 'switchboard:account',
        clockTimestamp: this.nowSeconds,
      });
      if (claims.typ !== 'account') return null;
      return await this.accounts.principal(claims.sub);
    } catch {
      return null;
    }
  }

  issuePortalToken(session: Omit<PortalPrincipal, 'kind'>, ttlSeconds = 24 * 3600): string {
    const claims = {
      iat: this.nowSeconds,
      sub: session.sessionId,
      typ: 'portal',
      portalId: session.portalId,
      companyId: session.companyId,
      subject: session.subject,
    };
    return this.jwt.sign(claims, {
      secret: this.secrets.portalSecret,
      audience: 'switchboard:portal',
      expiresIn: ttlSeconds,
    });
  }

  verifyPortalToken(token: string): PortalPrincipal | null {
    try {
      const c = this.jwt.verify<PortalClaims>(token, {
        secret: this.secrets.portalSecret,
        audience: 'switchboard:portal',
        clockTimestamp: this.nowSeconds,
      });
      if (c.typ !== 'portal') return null;
      return {
        kind: 'portal',
        sessionId: c.sub,
        portalId: c.portalId,
        companyId: c.companyId,
        subject: c.subject ?? null,
      };
    } catch {
      return null;
    }
  }
}
