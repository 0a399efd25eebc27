import { Injectable } from '@nestjs/common';
import { ContactService, TechnicianDirectory, ValidationFailedError } from '@switchboard/core';
import type { CcEntry } from '../ticket.types.js';

const key = (e: CcEntry) => `${e.kind}:${e.id}`;

/**
 * Validates Cc lists: contacts of the ticket's company and accounts serving it (#13.6), without
 * duplicates. Entries already on the ticket are kept as they are: an account restricted since is
 * filtered when mail is sent, and must not make every later edit of the list fail.
 */
@Injectable()
export class TicketCcService {
  constructor(
    private readonly contacts: ContactService,
    private readonly directory: TechnicianDirectory,
  ) {}

  async normalize(entries: CcEntry[], companyId: string, current: CcEntry[] = [], field = 'cc'): Promise<CcEntry[]> {
    const unique = [...new Map(entries.map((e) => [key(e), { kind: e.kind, id: e.id }])).values()];
    const kept = new Set(current.map(key));
    const fresh = unique.filter((e) => !kept.has(key(e)));
    const contactIds = fresh.filter((e) => e.kind === 'contact').map((e) => e.id);
    const accountIds = fresh.filter((e) => e.kind === 'account').map((e) => e.id);
    const [contacts, accounts] = await Promise.all([
      this.contacts.getMany(contactIds),
      accountIds.length ? this.directory.serving(companyId, accountIds) : { serving: [], refused: [] },
    ]);
    const errors: string[] = [];
    for (const id of contactIds) {
      const c = contacts.find((x) => x.id === id);
      if (!c || c.companyId !== companyId) errors.push(`contact ${id} does not exist in the ticket's company`);
    }
    errors.push(...accounts.refused.map((r) => r.message));
    if (errors.length) throw new ValidationFailedError('Invalid Cc list', { [field]: errors });
    return unique;
  }

  /** The list with `extra` appended (for Cc added while replying). */
  async merge(current: CcEntry[], extra: CcEntry[], companyId: string): Promise<CcEntry[]> {
    return this.normalize([...current, ...extra], companyId, current);
  }
}
