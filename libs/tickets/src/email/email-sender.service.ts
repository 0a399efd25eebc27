import { Injectable, Logger } from '@nestjs/common';
import {
  CompanyService,
  ContactService,
  ContactView,
  contactIn,
  type Language,
  type Sender,
  SettingsService,
} from '@switchboard/core';
import { detectMailLanguage } from './mail-language.js';

/** Names from `Jane Q. Doe`, or the address's local part when the mail carries no name. */
export function splitName(name: string | undefined, address: string): { firstName: string; lastName: string } {
  const clean = (name ?? '').replace(/["']/g, '').trim();
  if (!clean || clean.includes('@'))
    return { firstName: address.split('@')[0].slice(0, 100) || 'Unknown', lastName: '' };
  const parts = clean.split(/\s+/);
  return { firstName: parts[0].slice(0, 100), lastName: parts.slice(1).join(' ').slice(0, 100) };
}

/**
 * Contact identity for email: the existing contact with the address (per company), or a new one
 * in the company whose contacts share the sender's domain, else the admin's default company
 * (setting `email.defaultCompanyId`; without one, the only company if there is exactly one).
 */
@Injectable()
export class EmailSenders {
  private readonly logger = new Logger('EmailSenders');

  constructor(
    private readonly contacts: ContactService,
    private readonly companies: CompanyService,
    private readonly settings: SettingsService,
  ) {}

  /** The resolved sender's contact in `companyId`: the one they have there, else created (no second lookup when known). */
  async contactFor(sender: Sender, companyId: string): Promise<ContactView> {
    return contactIn(sender, companyId) ?? this.inCompany(companyId, sender.address, sender.name);
  }

  /** The contact in `companyId` with this address, created when needed. */
  async inCompany(companyId: string, address: string, name?: string): Promise<ContactView> {
    const { contact } = await this.contacts.findOrCreate({ companyId, email: address, ...splitName(name, address) });
    return contact;
  }

  /**
   * Gives a contact without a language the one their own words are in, when that is clear.
   * Returns the language set, null when none was (not clear, or the contact got one meanwhile).
   */
  async learnLanguage(contactId: string, text: string): Promise<Language | null> {
    const language = detectMailLanguage(text);
    return language && (await this.contacts.learnLanguage(contactId, language)) ? language : null;
  }

  /** Where a new sender belongs, or null when the installation cannot tell (no company at all, or several and no default). */
  async companyFor(address: string): Promise<string | null> {
    const domain = address.split('@')[1]?.toLowerCase();
    if (domain) {
      const byDomain = await this.contacts.companyIdsForDomain(domain);
      if (byDomain.length === 1) return byDomain[0];
    }
    const configured = (await this.settings.get('email.defaultCompanyId')).trim();
    if (configured) {
      const exists = await this.companies.get(configured).then(
        () => true,
        () => false,
      );
      if (exists) return configured;
      this.logger.warn(`email.defaultCompanyId points at a missing company (${configured})`);
    }
    const page = await this.companies.list({ limit: 2 });
    return page.items.length === 1 ? page.items[0].id : null;
  }
}
