import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '@switchboard/core';

/** What happens when an agent accepts (cases assigns the case to them, as a self-assign does). */
export type AcceptedContactHandler = (conversationId: string, agent: AccountPrincipal) => Promise<void>;

/**
 * The floor above (cases) registers how an accepted contact is assigned: routing may not import
 * cases. Registered once at module init, the same on every instance (code, not state).
 */
@Injectable()
export class ContactAcceptanceRegistry {
  private handler: AcceptedContactHandler | null = null;

  register(handler: AcceptedContactHandler): void {
    this.handler = handler;
  }

  async accepted(conversationId: string, agent: AccountPrincipal): Promise<void> {
    if (!this.handler) throw new Error('No handler for accepted contacts is registered');
    await this.handler(conversationId, agent);
  }
}
