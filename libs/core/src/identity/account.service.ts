import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { Tx } from '../database/tx.js';
import { Page, PageQuery } from '../database/base.repository.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { newId } from '../ids/id.js';
import type { AccountRole } from '../access/principal.js';
import { AccountEntity, Availability } from './account.entity.js';
import { toAccountPrincipal } from './account-principal.js';
import { AccountRepository } from './account.repository.js';
import { CompanyRepository } from './company.repository.js';
import { AccessRevocations, type AccessRevocation } from './access-revocations.service.js';
import type { Language } from './language.js';
import { AccountView, toAccountView } from './identity.views.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PasswordPolicy } from './password-policy.service.js';

export interface AccountInput {
  name: string;
  email: string;
  password: string;
  role: AccountRole;
  allCompanies?: boolean;
  companyIds?: string[];
  permissions?: string[];
}

@Injectable()
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly companies: CompanyRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly tx: TransactionRunner,
    private readonly events: DomainEventBus,
    private readonly revocations: AccessRevocations,
  ) {}

  async create(input: AccountInput): Promise<AccountView> {
    const email = input.email.trim().toLowerCase();
    this.policy.assertAcceptable(input.password);
    if (await this.accounts.findByEmail(email))
      throw new ConflictError(`An account with email ${email} already exists`);
    const companyIds = await this.checkCompanies(input.companyIds ?? []);
    const account = Object.assign(new AccountEntity(), {
      id: newId(),
      name: input.name.trim(),
      email,
      passwordHash: await this.hasher.hash(input.password),
      role: input.role,
      availability: 'unavailable' as Availability,
      signature: null,
      allCompanies: input.allCompanies ?? true,
      permissions: input.permissions?.length ? [...new Set(input.permissions)] : null,
      active: true,
    });
    await this.tx.run(async (tx) => {
      await this.accounts.insert(account, tx);
      if (!account.allCompanies) await this.accounts.replaceCompanyAccess(account.id, companyIds, tx);
    });
    return this.get(account.id);
  }

  async get(id: string): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    return toAccountView(account, account.allCompanies ? [] : await this.accounts.companyIds(id));
  }

  /** Batch lookup (company lists omitted: views for display, not for access decisions). */
  async getMany(ids: string[]): Promise<AccountView[]> {
    return (await this.accounts.findByIds([...new Set(ids)])).map((a) => toAccountView(a));
  }

  /** The account with this address (case-insensitive), e.g. to apply the dual-role rule. */
  async findByEmail(email: string): Promise<AccountView | null> {
    const account = await this.accounts.findByEmail(email.trim().toLowerCase());
    return account ? toAccountView(account) : null;
  }

  async list(query: PageQuery): Promise<Page<AccountView>> {
    const page = await this.accounts.list(query);
    const items = await Promise.all(
      page.items.map(async (a) => toAccountView(a, a.allCompanies ? [] : await this.accounts.companyIds(a.id))),
    );
    return { items, nextCursor: page.nextCursor };
  }

  async update(id: string, input: Partial<AccountInput> & { active?: boolean }): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    if (input.email !== undefined) {
      const email = input.email.trim().toLowerCase();
      const other = await this.accounts.findByEmail(email);
      if (other && other.id !== id) throw new ConflictError(`An account with email ${email} already exists`);
      account.email = email;
    }
    if (input.name !== undefined) account.name = input.name.trim();
    if (input.role !== undefined) account.role = input.role;
    if (input.active !== undefined) account.active = input.active;
    if (input.allCompanies !== undefined) account.allCompanies = input.allCompanies;
    if (input.permissions !== undefined)
      account.permissions = input.permissions.length ? [...new Set(input.permissions)] : null;
    if (input.password !== undefined) {
      this.policy.assertAcceptable(input.password);
      account.passwordHash = await this.hasher.hash(input.password);
    }
    const companyIds = input.companyIds ? await this.checkCompanies(input.companyIds) : undefined;
    const staysActiveAdmin = account.role === 'admin' && account.active;
    const revocation = await this.revocationFor(account, input, companyIds);
    if (revocation?.kind === 'account-ended') account.sessionVersion += 1;
    await this.tx.run(async (tx) => {
      if (!staysActiveAdmin) await this.assertNotLastActiveAdmin(id, tx);
      await this.accounts.save(account, tx);
      if (companyIds) await this.accounts.replaceCompanyAccess(id, companyIds, tx);
    });
    if (revocation) await this.revocations.revoke(revocation);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    await this.tx.run(async (tx) => {
      await this.assertNotLastActiveAdmin(id, tx);
      await this.accounts.deleteById(id, tx);
    });
    await this.revocations.revoke({ kind: 'account-ended', accountId: id, reason: 'deleted' });
  }

  async setAvailability(id: string, availability: Availability): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    account.availability = availability;
    await this.accounts.save(account);
    await this.events.publish('account.availability.changed', { accountId: id, availability });
    return this.get(id);
  }

  /** The technician's own sign-off; blank clears it (replies are then signed with the name). */
  async setSignature(id: string, signature: string | null): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    // Trailing blanks and Windows line ends would show as stray lines in the mail's plain part.
    const text = (signature ?? '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim();
    account.signature = text || null;
    await this.accounts.save(account);
    return this.get(id);
  }

  /** The console's language; null follows the browser again. */
  async setLanguage(id: string, language: Language | null): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account', id);
    account.language = language;
    await this.accounts.save(account);
    return this.get(id);
  }

  /** The principal a valid session stands for, or null when the account is gone or deactivated. */
  async principal(id: string): Promise<AccountPrincipal | null> {
    const account = await this.accounts.findById(id);
    return account?.active ? this.toPrincipal(account) : null;
  }

  /** The version new sessions are issued at (null: no such active account). */
  async sessionVersion(id: string): Promise<number | null> {
    const account = await this.accounts.findById(id);
    return account?.active ? account.sessionVersion : null;
  }

  private async toPrincipal(account: AccountEntity): Promise<AccountPrincipal> {
    return toAccountPrincipal(account, account.allCompanies ? [] : await this.accounts.companyIds(account.id));
  }

  /** Returns the account id, or null without saying whether the email or the password was wrong. */
  async verifyCredentials(email: string, password: string): Promise<string | null> {
    const account = await this.accounts.findByEmail(email.trim().toLowerCase());
    const ok = await this.hasher.verify(password, account?.passwordHash ?? null);
    if (!ok || !account || !account.active) return null;
    // Older (bcrypt) hashes become argon2id now that the password is known; a conditional update
    // so a concurrent password change is never overwritten.
    if (this.hasher.needsRehash(account.passwordHash))
      await this.accounts.replacePasswordHash(account.id, account.passwordHash, await this.hasher.hash(password));
    return account.id;
  }

  count(): Promise<number> {
    return this.accounts.count();
  }

  /**
   * What an update does to open sessions: a new password or a deactivation ends them all; a change
   * of role, companies, permissions or reactivation only changes their scope.
   */
  private async revocationFor(
    account: AccountEntity,
    input: Partial<AccountInput> & { active?: boolean },
    companyIds: string[] | undefined,
  ): Promise<AccessRevocation | null> {
    const before = await this.accounts.findById(account.id);
    if (!before) return null;
    if (input.password !== undefined) return { kind: 'account-ended', accountId: account.id, reason: 'password' };
    if (before.active && !account.active)
      return { kind: 'account-ended', accountId: account.id, reason: 'deactivated' };
    const companiesChanged =
      companyIds !== undefined &&
      String([...(await this.accounts.companyIds(account.id))].sort()) !== String([...companyIds].sort());
    const changed =
      before.role !== account.role ||
      before.allCompanies !== account.allCompanies ||
      before.active !== account.active ||
      String(before.permissions ?? '') !== String(account.permissions ?? '') ||
      companiesChanged;
    return changed ? { kind: 'account-changed', accountId: account.id } : null;
  }

  /**
   * Inside the transaction that would end this account's active admin rights: counted on locked
   * rows (deactivated admins do not count), so two racing requests cannot remove the last two.
   */
  private async assertNotLastActiveAdmin(id: string, tx: Tx): Promise<void> {
    const admins = await this.accounts.lockActiveAdminIds(tx);
    if (admins.includes(id) && admins.length <= 1)
      throw new ConflictError('The last active administrator cannot be removed, demoted or deactivated');
  }

  private async checkCompanies(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const missing: string[] = [];
    for (const id of unique) if (!(await this.companies.findById(id))) missing.push(id);
    if (missing.length)
      throw new ValidationFailedError('Unknown company', {
        companyIds: missing.map((m) => `company ${m} does not exist`),
      });
    return unique;
  }
}
