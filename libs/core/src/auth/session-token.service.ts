import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { AccountService } from '../identity/account.service.js';
import { newId } from '../ids/id.js';
import { SessionPrincipals, type SessionRef } from '../identity/session-principals.service.js';
import { AuthSecrets } from './auth-secrets.js';
import type { AccountPrincipal, PortalPrincipal } from '../access/principal.js';

interface AccountClaims {
  sub: string;
  typ: 'account';
  /** The session: logout ends this one only. */
  sid: string;
  /** The account's sessionVersion at sign-in: a password change or deactivation ends every older one. */
  sv: number;
  exp: number;
}

/** A verified technician session (sockets keep `expiresAtMs` to drop themselves at expiry). */
export interface AccountSession extends SessionRef {
  principal: AccountPrincipal;
  expiresAtMs: number;
}

/** What a correctly signed, unexpired account token says (not whether the session still stands). */
export interface AccountTokenClaims {
  accountId: string;
  sessionId: string;
  expiresAtMs: number;
}
interface PortalClaims {
  exp: number;
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
    private readonly sessions: SessionPrincipals,
  ) {}

  // Tokens are stamped and checked against the injectable clock, so expiry is testable.
  private get nowSeconds(): number {
    return Math.floor(this.clock.nowMs() / 1000);
  }

  /** A new session at the account's current session version (sign-in). */
  async startAccountSession(accountId: string): Promise<string | null> {
    const version = await this.accounts.sessionVersion(accountId);
    return version === null ? null : this.issueAccountToken(accountId, version);
  }

  /** A token for a new session; `sessionVersion` must be the account's current one to be accepted. */
  issueAccountToken(accountId: string, sessionVersion = 0): string {
    const claims = { sub: accountId, typ: 'account', sid: newId(), sv: sessionVersion, iat: this.nowSeconds };
    return this.jwt.sign(claims, {
      secret: this.secrets.jwtKey as unknown as Buffer,
      audience: 'switchboard:account',
      expiresIn: this.config.sessionTtlSeconds,
    });
  }

  async verifyAccountToken(token: string): Promise<AccountPrincipal | null> {
    return (await this.verifyAccountSession(token))?.principal ?? null;
  }

  /** Signature, expiry, then the session against the database (ended? older version? account inactive?). */
  async verifyAccountSession(token: string): Promise<AccountSession | null> {
    const claims = this.accountClaims(token);
    if (!claims) return null;
    try {
      const ref = { accountId: claims.sub, sessionId: claims.sid, sessionVersion: claims.sv };
      const principal = await this.sessions.forSession(ref);
      return principal ? { principal, ...ref, expiresAtMs: claims.exp * 1000 } : null;
    } catch {
      return null;
    }
  }

  /** The claims of a signed, unexpired account token (logout reads which session to end). */
  readAccountToken(token: string): AccountTokenClaims | null {
    const claims = this.accountClaims(token);
    return claims ? { accountId: claims.sub, sessionId: claims.sid, expiresAtMs: claims.exp * 1000 } : null;
  }

  private accountClaims(token: string): AccountClaims | null {
    try {
      const claims = this.jwt.verify<AccountClaims>(token, {
        secret: this.secrets.jwtKey as unknown as Buffer,
        audience: 'switchboard:account',
        clockTimestamp: this.nowSeconds,
      });
      // Tokens from before session ids (no sid/sv) are refused: one more sign-in after the upgrade.
      if (claims.typ !== 'account' || typeof claims.sid !== 'string' || !Number.isInteger(claims.sv)) return null;
      return claims;
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
      secret: this.secrets.portalKey as unknown as Buffer,
      audience: 'switchboard:portal',
      expiresIn: ttlSeconds,
    });
  }

  verifyPortalToken(token: string): PortalPrincipal | null {
    return this.verifyPortalSession(token)?.principal ?? null;
  }

  /** The visitor and when the token expires (an open portal socket must not outlive it). */
  verifyPortalSession(token: string): { principal: PortalPrincipal; expiresAtMs: number } | null {
    try {
      const c = this.jwt.verify<PortalClaims>(token, {
        secret: this.secrets.portalKey as unknown as Buffer,
        audience: 'switchboard:portal',
        clockTimestamp: this.nowSeconds,
      });
      if (c.typ !== 'portal') return null;
      return {
        principal: {
          kind: 'portal',
          sessionId: c.sub,
          portalId: c.portalId,
          companyId: c.companyId,
          subject: c.subject ?? null,
        },
        expiresAtMs: c.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
