import { Injectable } from '@nestjs/common';
import { AccountService, ContactService, ValidationFailedError } from '@switchboard/core';
import type { CcEntry } from '../ticket.types.js';

/** Validates Cc lists: contacts of the ticket's company and existing technicians, without duplicates. */
@Injectable()
export class TicketCcService {
  constructor(
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
  ) {}

  async normalize(entries: CcEntry[], companyId: string, field = 'cc'): Promise<CcEntry[]> {
    const unique = [...new Map(entries.map((e) => [`${e.kind}:${e.id}`, { kind: e.kind, id: e.id }])).values()];
    const contactIds = unique.filter((e) => e.kind === 'contact').map((e) => e.id);
    const accountIds = unique.filter((e) => e.kind === 'account').map((e) => e.id);
    const [contacts, accounts] = await Promise.all([
      this.contacts.getMany(contactIds),
      this.accounts.getMany(accountIds),
    ]);
    const errors: string[] = [];
    for (const id of contactIds) {
      const c = contacts.find((x) => x.id === id);
      if (!c || c.companyId !== companyId) errors.push(`contact ${id} does not exist in the ticket's company`);
    }
    for (const id of accountIds)
      if (!accounts.some((a) => a.id === id && a.active)) errors.push(`account ${id} does not exist`);
    if (errors.length) throw new ValidationFailedError('Invalid Cc list', { [field]: errors });
    return unique;
  }

  /** The list with `extra` appended (for Cc added while replying). */
  async merge(current: CcEntry[], extra: CcEntry[], companyId: string): Promise<CcEntry[]> {
    return this.normalize([...current, ...(await this.normalize(extra, companyId))], companyId);
  }
}
