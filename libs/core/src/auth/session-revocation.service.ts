import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { AccessRevocations } from '../identity/access-revocations.service.js';
import { RevokedSessionRepository } from '../identity/revoked-session.repository.js';
import { SessionTokenService } from './session-token.service.js';

/**
 * Logout: the session the token stands for ends now, on HTTP and on its open sockets (every
 * instance), not when the token expires. The row lives as long as the token could, then it is pruned.
 */
@Injectable()
export class SessionRevocation {
  constructor(
    private readonly tokens: SessionTokenService,
    private readonly revoked: RevokedSessionRepository,
    private readonly revocations: AccessRevocations,
    private readonly clock: Clock,
  ) {}

  /** Ends the token's session; false when there was nothing to end (no token, bad or expired token). */
  async endSession(token: string | null): Promise<boolean> {
    const claims = token ? this.tokens.readAccountToken(token) : null;
    if (!claims) return false;
    // Pruning on each logout keeps the table to the sessions that could still be presented.
    await this.revoked.pruneExpired(this.clock.now());
    await this.revoked.add({
      sessionId: claims.sessionId,
      accountId: claims.accountId,
      expiresAt: new Date(claims.expiresAtMs),
    });
    await this.revocations.revoke({
      kind: 'session-ended',
      accountId: claims.accountId,
      sessionId: claims.sessionId,
      reason: 'logout',
    });
    return true;
  }
}
