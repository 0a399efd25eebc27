import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { ForbiddenError } from '../errors/forbidden.error.js';

/** Which companies a technician may see. Admins and unrestricted technicians see all. */
@Injectable()
export class AccessPolicy {
  /** undefined means "every company". */
  companyFilter(account: AccountPrincipal): string[] | undefined {
    if (account.role === 'admin' || account.allCompanies) return undefined;
    return account.companyIds;
  }

  canAccessCompany(account: AccountPrincipal, companyId: string): boolean {
    const filter = this.companyFilter(account);
    return !filter || filter.includes(companyId);
  }

  assertCompanyAccess(account: AccountPrincipal, companyId: string): void {
    if (!this.canAccessCompany(account, companyId)) throw new ForbiddenError('You do not have access to this company');
  }
}
