import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { ForbiddenError } from '../errors/forbidden.error.js';

/** What an access decision needs to know about an account (a principal or a loaded account). */
export type CompanyScope = Pick<AccountPrincipal, 'role' | 'allCompanies' | 'companyIds'>;

/** Which companies a technician may see. Admins and unrestricted technicians see all. */
@Injectable()
export class AccessPolicy {
  /** undefined means "every company". */
  companyFilter(account: CompanyScope): string[] | undefined {
    if (account.role === 'admin' || account.allCompanies) return undefined;
    return account.companyIds;
  }

  canAccessCompany(account: CompanyScope, companyId: string): boolean {
    const filter = this.companyFilter(account);
    return !filter || filter.includes(companyId);
  }

  /**
   * Whether an account may receive a company's content as an account (be assigned, @notified,
   * Cc'd, sent its notifications): it is active and serves the company. The reason when not.
   */
  serveRefusal(account: CompanyScope & { active: boolean }, companyId: string): string | null {
    if (!account.active) return 'is deactivated';
    if (!this.canAccessCompany(account, companyId)) return "does not serve the ticket's company";
    return null;
  }

  assertCompanyAccess(account: AccountPrincipal, companyId: string): void {
    if (!this.canAccessCompany(account, companyId)) throw new ForbiddenError('You do not have access to this company');
  }
}
