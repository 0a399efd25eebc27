import { Injectable } from '@nestjs/common';
import { Clock, SessionTokenService } from '@switchboard/core';
import { PortalSignInRepository } from '../repositories/portal-sign-in.repository.js';
import type { PortalContact } from './portal-contact.decorator.js';

const SUBJECT = /^contact:([0-9a-f-]{36})$/;

/**
 * Is this token a standing portal contact session? The signature and audience (portal key), then
 * the row: used, not revoked (sign out), not expired on the injectable clock.
 */
@Injectable()
export class PortalContactSessions {
  constructor(
    private readonly tokens: SessionTokenService,
    private readonly rows: PortalSignInRepository,
    private readonly clock: Clock,
  ) {}

  async verify(token: string | null): Promise<PortalContact | null> {
    const principal = token ? this.tokens.verifyPortalToken(token) : null;
    return principal ? this.standing(principal.sessionId, principal.subject) : null;
  }

  /** The session behind a socket or token principal, re-read from the database. */
  async standing(sessionId: string, subject: string | null): Promise<PortalContact | null> {
    const match = SUBJECT.exec(subject ?? '');
    if (!match) return null;
    const row = await this.rows.findById(sessionId);
    const now = this.clock.now();
    if (!row || !row.usedAt || row.revokedAt || !row.sessionExpiresAt || row.sessionExpiresAt <= now) return null;
    if (row.contactId !== match[1]) return null;
    return { sessionId: row.id, portalId: row.portalId, companyId: row.companyId, contactId: row.contactId };
  }
}
