import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '@switchboard/core';

/** What happens when an agent hands an accepted contact on (cases puts the case back to Unassigned, chat running). */
export type ReleasedContactHandler = (conversationId: string, agent: AccountPrincipal) => Promise<void>;

/**
 * The counterpart of ContactAcceptanceRegistry for a transfer: the floor above (cases) registers how
 * a released contact is un-assigned, so the next agent's accept can assign it again. Routing may not
 * import cases. Registered once at module init, the same on every instance.
 */
@Injectable()
export class ContactReleaseRegistry {
  private handler: ReleasedContactHandler | null = null;

  register(handler: ReleasedContactHandler): void {
    this.handler = handler;
  }

  async released(conversationId: string, agent: AccountPrincipal): Promise<void> {
    if (!this.handler) throw new Error('No handler for released contacts is registered');
    await this.handler(conversationId, agent);
  }
}
