import { Injectable } from '@nestjs/common';
import { AccountService, ContactService, ValidationFailedError } from '@switchboard/core';
import type { ContactAuthor } from './ticket-inputs.js';

/**
 * The sender of an end-user message from a contact id: the contact and the technician account
 * with the same email (dual role). For callers that only know the id (portal, tests); channels
 * that already resolved the sender build the ContactAuthor themselves.
 */
@Injectable()
export class ContactAuthorService {
  constructor(
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
  ) {}

  async resolve(contactId: string): Promise<ContactAuthor> {
    const contact = await this.contacts.get(contactId).catch(() => {
      throw new ValidationFailedError('Unknown contact', { contactId: [`contact ${contactId} does not exist`] });
    });
    const account = contact.email ? await this.accounts.findByEmail(contact.email) : null;
    return { contact, account: account ? { id: account.id, name: account.name } : null };
  }
}
