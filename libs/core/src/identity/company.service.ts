import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { Page, PageQuery } from '../database/base.repository.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { newId } from '../ids/id.js';
import { AccessPolicy } from './access-policy.service.js';
import { AccessRevocations } from './access-revocations.service.js';
import { CompanyEntity } from './company.entity.js';
import { CompanyRepository } from './company.repository.js';
import { CompanyView, toCompanyView } from './identity.views.js';

@Injectable()
export class CompanyService {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly access: AccessPolicy,
    private readonly events: DomainEventBus,
    private readonly revocations: AccessRevocations,
  ) {}

  async create(input: { name: string }): Promise<CompanyView> {
    const name = input.name.trim();
    if (await this.companies.findByNameKey(name.toLowerCase()))
      throw new ConflictError(`A company named "${name}" already exists`);
    const company = Object.assign(new CompanyEntity(), { id: newId(), name, nameKey: name.toLowerCase() });
    await this.companies.insert(company);
    const saved = await this.companies.findById(company.id);
    await this.events.publish('company.created', { companyId: company.id, name });
    return toCompanyView(saved!);
  }

  async get(id: string, viewer?: AccountPrincipal): Promise<CompanyView> {
    const company = await this.companies.findById(id);
    if (!company || (viewer && !this.access.canAccessCompany(viewer, id))) throw new NotFoundError('Company', id);
    return toCompanyView(company);
  }

  async list(query: PageQuery, viewer?: AccountPrincipal): Promise<Page<CompanyView>> {
    const page = await this.companies.list({ ...query, ids: viewer ? this.access.companyFilter(viewer) : undefined });
    return { items: page.items.map(toCompanyView), nextCursor: page.nextCursor };
  }

  async update(id: string, input: { name?: string }): Promise<CompanyView> {
    const company = await this.companies.findById(id);
    if (!company) throw new NotFoundError('Company', id);
    if (input.name !== undefined) {
      const name = input.name.trim();
      const other = await this.companies.findByNameKey(name.toLowerCase());
      if (other && other.id !== id) throw new ConflictError(`A company named "${name}" already exists`);
      Object.assign(company, { name, nameKey: name.toLowerCase() });
    }
    await this.companies.save(company);
    await this.events.publish('company.updated', { companyId: id, name: company.name });
    return toCompanyView(company);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.companies.deleteById(id))) throw new NotFoundError('Company', id);
    // Its devices went with it (cascade): their open sockets must not stay connected.
    await this.revocations.revoke({ kind: 'company-devices-ended', companyId: id, reason: 'removed' });
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.companies.findById(id));
  }
}
