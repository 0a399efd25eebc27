import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  ContactService,
  DomainError,
  LoginAttemptStore,
  newId,
  SessionTokenService,
  type AttemptRule,
} from '@switchboard/core';
import { MailPort } from '@switchboard/notify';
import { EmailTemplateService, NO_TICKET } from '@switchboard/tickets';
import { PortalSignInEntity } from '../entities/portal-sign-in.entity.js';
import { PortalSignInRepository } from '../repositories/portal-sign-in.repository.js';
import { PortalService } from '../services/portal.service.js';
import type { PortalLanguage } from './portal-sign-in.mail.js';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
export const PORTAL_SESSION_TTL_SECONDS = 7 * 24 * 3600;
/** Links asked for one address per quarter hour, and from one client address. */
export const SIGN_IN_PER_ADDRESS: AttemptRule = {
  freeFailures: 5,
  baseLockMs: 15 * 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};
export const SIGN_IN_PER_CLIENT: AttemptRule = {
  freeFailures: 20,
  baseLockMs: 15 * 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** What a portal session token's `subject` says: the contact it stands for. */
export const contactSubject = (contactId: string) => `contact:${contactId}`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Passwordless sign-in to a company's portal: a single-use link, valid 15 minutes, mailed to a
 * contact of that company. The answer is the same whether the address is known or not (no
 * probing for customers); only the rate limits answer differently, and for any address alike.
 */
@Injectable()
export class PortalSignInService {
  constructor(
    private readonly portals: PortalService,
    private readonly contacts: ContactService,
    private readonly rows: PortalSignInRepository,
    private readonly counters: LoginAttemptStore,
    private readonly mail: MailPort,
    private readonly tokens: SessionTokenService,
    private readonly clock: Clock,
    private readonly templates: EmailTemplateService,
  ) {}

  async requestLink(
    subdomain: string,
    email: string,
    client: { address: string; base: string; language: PortalLanguage },
  ): Promise<void> {
    const portal = await this.portals.bySubdomain(subdomain);
    const address = email.trim().toLowerCase();
    await this.spend([
      [`psi:a:${sha256(`${portal.id}\n${address}`)}`, SIGN_IN_PER_ADDRESS],
      [`psi:c:${sha256(client.address)}`, SIGN_IN_PER_CLIENT],
    ]);
    const contact = (await this.contacts.findAllByEmail(address)).find((c) => c.companyId === portal.companyId);
    if (!contact?.email || portal.status !== 'active') return;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.rows.pruneBefore(new Date(now.getTime() - 24 * 3600_000));
    await this.rows.insertWithoutReload(
      Object.assign(new PortalSignInEntity(), {
        id: newId(),
        tokenHash: sha256(token),
        portalId: portal.id,
        companyId: portal.companyId,
        contactId: contact.id,
        linkExpiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS),
        usedAt: null,
        sessionExpiresAt: null,
        revokedAt: null,
        createdAt: now,
      }),
    );
    const link = `${client.base.replace(/\/$/, '')}/p/${portal.subdomain}/sign-in?token=${token}`;
    // The language the visitor is reading the portal in (they asked from it just now).
    const content = await this.templates.render(
      'portal.sign-in',
      { ticket: NO_TICKET, helpdesk: { address: '' }, portal: { name: portal.name }, url: link },
      client.language,
    );
    await this.mail.send({
      to: [contact.email],
      cc: [],
      ...content,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  /** The link's token → a portal session token (its own audience), or 401 for any bad link alike. */
  async redeem(subdomain: string, token: string): Promise<{ accessToken: string; expiresAt: Date }> {
    const portal = await this.portals.bySubdomain(subdomain);
    const row = await this.rows.findByTokenHash(sha256(token));
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_TTL_SECONDS * 1000);
    if (!row || row.portalId !== portal.id || !(await this.rows.redeem(row.id, now, expiresAt)))
      throw new DomainError(
        'SIGN_IN_LINK_INVALID',
        'This sign-in link is invalid, used or expired; ask for a new one',
        401,
      );
    const accessToken = this.tokens.issuePortalToken(
      { sessionId: row.id, portalId: portal.id, companyId: portal.companyId, subject: contactSubject(row.contactId) },
      PORTAL_SESSION_TTL_SECONDS,
    );
    return { accessToken, expiresAt };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.rows.revoke(sessionId, this.clock.now());
  }

  /** Counted before anything is looked up, so a known and an unknown address cost the same. */
  private async spend(keys: [string, AttemptRule][]): Promise<void> {
    const now = this.clock.nowMs();
    const until = await this.counters.lockedUntil(
      keys.map(([k]) => k),
      now,
    );
    if (until)
      throw new DomainError('SIGN_IN_RATE_LIMITED', 'Too many sign-in links asked for; try again later', 429, {
        retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      });
    for (const [key, rule] of keys) await this.counters.recordFailure(key, now, rule);
  }
}
