// Roles are part of who the caller is, so they live with the principal (identity stores them).
export type AccountRole = 'admin' | 'technician';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['admin', 'technician'];

/** A signed-in technician or admin. */
export interface AccountPrincipal {
  kind: 'account';
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  allCompanies: boolean;
  /** Only meaningful when allCompanies is false. */
  companyIds: string[];
  /** Extra permissions granted to the account, e.g. `pii.reveal` (admins hold every permission implicitly). */
  permissions?: string[];
}

/** A helpdesk agent on an end user's device. */
export interface DevicePrincipal {
  kind: 'device';
  deviceId: string;
  companyId: string;
  contactId: string | null;
}

/** A visitor of a company's customer portal, identified by a signed session token. */
export interface PortalPrincipal {
  kind: 'portal';
  sessionId: string;
  portalId: string;
  companyId: string;
  /** What the session may reach (e.g. its case); filled by the portal issue. */
  subject: string | null;
}

export type Principal = AccountPrincipal | DevicePrincipal | PortalPrincipal;
