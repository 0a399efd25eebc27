import type { AccountEntity } from './account.entity.js';
import type { CompanyEntity } from './company.entity.js';
import type { ContactEntity } from './contact.entity.js';
import type { DeviceEntity } from './device.entity.js';
import { isLanguage, type Language } from './language.js';

// What leaves the identity services: plain JSON, never entities (no password hashes, no token hashes).

export interface CompanyView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
export interface ContactView {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  language: Language | null;
  createdAt: string;
}
export interface AccountView {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'technician';
  availability: 'available' | 'unavailable';
  signature: string | null;
  /** The account's chosen language, null when it follows the browser. */
  language: Language | null;
  allCompanies: boolean;
  companyIds: string[];
  permissions: string[];
  active: boolean;
  createdAt: string;
}
export interface DeviceView {
  id: string;
  companyId: string;
  name: string;
  os: string;
  helpdeskAgentEnabled: boolean;
  contactId: string | null;
  lastSeenAt: string | null;
  createdAt: string;
}

export const toCompanyView = (c: CompanyEntity): CompanyView => ({
  id: c.id,
  name: c.name,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

export const toContactView = (c: ContactEntity): ContactView => ({
  id: c.id,
  companyId: c.companyId,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  language: isLanguage(c.language) ? c.language : null,
  createdAt: iso(c.createdAt),
});

export const toAccountView = (a: AccountEntity, companyIds: string[] = []): AccountView => ({
  id: a.id,
  name: a.name,
  email: a.email,
  role: a.role,
  availability: a.availability,
  signature: a.signature ?? null,
  language: isLanguage(a.language) ? a.language : null,
  allCompanies: a.allCompanies,
  companyIds: a.allCompanies ? [] : companyIds,
  permissions: a.permissions ?? [],
  active: a.active,
  createdAt: iso(a.createdAt),
});

export const toDeviceView = (d: DeviceEntity): DeviceView => ({
  id: d.id,
  companyId: d.companyId,
  name: d.name,
  os: d.os,
  helpdeskAgentEnabled: d.helpdeskAgentEnabled,
  contactId: d.contactId,
  lastSeenAt: d.lastSeenAt ? iso(d.lastSeenAt) : null,
  createdAt: iso(d.createdAt),
});

function iso(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
