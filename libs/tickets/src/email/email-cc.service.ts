import { Injectable } from '@nestjs/common';
import { AccountService, addressOf, TechnicianDirectory } from '@switchboard/core';
import type { InboundMessage } from '@switchboard/plugin-sdk';
import type { CcEntry } from '../ticket.types.js';
import { EmailSenders, splitName } from './email-sender.service.js';

/**
 * Cc'd people become the ticket's Cc: technicians who serve the ticket's company as accounts,
 * everyone else (an account restricted to other companies too, #13.6) as contacts of the ticket's
 * company, who get what a Cc'd contact gets: the public replies, never internal notes.
 */
@Injectable()
export class EmailCcResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly senders: EmailSenders,
    private readonly directory: TechnicianDirectory,
  ) {}

  /**
   * `ownAddresses` comes from the pipeline (computed once for the loop guard); the sender and
   * `exclude` (contacts already on the comment) never become Cc.
   */
  async entries(
    m: InboundMessage,
    ownAddresses: ReadonlySet<string>,
    from: string,
    companyId: string,
    exclude: string[],
  ): Promise<CcEntry[]> {
    const seen = new Set([...ownAddresses, from]);
    const entries: CcEntry[] = [];
    for (const person of (m.cc ?? []).slice(0, 20)) {
      const address = addressOf(person.address).toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(address) || seen.has(address)) continue;
      seen.add(address);
      const account = await this.accounts.findByEmail(address);
      if (account && (await this.directory.serving(companyId, [account.id])).serving.length) {
        entries.push({ kind: 'account', id: account.id });
        continue;
      }
      const contact = await this.senders.inCompany(
        companyId,
        address,
        person.name ?? splitName(undefined, address).firstName,
      );
      if (!exclude.includes(contact.id)) entries.push({ kind: 'contact', id: contact.id });
    }
    return entries;
  }
}
