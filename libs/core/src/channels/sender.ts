import type { AccountView, ContactView } from '../identity/identity.views.js';

/**
 * Who wrote an inbound message, resolved once at the front of the pipeline: every contact with the
 * address (one per company, oldest first) and the technician account with the same address. The
 * destination decides from this value alone (threading rights, the contact in the ticket's company,
 * the dual-role rule) and never looks the sender up again.
 */
export interface Sender {
  /** Lower-cased bare address. */
  address: string;
  /** Display name the channel gave (mail `From:` name), if any. */
  name?: string;
  contacts: readonly ContactView[];
  account: AccountView | null;
}

/** The sender's contact in `companyId`, if they have one there. */
export function contactIn(sender: Sender, companyId: string): ContactView | undefined {
  return sender.contacts.find((c) => c.companyId === companyId);
}

/** An active technician account with the sender's address. */
export function activeAccount(sender: Sender): AccountView | null {
  return sender.account?.active ? sender.account : null;
}
