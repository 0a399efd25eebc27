import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { Page, PageQuery } from '../database/base.repository.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { newId } from '../ids/id.js';
import { AccessPolicy } from './access-policy.service.js';
import { CompanyRepository } from './company.repository.js';
import { ContactEntity } from './contact.entity.js';
import { ContactRepository } from './contact.repository.js';
import { ContactView, toContactView } from './identity.views.js';
import type { Language } from './language.js';

export interface ContactInput {
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  language?: Language | null;
}

/** `search`: part of the first name, last name or email, case-insensitive. */
export type ContactListQuery = PageQuery & { companyId?: string; search?: string };

@Injectable()
export class ContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly companies: CompanyRepository,
    private readonly access: AccessPolicy,
    private readonly events: DomainEventBus,
  ) {}

  async create(input: ContactInput, viewer?: AccountPrincipal): Promise<ContactView> {
    if (viewer) this.access.assertCompanyAccess(viewer, input.companyId);
    const emailKey = input.email.trim().toLowerCase();
    await this.assertCompany(input.companyId);
    if (await this.contacts.findByEmail(input.companyId, emailKey)) {
      throw new ConflictError(`A contact with email ${input.email} already exists in this company`);
    }
    return this.insertNew(input, emailKey);
  }

  private async assertCompany(companyId: string): Promise<void> {
    if (!(await this.companies.findById(companyId))) {
      throw new ValidationFailedError('Unknown company', { companyId: [`company ${companyId} does not exist`] });
    }
  }

  /**
   * The INSERT; the view comes from the row as written (the INSERT returns the timestamps), not a
   * re-read. A duplicate address fails on the unique index (callers decide what that means).
   */
  private async insertNew(input: ContactInput, emailKey: string): Promise<ContactView> {
    const contact = Object.assign(new ContactEntity(), {
      id: newId(),
      companyId: input.companyId,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email: input.email.trim(),
      emailKey,
      phone: input.phone?.trim() || null,
      language: input.language ?? null,
    });
    await this.contacts.insert(contact);
    await this.events.publish('contact.created', { contactId: contact.id, companyId: contact.companyId });
    if (contact.createdAt instanceof Date && contact.updatedAt instanceof Date) return toContactView(contact);
    return toContactView((await this.contacts.findById(contact.id))!);
  }

  /**
   * Identity for inbound channels (portal, email): the company's contact with this email, or a
   * new one. `created` tells the caller whether the contact exists only because of it.
   * A concurrent create of the same address (unique index) resolves to the winner's row.
   */
  async findOrCreate(input: ContactInput): Promise<{ contact: ContactView; created: boolean }> {
    const emailKey = input.email.trim().toLowerCase();
    const existing = await this.contacts.findByEmail(input.companyId, emailKey);
    if (existing) {
      // A known contact without a language takes the one this channel saw (portal, agent).
      if (input.language && !existing.language) {
        existing.language = input.language;
        await this.contacts.save(existing);
      }
      return { contact: toContactView(existing), created: false };
    }
    await this.assertCompany(input.companyId);
    try {
      // No second lookup: a concurrent create of the address loses on the unique index (below).
      return { contact: await this.insertNew(input, emailKey), created: true };
    } catch (error) {
      const raced = await this.contacts.findByEmail(input.companyId, emailKey);
      if (raced) return { contact: toContactView(raced), created: false };
      throw error;
    }
  }

  /** Every contact with this address, across companies (inbound channels; no access check). */
  async findAllByEmail(email: string): Promise<ContactView[]> {
    return (await this.contacts.findAllByEmail(email.trim().toLowerCase())).map(toContactView);
  }

  /** Companies that already have contacts at this mail domain (at most a few: more means ambiguous). */
  companyIdsForDomain(domain: string): Promise<string[]> {
    return this.contacts.companyIdsForDomain(domain.trim().toLowerCase());
  }

  async get(id: string, viewer?: AccountPrincipal): Promise<ContactView> {
    return toContactView(await this.load(id, viewer));
  }

  /** Batch lookup without access checks (callers have already checked the owning record). */
  async getMany(ids: string[]): Promise<ContactView[]> {
    return (await this.contacts.findByIds([...new Set(ids)])).map(toContactView);
  }

  async list(query: ContactListQuery, viewer?: AccountPrincipal): Promise<ContactView[]> {
    return (await this.listPage(query, viewer)).items;
  }

  async listPage(query: ContactListQuery, viewer?: AccountPrincipal): Promise<Page<ContactView>> {
    let companyIds = viewer ? this.access.companyFilter(viewer) : undefined;
    if (query.companyId) companyIds = companyIds ? companyIds.filter((c) => c === query.companyId) : [query.companyId];
    const page = await this.contacts.list({ ...query, companyIds, search: query.search?.trim() || undefined });
    return { items: page.items.map(toContactView), nextCursor: page.nextCursor };
  }

  async update(
    id: string,
    input: Partial<Omit<ContactInput, 'companyId'>>,
    viewer?: AccountPrincipal,
  ): Promise<ContactView> {
    const contact = await this.load(id, viewer);
    if (input.email !== undefined) {
      const emailKey = input.email.trim().toLowerCase();
      const other = await this.contacts.findByEmail(contact.companyId, emailKey);
      if (other && other.id !== id)
        throw new ConflictError(`A contact with email ${input.email} already exists in this company`);
      Object.assign(contact, { email: input.email.trim(), emailKey });
    }
    if (input.firstName !== undefined) contact.firstName = input.firstName.trim();
    if (input.lastName !== undefined) contact.lastName = input.lastName.trim();
    if (input.phone !== undefined) contact.phone = input.phone?.trim() || null;
    if (input.language !== undefined) contact.language = input.language;
    await this.contacts.save(contact);
    await this.events.publish('contact.updated', { contactId: id, companyId: contact.companyId });
    return toContactView(contact);
  }

  /**
   * A language learnt from the contact's own words (the first inbound mail): kept only when the
   * contact has none yet, so a technician's or the portal's choice is never overridden. True when set.
   */
  async learnLanguage(id: string, language: Language): Promise<boolean> {
    // A language already set (by the contact, an admin, an earlier mail) is kept: the UPDATE skips it.
    return this.contacts.setLanguageIfUnset(id, language);
  }

  async remove(id: string): Promise<void> {
    const contact = await this.load(id);
    await this.contacts.deleteById(id);
    await this.events.publish('contact.deleted', { contactId: id, companyId: contact.companyId });
  }

  private async load(id: string, viewer?: AccountPrincipal): Promise<ContactEntity> {
    const contact = await this.contacts.findById(id);
    // A technician without access gets the same 404 as for a missing contact: no existence oracle.
    if (!contact || (viewer && !this.access.canAccessCompany(viewer, contact.companyId)))
      throw new NotFoundError('Contact', id);
    return contact;
  }
}
