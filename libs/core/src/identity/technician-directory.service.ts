import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { AccessPolicy } from './access-policy.service.js';
import { TechnicianDirectoryRepository } from './technician-directory.repository.js';

export interface TechnicianEntry {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'technician';
  availability: 'available' | 'unavailable';
}

/**
 * The colleagues a technician can pick (assignee, @notify, Cc) or route to. Unlike
 * /api/accounts it is open to every technician and shows no account settings.
 */
@Injectable()
export class TechnicianDirectory {
  constructor(
    private readonly repo: TechnicianDirectoryRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(
    query: { companyId?: string; available?: boolean },
    viewer?: AccountPrincipal,
  ): Promise<TechnicianEntry[]> {
    if (viewer && query.companyId) this.access.assertCompanyAccess(viewer, query.companyId);
    const rows = await this.repo.find(query);
    return rows.map((a) => ({ id: a.id, name: a.name, email: a.email, role: a.role, availability: a.availability }));
  }

  /** True when someone who serves the company is "Available for chat requests" (portal view, agent chat). */
  async anyoneAvailable(companyId: string): Promise<boolean> {
    return (await this.repo.find({ companyId, available: true })).length > 0;
  }
}
