import { Injectable } from '@nestjs/common';
import type { AccountPrincipal, Tx } from '@switchboard/core';

/** What a release announces once the transfer's transaction has committed (e.g. cases' case.updated). */
export type ReleaseNotice = () => Promise<void>;

/**
 * What happens when an agent hands an accepted contact on (cases puts the case back to Unassigned, chat
 * running). Runs inside the transfer's transaction `tx`; returns what to announce after its commit.
 */
export type ReleasedContactHandler = (
  conversationId: string,
  agent: AccountPrincipal,
  tx: Tx,
) => Promise<ReleaseNotice | void>;

const nothing: ReleaseNotice = async () => undefined;

/**
 * The counterpart of ContactAcceptanceRegistry for a transfer: the floor above (cases) registers how
 * a released contact is un-assigned, so the next agent's accept can assign it again. Routing may not
 * import cases. Registered once at module init, the same on every instance. The release is part of
 * the transfer's transaction: once the contact is committed waiting (or ringing), another instance may
 * offer it and the accept assigns the case, which must be Unassigned by then.
 */
@Injectable()
export class ContactReleaseRegistry {
  private handler: ReleasedContactHandler | null = null;

  register(handler: ReleasedContactHandler): void {
    this.handler = handler;
  }

  async released(conversationId: string, agent: AccountPrincipal, tx: Tx): Promise<ReleaseNotice> {
    if (!this.handler) throw new Error('No handler for released contacts is registered');
    return (await this.handler(conversationId, agent, tx)) ?? nothing;
  }
}
