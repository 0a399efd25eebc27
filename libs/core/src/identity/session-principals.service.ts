import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import type { AccountEntity } from './account.entity.js';
import { toAccountPrincipal } from './account-principal.js';
import { AccountRepository } from './account.repository.js';
import { RevokedSessionRepository } from './revoked-session.repository.js';

/** A technician session as its token states it. */
export interface SessionRef {
  accountId: string;
  sessionId: string;
  sessionVersion: number;
}

/**
 * Whether technician sessions still stand, and the principal each stands for: the account exists
 * and is active, the session was not ended (logout), and no password change or deactivation came
 * after it (the token's version is the account's current `sessionVersion`).
 */
@Injectable()
export class SessionPrincipals {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly revoked: RevokedSessionRepository,
  ) {}

  /** One session (every authenticated request and handshake): the account read with the revoked flag. */
  async forSession(ref: SessionRef): Promise<AccountPrincipal | null> {
    const found = await this.accounts.findForSession(ref.accountId, ref.sessionId);
    if (!found || found.revoked || !this.stands(found.account, ref)) return null;
    const account = found.account;
    return toAccountPrincipal(account, account.allCompanies ? [] : await this.accounts.companyIds(account.id));
  }

  /** Many sessions at once (an instance re-checking its open sockets): three queries whatever the count. */
  async forSessions(refs: SessionRef[]): Promise<(AccountPrincipal | null)[]> {
    if (!refs.length) return [];
    const accountIds = [...new Set(refs.map((r) => r.accountId))];
    const [accounts, revoked, companies] = await Promise.all([
      this.accounts.findByIds(accountIds),
      this.revoked.revokedAmong([...new Set(refs.map((r) => r.sessionId))]),
      this.accounts.companyIdsOf(accountIds),
    ]);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return refs.map((ref) => {
      const account = byId.get(ref.accountId);
      if (!account || revoked.has(ref.sessionId) || !this.stands(account, ref)) return null;
      return toAccountPrincipal(account, companies.get(account.id) ?? []);
    });
  }

  private stands(account: AccountEntity, ref: SessionRef): boolean {
    return account.active && account.sessionVersion === ref.sessionVersion;
  }
}
