import type { AccountPrincipal } from '../access/principal.js';
import type { AccountEntity } from './account.entity.js';

/** Who a signed-in account is for access decisions (companyIds only matter when restricted). */
export function toAccountPrincipal(account: AccountEntity, companyIds: string[]): AccountPrincipal {
  return {
    kind: 'account',
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    allCompanies: account.allCompanies,
    companyIds: account.allCompanies ? [] : companyIds,
    permissions: account.permissions ?? [],
  };
}

/** Whether two principals of the same account reach the same things (role, companies, permissions). */
export function sameAccess(a: AccountPrincipal, b: AccountPrincipal): boolean {
  const sorted = (xs: string[] | undefined) => String([...(xs ?? [])].sort());
  return (
    a.role === b.role &&
    a.allCompanies === b.allCompanies &&
    sorted(a.companyIds) === sorted(b.companyIds) &&
    sorted(a.permissions) === sorted(b.permissions)
  );
}
