import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { AccessPolicy } from './access-policy.service.js';
import type { AccountEntity } from './account.entity.js';
import { TechnicianDirectoryRepository } from './technician-directory.repository.js';

export interface TechnicianEntry {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'technician';
  availability: 'available' | 'unavailable';
}

/** Which of some accounts may receive a company's content, and why the others may not. */
export interface ServeCheck {
  serving: TechnicianEntry[];
  /** `message` names the account and the reason, for a 400 ("account … (Gary) is deactivated"). */
  refused: Array<{ id: string; message: string }>;
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
    return rows.map(toEntry);
  }

  /** The ids `list` would return, without building the accounts (an audience of hundreds, per event). */
  ids(query: { companyId?: string; available?: boolean }): Promise<string[]> {
    return this.repo.findIds(query);
  }

  /**
   * Sorts accounts into those who may be assigned, @notified, Cc'd or sent notifications about a
   * company's content (AccessPolicy.serveRefusal) and those who may not. Read at call time, so a
   * recipient list computed earlier is filtered again when it is sent. `companyId` null: only
   * "exists and is active" is checked (content that belongs to no company).
   */
  async serving(companyId: string | null, ids: string[]): Promise<ServeCheck> {
    const unique = [...new Set(ids)];
    const found = await this.repo.withCompanies(unique);
    const result: ServeCheck = { serving: [], refused: [] };
    for (const id of unique) {
      const row = found.find((r) => r.account.id === id);
      if (!row) {
        result.refused.push({ id, message: `account ${id} does not exist` });
        continue;
      }
      const { account, companyIds } = row;
      const reason = companyId
        ? this.access.serveRefusal({ ...account, companyIds }, companyId)
        : account.active
          ? null
          : 'is deactivated';
      if (reason) result.refused.push({ id, message: `account ${id} (${account.name}) ${reason}` });
      else result.serving.push(toEntry(account));
    }
    return result;
  }

  /** True when someone who serves the company is "Available for chat requests" (portal view, agent chat). */
  async anyoneAvailable(companyId: string): Promise<boolean> {
    return (await this.repo.find({ companyId, available: true })).length > 0;
  }
}

function toEntry(a: AccountEntity): TechnicianEntry {
  return { id: a.id, name: a.name, email: a.email, role: a.role, availability: a.availability };
}
