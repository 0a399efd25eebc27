/** A contact as plugins see it. PII (email, phone) is null unless `contacts.pii.read` is granted. */
export interface PluginContact {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  /** True when email/phone were withheld for lack of `contacts.pii.read` (not merely empty). */
  piiRedacted: boolean;
}

export interface PluginContactQuery {
  companyId?: string;
  /** 1..100, default 50. */
  limit?: number;
}

export interface PluginContactCreate {
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

/** Host-side raw contact (before redaction). */
export type RawContact = Omit<PluginContact, 'piiRedacted'>;

/** Apply the PII rule. Shared by the real host and the fake host so both behave identically. */
export function toPluginContact(raw: RawContact, piiGranted: boolean): PluginContact {
  const base = {
    id: raw.id,
    companyId: raw.companyId,
    firstName: raw.firstName,
    lastName: raw.lastName,
    createdAt: raw.createdAt,
  };
  if (piiGranted) return { ...base, email: raw.email ?? null, phone: raw.phone ?? null, piiRedacted: false };
  return { ...base, email: null, phone: null, piiRedacted: raw.email != null || raw.phone != null };
}
