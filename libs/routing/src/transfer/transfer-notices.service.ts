import { Injectable } from '@nestjs/common';
import { RealtimeService, TechnicianDirectory } from '@switchboard/core';
import type { ContactOfferCloseReason, TransferAbandonReason } from '@switchboard/contracts';
import type { RoutingContactEntity } from '../entities/routing-contact.entity.js';
import { RoutingContactRepository } from '../repositories/routing-contact.repository.js';

/**
 * What a transfer adds to the offer flow: "Transferred by" on the offers of a transferred contact,
 * and the abandoned direct transfer told to the agent who transferred: the target declined or let it
 * ring out (the contact is already back in its queue by then, OfferResponseService), or the contact
 * left while it rang (the customer left, or it overflowed: ContactExitService). Only the instance
 * whose conditional UPDATE drops the target sends the notice.
 */
@Injectable()
export class TransferNotices {
  constructor(
    private readonly contacts: RoutingContactRepository,
    private readonly directory: TechnicianDirectory,
    private readonly realtime: RealtimeService,
  ) {}

  async origin(contact: RoutingContactEntity): Promise<{ fromId: string; fromName: string } | undefined> {
    if (!contact.transferFromId) return undefined;
    return { fromId: contact.transferFromId, fromName: await this.nameOf(contact.transferFromId) };
  }

  async offerClosed(agentId: string, conversationId: string, reason: ContactOfferCloseReason): Promise<void> {
    // A withdrawn offer is told by contactLeft (which knows withdrawal from overflow); an accept abandons nothing.
    if (reason !== 'declined' && reason !== 'expired') return;
    await this.abandoned(agentId, conversationId, reason);
  }

  /** The contact ringing at `agentId` left its queue (ContactExitService): a direct transfer to them is over. */
  async contactLeft(agentId: string, conversationId: string, reason: 'withdrawn' | 'overflowed'): Promise<void> {
    await this.abandoned(agentId, conversationId, reason);
  }

  private async abandoned(agentId: string, conversationId: string, reason: TransferAbandonReason): Promise<void> {
    if (!(await this.contacts.dropTransferTarget(conversationId, agentId))) return;
    const c = await this.contacts.findById(conversationId);
    if (!c?.transferFromId) return;
    this.realtime.toAccount(c.transferFromId, 'contact.transfer_abandoned', {
      conversationId,
      companyId: c.companyId,
      targetName: await this.nameOf(agentId),
      reason,
    });
  }

  private async nameOf(accountId: string): Promise<string> {
    // serving(null, …): any existing account, deactivated ones refused (then no name is shown).
    return (await this.directory.serving(null, [accountId])).serving[0]?.name ?? 'Another agent';
  }
}
